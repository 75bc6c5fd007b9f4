"""Read a feed as a feed reader does (feedparser), and count a feed's queries."""

import feedparser
from django.db import connection
from django.test.utils import CaptureQueriesContext

CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def read_feed(client, path, **headers):
    """GET a feed (``…/rss/`` or ``…/atom/``) and parse it; it must be well formed."""
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    kind = path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind]), response["Content-Type"]
    parsed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    return parsed


def titles(parsed) -> list[str]:
    return [entry.title for entry in parsed.entries]


def count_queries(client, path, **headers) -> int:
    """The queries of a warm GET of ``path`` (sites and content types already cached)."""
    assert client.get(path, **headers).status_code == 200, path
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, **headers).status_code == 200, path
    return len(captured)
