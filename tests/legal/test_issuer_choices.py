"""The issuer filter lists the bodies with live documents, from the issuer table,
kept right by publishing, unpublishing, renaming and deleting documents."""

from importlib import import_module

import pytest
from django.apps import apps

from eportal.legal import search
from eportal.legal.models import LegalDocumentPage, LegalIssuer
from tests.legal.helpers import add_documents

FINANCE, CONSTRUCTION = "so-tai-chinh", "so-xay-dung"


def counts():
    return dict(LegalIssuer.objects.values_list("key", "document_count"))


def choices(client):
    return dict(client.get("/van-ban/").context["form"].fields["issuer"].choices)


@pytest.mark.django_db
def test_publishing_and_unpublishing_add_and_remove_the_issuer(client, province):
    (draft,) = add_documents(province["main"], 1, live=False)
    assert FINANCE not in counts()

    draft.save_revision().publish()
    assert counts()[FINANCE] == 1
    assert choices(client)[FINANCE] == "Sở Tài chính"
    assert client.get("/van-ban/?issuer=so-tai-chinh").context["results"].count == 1

    LegalDocumentPage.objects.get(pk=draft.pk).unpublish()
    assert FINANCE not in counts()
    assert FINANCE not in choices(client)


@pytest.mark.django_db
def test_an_issuer_stays_while_one_of_its_documents_is_live(client, province):
    first, second = add_documents(province["main"], 2)
    assert counts()[FINANCE] == 2

    first.delete()
    assert counts()[FINANCE] == 1
    LegalDocumentPage.objects.get(pk=second.pk).delete()
    assert FINANCE not in counts()


@pytest.mark.django_db
def test_renaming_the_issuer_moves_the_document(client, province):
    first, _second = add_documents(province["main"], 2)

    page = LegalDocumentPage.objects.get(pk=first.pk).get_latest_revision_as_object()
    page.issuer = "Sở Xây dựng"
    page.save_revision().publish()
    assert (counts()[FINANCE], counts()[CONSTRUCTION]) == (1, 1)
    assert choices(client)[CONSTRUCTION] == "Sở Xây dựng"
    # A draft of a new name changes nothing until it is published.
    page = LegalDocumentPage.objects.get(pk=first.pk).get_latest_revision_as_object()
    page.issuer = "Sở Tài chính"
    page.save_revision()
    assert (counts()[FINANCE], counts()[CONSTRUCTION]) == (1, 1)


@pytest.mark.django_db
def test_deleting_a_portal_s_documents_with_their_parent_counts_them_all(province):
    add_documents(province["sotttt"], 3, issuer="Sở Xây dựng")
    assert counts()[CONSTRUCTION] == 3

    from eportal.legal import services

    services.index_for(province["sotttt"]).delete()
    assert CONSTRUCTION not in counts()


@pytest.mark.django_db
def test_the_migration_and_rebuild_count_the_live_documents(province, import_text):
    import_text("05-2014-qd-ubnd.txt")
    import_text("86-kh-stttt.txt", portal="sotttt")
    add_documents(province["main"], 2)
    add_documents(province["main"], 1, start=5, live=False)
    expected = counts()
    assert expected[FINANCE] == 2 and expected["so-thong-tin-va-truyen-thong-tinh-thai-binh"] == 1

    LegalIssuer.objects.all().delete()
    import_module("eportal.legal.migrations.0002_list_at_scale").fill_issuers(apps, None)
    assert counts() == expected
    LegalIssuer.objects.update(document_count=7)
    LegalIssuer.rebuild()
    assert counts() == expected
    assert dict(search.issuer_choices()) == dict(LegalIssuer.objects.values_list("key", "name"))
