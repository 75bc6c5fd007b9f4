"""Bulk load of an archive: new documents in chunks, the indexes after, in a task."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, PageLogEntry, Revision

from eportal.core import clock
from eportal.legal import importers, services
from eportal.legal.models import LegalDocumentPage, LegalIssuer, LegalRelation, Status
from eportal.search.models import SearchEntry

ISSUER = "Ủy ban nhân dân tỉnh Thái Bình"


def csv_rows(rows: list[dict]) -> list[importers.Row]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=sorted({k for r in rows for k in r}))
    writer.writeheader()
    writer.writerows(rows)
    return importers.read_source("luu-tru.csv", buffer.getvalue())


def decision(n: int, **fields) -> dict:
    return {
        "number": f"{n}/2019/QĐ-UBND",
        "form": "Quyết định",
        "issuer": ISSUER,
        "issued": "2019-03-0%d" % (1 + n % 9),
        "summary": f"Quy định quản lý cụm công nghiệp số {n} trên địa bàn tỉnh",
        "field": "Công thương",
        **fields,
    }


@pytest.mark.django_db
def test_new_documents_are_published_whole_with_revision_log_and_counts(province):
    rows = csv_rows(
        [
            decision(1),
            decision(2, based_on="Quyết định số 1/2019/QĐ-UBND ngày 01/3/2019"),
            decision(3, replaces="Quyết định số 7/2010/QĐ-UBND"),
        ]
    )

    report = importers.import_rows(rows, portal=province["main"], publish=True, bulk=True)

    assert report.failures == [] and len(report.imported) == 3
    pages = list(LegalDocumentPage.objects.order_by("number"))
    assert [p.number for p in pages] == ["1/2019/QĐ-UBND", "2/2019/QĐ-UBND", "3/2019/QĐ-UBND"]
    index_page = services.index_for(province["main"])
    for page in pages:
        assert page.live and not page.has_unpublished_changes
        assert page.get_parent().pk == index_page.pk
        assert page.url_path == f"{index_page.url_path}{page.slug}/"
        assert page.portal == province["main"] and page.sector.name == "Công thương"
        assert page.live_revision_id == page.latest_revision_id
        assert page.get_latest_revision_as_object().summary == page.summary
        actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert actions == {"legal.import", "wagtail.publish"}
    assert Revision.objects.filter(object_id__in=[str(p.pk) for p in pages]).count() == 3
    # The tree is whole: paths, depths and the parent's child count agree.
    assert Page.find_problems() == ([], [], [], [], [])
    index_page.refresh_from_db()
    assert index_page.numchild == 3
    assert LegalIssuer.objects.get(key=pages[0].issuer_key).document_count == 3


@pytest.mark.django_db
def test_the_task_links_relations_and_fills_both_search_indexes(
    province, client, wagtail_search_index
):
    rows = csv_rows(
        [decision(1), decision(2, based_on="Quyết định số 1/2019/QĐ-UBND ngày 01/3/2019")]
    )
    importers.import_rows(rows, portal=province["main"], publish=True, bulk=True)

    first, second = LegalDocumentPage.objects.order_by("number")
    # The test suite runs tasks at once; in production the worker does.
    relation = LegalRelation.objects.get(source=second)
    assert relation.target_id == first.pk
    assert SearchEntry.objects.filter(object_id=str(first.pk)).exists()
    found = client.get("/api/v1/search", {"q": "cụm công nghiệp số 2", "type": "legal"}).json()
    assert second.title in [item["title"] for item in found["items"]], found
    # Wagtail's own index: the admin's page search.
    assert LegalDocumentPage.objects.search("cụm công nghiệp").count() == 2
    response = client.get(first.url_path.replace(province["main"].home_page.url_path, "/"))
    assert response.status_code == 200


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_indexing_waits_for_the_worker_in_the_same_transaction(province):
    importers.import_rows(
        csv_rows([decision(1), decision(2)]), portal=province["main"], publish=True, bulk=True
    )
    task = DBTaskResult.objects.get(task_path="eportal.legal.tasks.index_documents")
    assert sorted(task.args_kwargs["args"][0]) == sorted(
        LegalDocumentPage.objects.values_list("pk", flat=True)
    )
    ids = [str(pk) for pk in task.args_kwargs["args"][0]]
    assert not SearchEntry.objects.filter(object_id__in=ids).exists()  # the worker indexes


@pytest.mark.django_db
def test_bad_rows_are_named_by_line_and_nothing_of_them_is_written(province):
    rows = csv_rows(
        [
            decision(1),
            decision(2, number=""),
            decision(1, summary="Bản trùng trong cùng tệp"),
            decision(4, issued="2019-13-40"),
            decision(5),
        ]
    )

    report = importers.import_rows(rows, portal=province["main"], publish=True, bulk=True)

    failures = {f.label: f.message for f in report.failures}
    assert set(failures) == {"luu-tru.csv, dòng 3", "luu-tru.csv, dòng 4", "luu-tru.csv, dòng 5"}
    assert "số ký hiệu" in failures["luu-tru.csv, dòng 3"]
    assert "luu-tru.csv, dòng 2" in failures["luu-tru.csv, dòng 4"]
    assert sorted(LegalDocumentPage.objects.values_list("number", flat=True)) == [
        "1/2019/QĐ-UBND",
        "5/2019/QĐ-UBND",
    ]


@pytest.mark.django_db
def test_a_chunk_that_fails_in_the_database_is_imported_row_by_row(province, monkeypatch):
    def fail(*args, **kwargs):
        raise services.ValidationError("tệp đính kèm hỏng")

    monkeypatch.setattr(services, "publish_new_documents", fail)
    report = importers.import_rows(
        csv_rows([decision(1), decision(2)]), portal=province["main"], publish=True, bulk=True
    )
    assert report.failures == [] and len(report.imported) == 2
    assert LegalDocumentPage.objects.live().count() == 2


@pytest.mark.django_db
def test_importing_again_updates_and_never_copies(province):
    importers.import_rows(
        csv_rows([decision(1), decision(2)]), portal=province["main"], publish=True, bulk=True
    )
    again = importers.import_rows(
        csv_rows([decision(1, signer="Nguyễn Khắc Thận"), decision(3)]),
        portal=province["main"],
        publish=True,
        bulk=True,
    )
    assert sorted((r.page.number, r.created) for r in again.imported) == [
        ("1/2019/QĐ-UBND", False),
        ("3/2019/QĐ-UBND", True),
    ]
    assert LegalDocumentPage.objects.count() == 3
    assert LegalDocumentPage.objects.get(number="1/2019/QĐ-UBND").signer == "Nguyễn Khắc Thận"
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_slugs_stay_unique_beside_documents_already_there(province):
    main = province["main"]
    importers.import_rows(
        csv_rows([decision(1, issuer="Sở Công Thương")]), portal=main, publish=True, bulk=True
    )
    importers.import_rows(csv_rows([decision(1)]), portal=main, publish=True, bulk=True)
    slugs = sorted(LegalDocumentPage.objects.values_list("slug", flat=True))
    assert slugs == ["1-2019-qd-ubnd", "1-2019-qd-ubnd-2"]


@pytest.mark.django_db
def test_recent_documents_get_their_posting_deadline_met(province):
    from eportal.workdays.services import get_deadline

    today = clock.today()
    rows = csv_rows([decision(1, issued=(today - timedelta(days=2)).isoformat())])
    importers.import_rows(rows, portal=province["main"], publish=True, bulk=True)
    page = LegalDocumentPage.objects.get()
    deadline = get_deadline(page, services.ISSUER_RULE)
    assert deadline is not None and deadline.completed_on == today


@pytest.mark.django_db
def test_a_replacement_expires_the_old_document_once_indexed(province):
    main = province["main"]
    importers.import_rows(
        csv_rows([decision(7, issued="2010-01-04")]), portal=main, publish=True, bulk=True
    )
    importers.import_rows(
        csv_rows([decision(8, effective="2019-04-01", replaces="Quyết định số 7/2019/QĐ-UBND")]),
        portal=main,
        publish=True,
        bulk=True,
    )
    old = LegalDocumentPage.objects.get(number="7/2019/QĐ-UBND")
    assert (old.status, old.status_changed_on) == (Status.EXPIRED, date(2019, 4, 1))


def _queries(province, start: int, count: int) -> int:
    rows = csv_rows([decision(n) for n in range(start, start + count)])
    with CaptureQueriesContext(connection) as queries:
        report = importers.import_rows(rows, portal=province["main"], publish=True, bulk=True)
    assert len(report.imported) == count
    return len(queries)


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_queries_do_not_grow_with_the_number_of_documents(province):
    _queries(province, 1, 1)  # the sector, the issuer and the content types, once
    # Within one insert batch (SQLite takes 35 pages per INSERT, PostgreSQL 2,000).
    assert _queries(province, 100, 30) == _queries(province, 10, 3)
