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


def index_corpus(portals):
    """Index the 200-item corpus, each item on portals[its portal's key]."""
    for item in corpus.items():
        index(
            portals[item["portal"]],
            item["key"],
            kind=item["kind"],
            title=item["title"],
            text=item["body"],
            date=item["date"],
            sector=item["sector"],
        )


@pytest.fixture
def indexed_corpus(province):
    """The 200-item corpus, spread over the test province's three portals."""
    index_corpus(province)
    return province
