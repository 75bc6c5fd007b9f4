"""The due date to post: 2 working days on the issuer's portal, 10 on governed portals."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from eportal.legal import services
from eportal.legal.models import GovernedPortal
from eportal.legal.parser import parse_text
from eportal.workdays.services import get_deadline
from tests.legal.conftest import text


def fresh(issued: date):
    """The regulation's text, as if it had just been issued on ``issued``."""
    doc = parse_text(text("05-2014-qd-ubnd.txt"))
    doc.issued = issued
    doc.effective = issued
    return doc


@pytest.mark.django_db
def test_it_opens_both_deadlines_and_meets_them_on_publish(province, board):
    issued = date(2026, 11, 26)  # Thursday
    editor = board["main"]["editor"]
    result = services.import_document(
        fresh(issued),
        portal=province["main"],
        by=editor,
        publish=False,
        governed=[province["sotttt"], province["quynhphu"]],
        today=issued,
    )
    page = result.page
    issuer_deadline = get_deadline(page, services.ISSUER_RULE)
    assert issuer_deadline.portal == province["main"]
    assert issuer_deadline.due_date == date(2026, 11, 30)  # Thu + 2 working days: Mon
    assert issuer_deadline.completed_on is None
    governed = {
        row.portal.slug: get_deadline(row, services.GOVERNED_RULE)
        for row in GovernedPortal.objects.filter(page=page)
    }
    assert set(governed) == {"sotttt", "quynhphu"}
    assert governed["sotttt"].portal == province["sotttt"]
    assert governed["sotttt"].due_date == date(2026, 12, 10)

    page.get_latest_revision().publish(user=None)
    assert get_deadline(page, services.ISSUER_RULE).completed_on == timezone.localdate()
    assert get_deadline(governed_row(page, "sotttt"), services.GOVERNED_RULE).completed_on


def governed_row(page, slug):
    return GovernedPortal.objects.get(page=page, portal__slug=slug)


@pytest.mark.django_db
def test_a_bulk_load_of_old_documents_opens_no_deadline(import_text):
    page = import_text("05-2014-qd-ubnd.txt")
    assert get_deadline(page, services.ISSUER_RULE) is None


@pytest.mark.django_db
def test_a_document_entered_in_the_admin_gets_its_deadline(province, board, client):
    from eportal.legal.models import LegalDocumentPage

    index_page = services.index_for(province["sotttt"])
    issued = timezone.localdate() - timedelta(days=1)
    client.force_login(board["sotttt"]["contributor"])
    response = client.post(
        f"/admin/pages/add/legal/legaldocumentpage/{index_page.pk}/",
        {
            "title": "Công văn 15/STTTT-VP",
            "slug": "15-sttttt-vp",
            "summary": "Về việc cập nhật văn bản lên cổng",
            "form": "cong-van",
            "number": "15/STTTT-VP",
            "issuer": "Sở Thông tin và Truyền thông",
            "issued": issued.isoformat(),
            "status": "in_force",
            "body": "",
            **{
                f"{prefix}-{k}": v
                for prefix in ("relations", "files", "governed_portals")
                for k, v in {
                    "TOTAL_FORMS": "0",
                    "INITIAL_FORMS": "0",
                    "MIN_NUM_FORMS": "0",
                    "MAX_NUM_FORMS": "1000",
                }.items()
            },
            "action-submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = LegalDocumentPage.objects.get(number="15/STTTT-VP")
    assert page.portal == province["sotttt"]
    assert page.current_workflow_state is not None
    deadline = get_deadline(page, services.ISSUER_RULE)
    assert deadline is not None and deadline.started_on == issued
