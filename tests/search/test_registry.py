"""Other apps make their non-page models searchable through the registry."""

import pytest

from eportal.portals.models import Agency
from eportal.search import registry


@pytest.fixture
def agencies_registered(db):
    registry.register(
        Agency,
        kind="page",
        queryset_fn=lambda: Agency.objects.exclude(kind=Agency.Kind.OTHER),
        portal_fn=lambda a: None,
        url_fn=lambda a: f"/co-quan/{a.pk}/",
        date_fn=lambda a: None,
        title_fn=lambda a: a.name,
        text_fn=lambda a: a.address,
    )
    yield
    registry.unregister(Agency)


def test_it_indexes_registered_objects_when_saved_and_drops_them_when_hidden(
    client, agencies_registered
):
    agency = Agency.objects.create(
        name="Sở Tư pháp", kind=Agency.Kind.DEPARTMENT, address="Số 1 Lê Lợi"
    )
    assert "Sở Tư pháp" in client.get("/tim-kiem/", {"q": "le loi"}).text

    agency.kind = Agency.Kind.OTHER
    agency.save()
    assert "Sở Tư pháp" not in client.get("/tim-kiem/", {"q": "le loi"}).text


def test_it_drops_deleted_objects(client, agencies_registered):
    agency = Agency.objects.create(name="Sở Tư pháp", kind=Agency.Kind.DEPARTMENT)
    agency.delete()
    assert "Sở Tư pháp" not in client.get("/tim-kiem/", {"q": "tu phap"}).text


def test_it_refuses_an_unknown_kind(db):
    with pytest.raises(ValueError):
        registry.register(
            Agency,
            kind="khong-co",
            queryset_fn=Agency.objects.all,
            portal_fn=None,
            url_fn=None,
            date_fn=None,
            title_fn=None,
            text_fn=None,
        )
