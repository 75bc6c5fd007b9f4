import pytest
from django.contrib.contenttypes.models import ContentType

from eportal.search import services
from eportal.search.models import SearchEntry
from tests.search import corpus


def index(portal, key, *, kind="page", title, text="", date=None, sector="", **extra):
    """Index one item directly (its own kind of content type: the index rows)."""
    return services.index_item(
        ContentType.objects.get_for_model(SearchEntry),
        key,
        kind=kind,
        title=title,
        text=text,
        url=f"/muc/{key}/",
        portal=portal,
        date=date,
        sector=sector,
        **extra,
    )


@pytest.fixture
def indexed_corpus(province):
    """The 200-item corpus, spread over the test province's three portals."""
    for item in corpus.items():
        index(
            province[item["portal"]],
            item["key"],
            kind=item["kind"],
            title=item["title"],
            text=item["body"],
            date=item["date"],
            sector=item["sector"],
        )
    return province
