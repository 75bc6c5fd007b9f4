"""Staff move a dossier through the national statuses; the due date counts
working days from acceptance and stops while documents or payment are awaited."""

from datetime import date, datetime, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from eportal.core import clock
from eportal.dossiers import services as dossier_services
from eportal.workdays.services import calendar
from tests.online_services import pdf_file


def at(day: date):
    return clock.frozen_at(timezone.make_aware(datetime.combine(day, time(9))))


def test_it_pauses_the_clock_while_documents_are_awaited(submitted, board, citizen):
    staff = board["sotttt"]["one_stop_officer"]
    work = calendar()
    with at(date(2026, 3, 2)):  # a Monday
        dossier_services.accept(submitted, by=staff)
    submitted.refresh_from_db()
    assert submitted.accepted_on == date(2026, 3, 2)
    assert submitted.due_date == work.add_working_days(date(2026, 3, 2), 5)
    first_due = submitted.due_date
    with at(date(2026, 3, 3)):
        dossier_services.request_supplement(submitted, by=staff, items="Bản sao hợp đồng thuê nhà")
    submitted.refresh_from_db()
    assert submitted.status == "supplement" and submitted.paused_since == date(2026, 3, 3)
    with at(date(2026, 3, 6)):  # three working days later
        dossier_services.supply(
            submitted, by=citizen, files={"Giấy tờ khác": [pdf_file("hop-dong.pdf")]}
        )
    submitted.refresh_from_db()
    assert submitted.status == "processing" and submitted.paused_since is None
    assert submitted.due_date == work.add_working_days(first_due, 3)
    assert submitted.files.filter(supplement=True).count() == 1
    with at(submitted.due_date):
        dossier_services.finish(submitted, by=staff)
        dossier_services.return_result(submitted, by=staff)
    submitted.refresh_from_db()
    assert submitted.status == "returned" and submitted.finished_on == submitted.due_date
    actions = list(submitted.events.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "submitted",
        "accepted",
        "supplement_requested",
        "supplied",
        "done",
        "returned",
    ]


def test_it_refuses_a_transition_outside_the_table(submitted, board):
    staff = board["sotttt"]["one_stop_officer"]
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        dossier_services.return_result(submitted, by=staff)
    dossier_services.refuse(submitted, by=staff, reason="Hồ sơ không thuộc thẩm quyền.")
    with pytest.raises(ValidationError):
        dossier_services.accept(submitted, by=staff)


def test_it_lets_only_the_agencys_staff_move_a_dossier(submitted, board):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        dossier_services.accept(submitted, by=board["quynhphu"]["one_stop_officer"])


def test_it_sends_forms_02_03_04_by_email(
    procedure, citizen, board, django_capture_on_commit_callbacks, client
):
    staff = board["sotttt"]["one_stop_officer"]
    files = {"Đơn đề nghị": [pdf_file()], "Bản sao giấy tờ tùy thân": [pdf_file("cccd.pdf")]}
    late, _ = dossier_services.submit_dossier(procedure, user=citizen, answers=[], files=files)
    refused, _ = dossier_services.submit_dossier(procedure, user=citizen, answers=[], files=files)
    with django_capture_on_commit_callbacks(execute=True):
        dossier_services.accept(late, by=staff)
        dossier_services.request_supplement(late, by=staff, items="Giấy xác nhận cư trú")
        dossier_services.refuse(refused, by=staff, reason="Không thuộc thẩm quyền giải quyết.")
    late.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        dossier_services.apologize(
            late,
            by=staff,
            new_date=late.due_date.replace(year=late.due_date.year + 1),
            reason="Chờ ý kiến liên ngành.",
        )
    attached = {name for message in mail.outbox for name, _content, _type in message.attachments}
    assert {
        f"{late.code}-mau-02.pdf",
        f"{late.code}-mau-04.pdf",
        f"{refused.code}-mau-03.pdf",
    } <= attached
    client.force_login(citizen)
    for code, form in ((late.code, "02"), (late.code, "04"), (refused.code, "03")):
        response = client.get(f"/dich-vu-cong/ho-so/{code}/mau-{form}.pdf")
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
    history = client.get(f"/dich-vu-cong/ho-so/{late.code}/").content.decode()
    assert "Giấy xác nhận cư trú" in history and "Chờ ý kiến liên ngành." in history
    # A form that was never issued is not there.
    assert client.get(f"/dich-vu-cong/ho-so/{refused.code}/mau-04.pdf").status_code == 404


def test_it_lets_the_owner_withdraw(submitted, citizen, other_citizen):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        dossier_services.withdraw(submitted, by=other_citizen)
    dossier_services.withdraw(submitted, by=citizen, reason="Nộp nhầm")
    submitted.refresh_from_db()
    assert submitted.status == "withdrawn" and submitted.closed_on is not None
