"""/van-ban/ and the API run as many queries for 50 documents as for 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.legal.models import GovernedPortal, LegalField
from tests.legal.helpers import add_documents

URLS = [
    "/van-ban/",
    "/van-ban/?q=quyet+toan&sort=relevance",
    "/van-ban/?issuer=so-tai-chinh&field=tai-chinh",
    "/p/sotttt/van-ban/",
    "/p/sotttt/van-ban/?q=ngan+sach",
    "/api/v1/legal-documents",
    "/api/v1/legal-documents?q=quyet+toan&form=cong-van",
    "/p/sotttt/api/v1/legal-documents",
]


def query_counts(client):
    counts = {}
    for url in URLS:
        assert client.get(url).status_code == 200  # warm: sites, choices, templates
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    return counts


def grow_to(province, total, have):
    sector = LegalField.objects.get_or_create(name="Tài chính")[0]
    for key in ("main", "sotttt"):
        documents = add_documents(
            province[key],
            total - have,
            start=have + (1000 if key == "sotttt" else 0),
            sector=sector,
        )
        if key == "main":
            GovernedPortal.objects.bulk_create(
                GovernedPortal(page=d, portal=province["sotttt"]) for d in documents[::3]
            )


@pytest.mark.django_db
def test_the_lists_query_the_same_at_5_and_50_documents(client, province):
    grow_to(province, 5, 0)
    few = query_counts(client)
    grow_to(province, 50, 5)
    many = query_counts(client)
    assert many == few
