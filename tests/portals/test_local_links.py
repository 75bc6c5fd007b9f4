"""In development (`make run` sets EPORTAL_LOCAL_URL) links made outside a
request — the admin's "view live", the mails — lead to the local server by
/p/<slug>/ paths, not to the production hosts that are not this machine."""

import pytest
from django.core import mail

from eportal.core.models import ContentPage
from eportal.qa import services as qa_services

LOCAL = "http://127.0.0.1:8123"


@pytest.fixture
def page(province):
    page = ContentPage(title="Lịch tiếp công dân", slug="lich-tiep-cong-dan", body="")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def test_a_page_links_to_the_local_server_by_its_portal_path(settings, page):
    settings.EPORTAL_LOCAL_URL = LOCAL
    assert page.full_url == f"{LOCAL}/p/sotttt/lich-tiep-cong-dan/"
    assert page.url == f"{LOCAL}/p/sotttt/lich-tiep-cong-dan/"


def test_without_a_local_server_a_page_links_to_its_portal_host(settings, page, province):
    settings.EPORTAL_LOCAL_URL = ""
    assert page.full_url == f"{province['sotttt'].site.root_url}/lich-tiep-cong-dan/"
    assert LOCAL not in page.full_url


def test_the_admin_view_live_button_opens_the_local_page(settings, page, province, board, client):
    settings.EPORTAL_LOCAL_URL = LOCAL
    client.force_login(board["sotttt"]["editor"])
    html = client.get(f"/admin/pages/{province['sotttt'].home_page.pk}/").content.decode()
    assert f'href="{LOCAL}/p/sotttt/lich-tiep-cong-dan/"' in html
    assert "thaibinh.gov.vn/lich-tiep-cong-dan/" not in html


def test_a_citizens_mail_links_to_the_local_tracking_page(settings, province):
    settings.EPORTAL_LOCAL_URL = LOCAL
    question, _created = qa_services.submit_question(
        province["sotttt"],
        name="Trần Thị Bình",
        email="binh@example.org",
        title="Giờ tiếp công dân",
        body="Xin hỏi lịch tiếp công dân của Sở?",
    )
    sent = [m for m in mail.outbox if "binh@example.org" in m.to]
    assert sent, "the citizen is acknowledged by mail"
    assert f"{LOCAL}/p/sotttt/hoi-dap/tra-cuu/?ma={question.code}" in sent[0].body
