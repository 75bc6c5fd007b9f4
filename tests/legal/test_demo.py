"""The demo loads the regulation and its relations, and a second run adds nothing."""

import pytest

from eportal.demo import legal as demo
from eportal.demo.province import DemoReport
from eportal.legal.models import GazetteIssue, ImportBatch, LegalDocumentPage, Status


@pytest.mark.django_db
def test_it_loads_the_regulation_with_its_relations_once(province, board, superuser):
    report = DemoReport()
    demo.load(report)
    regulation = LegalDocumentPage.objects.get(number="05/2014/QĐ-UBND")
    assert regulation.live
    assert LegalDocumentPage.objects.get(number="12/2009/QĐ-UBND").expired_by == regulation
    assert LegalDocumentPage.objects.get(number="43/2011/NĐ-CP").status == Status.EXPIRED
    unresolved = regulation.relations.filter(target__isnull=True).values_list(
        "target_text", flat=True
    )
    assert "Luật Giao dịch điện tử ngày 29/11/2005" in unresolved
    assert GazetteIssue.objects.get().entries.first().document == regulation
    # A batch of the Department's contributor waits for its board's review.
    batch = ImportBatch.objects.get(portal=province["sotttt"])
    assert batch.created_by == board["sotttt"]["contributor"]
    items = {i.page.number: i for i in batch.items.select_related("page")}
    assert set(items) == {"112/KH-STTTT", "118/TB-STTTT"}
    assert all(i.page.current_workflow_state.status == "in_progress" for i in items.values())

    regulation_draft = regulation.get_latest_revision_as_object()
    regulation_draft.signer = "Đã sửa"
    regulation_draft.save_revision(user=superuser).publish(user=superuser)
    again = DemoReport()
    demo.load(again)
    assert again.created == 0
    assert LegalDocumentPage.objects.get(pk=regulation.pk).signer == "Đã sửa"
