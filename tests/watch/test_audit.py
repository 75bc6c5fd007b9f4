"""The one audit trail: sign-ins, the viewer, its exports and its scope."""

import csv
import io
from datetime import datetime, timedelta

from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from eportal.portals import access
from eportal.watch import audit
from tests.shared_data import PASSWORD

IP = "203.0.113.7"


def test_sign_in_failed_sign_in_and_sign_out_are_logged_with_the_address(client, board):
    editor = board["sotttt"]["editor"]
    client.post("/admin/login/", {"username": editor.username, "password": "sai"}, REMOTE_ADDR=IP)
    client.post("/admin/login/", {"username": "khong-co-ai", "password": "sai"}, REMOTE_ADDR=IP)
    client.post(
        "/admin/login/", {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR=IP
    )
    client.post("/admin/logout/", REMOTE_ADDR=IP)

    def entries(action, **where):
        return list(ModelLogEntry.objects.filter(action=action, **where))

    login = entries("eportal.login", user=editor)
    logout = entries("eportal.logout", user=editor)
    failed = entries("eportal.login_failed", object_id=str(editor.pk))
    unknown = entries("eportal.login_failed", label="khong-co-ai")
    assert (len(login), len(logout), len(failed), len(unknown)) == (1, 1, 1, 1)
    assert [e.data["ip"] for e in login + logout + failed + unknown] == [IP] * 4


def test_sign_in_entries_carry_the_portal_of_the_board_so_its_viewer_finds_them(
    client, province, board
):
    editor, quynhphu = board["quynhphu"]["editor"], province["quynhphu"]
    client.post("/admin/login/", {"username": editor.username, "password": "sai"})
    client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    client.post("/admin/logout/")

    logged = ModelLogEntry.objects.filter(
        object_id=str(editor.pk), action__in=[audit.LOGIN, audit.LOGOUT, audit.LOGIN_FAILED]
    )
    assert sorted((e.action, e.data["portal"]) for e in logged) == [
        (audit.LOGIN, quynhphu.pk),
        (audit.LOGIN_FAILED, quynhphu.pk),
        (audit.LOGOUT, quynhphu.pk),
    ]
    # The district's administrator finds them under the district; the
    # department's administrator, who sees only the department, does not.
    ids = {e.pk for e in logged}
    seen = audit.entries(board["quynhphu"]["administrator"], portal=quynhphu)
    assert ids <= {e["id"] for e in seen if e["source"] == "model"}
    others = audit.entries(board["sotttt"]["administrator"])
    assert not ids & {e["id"] for e in others if e["source"] == "model"}


def test_a_sign_in_on_a_portals_address_belongs_to_that_portal(client, province, board):
    """/p/<slug>/admin/ (as the portal's own host) names the portal, even for a
    name nobody has."""
    sotttt = province["sotttt"]
    client.post(f"/p/{sotttt.slug}/admin/login/", {"username": "khong-co-ai", "password": "sai"})
    (unknown,) = ModelLogEntry.objects.filter(action=audit.LOGIN_FAILED, label="khong-co-ai")
    assert unknown.data["portal"] == sotttt.pk
    seen = audit.entries(board["sotttt"]["administrator"], portal=sotttt)
    assert unknown.pk in {e["id"] for e in seen if e["source"] == "model"}


def test_a_member_of_several_boards_is_logged_under_the_component_portal(province, board):
    from django.test import RequestFactory

    editor = board["sotttt"]["editor"]
    editor.groups.add(province["main"].editors)
    request = RequestFactory().post("/admin/login/")
    assert access.event_portal(request, editor) == {
        "portal": province["sotttt"].pk,
        "portals": [province["sotttt"].pk, province["main"].pk],
    }


def _at(entry, day):
    """Put ``entry`` on ``day`` (noon, local time)."""
    moment = timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))
    type(entry).objects.filter(pk=entry.pk).update(timestamp=moment)


def _history(province, board):
    """Staff actions in March 2021 on the department's and the district's portals."""
    from datetime import date

    sotttt, quynhphu = province["sotttt"], province["quynhphu"]
    editor = board["sotttt"]["editor"]
    made = {
        "sotttt-page": log(sotttt.home_page, "wagtail.edit", user=editor),
        "quynhphu-page": log(quynhphu.home_page, "wagtail.edit", user=board["quynhphu"]["editor"]),
        "sotttt-group": log(
            editor, audit.GROUPS_CHANGED, data={"portal": sotttt.pk, "change": "added"}
        ),
        "sotttt-late": log(sotttt.home_page, "wagtail.publish", user=editor),
    }
    for key, day in {
        "sotttt-page": date(2021, 3, 2),
        "quynhphu-page": date(2021, 3, 3),
        "sotttt-group": date(2021, 3, 5),
        "sotttt-late": date(2021, 4, 20),
    }.items():
        _at(made[key], day)
    return made


def _listed(response):
    rows = response.context["page_obj"].object_list
    return [(e["source"], e["id"]) for e in rows]


def _key(entry):
    return ("page" if isinstance(entry, PageLogEntry) else "model", entry.pk)


def test_the_viewer_filters_by_portal_and_period_and_exports_what_it_lists(
    client, province, board, superuser
):
    made = _history(province, board)
    client.force_login(superuser)
    query = {"portal": province["sotttt"].pk, "start": "2021-03-01", "end": "2021-03-31"}
    response = client.get("/admin/watch/audit/", query)
    assert response.status_code == 200
    listed = _listed(response)
    assert listed == [_key(made["sotttt-group"]), _key(made["sotttt-page"])]
    assert "Đổi nhóm / vai trò" in response.content.decode()

    exported = client.get("/admin/watch/audit/", {**query, "export": "csv"})
    lines = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert lines[0][0] == "Thời điểm"
    assert [line[0] for line in lines[1:]] == ["05/03/2021 12:00:00", "02/03/2021 12:00:00"]
    assert {line[1] for line in lines[1:]} == {province["sotttt"].name}

    book = load_workbook(
        io.BytesIO(client.get("/admin/watch/audit/", {**query, "export": "xlsx"}).content)
    )
    values = [row for row in book.active.iter_rows(values_only=True) if row and row[0]]
    assert [list(v) for v in values[2:]] == [[c if c else None for c in line] for line in lines[1:]]


def test_a_bad_period_is_a_clear_message(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/watch/audit/", {"start": "2021-04-01", "end": "2021-03-01"})
    assert response.status_code == 200
    assert "“Từ ngày” phải trước hoặc bằng “Đến ngày”." in response.content.decode()


def test_a_portal_administrator_sees_only_their_portal_and_the_department_sees_all(
    client, province, board
):
    made = _history(province, board)
    period = {"start": "2021-03-01", "end": "2021-04-30"}
    client.force_login(board["quynhphu"]["administrator"])
    assert _listed(client.get("/admin/watch/audit/", period)) == [_key(made["quynhphu-page"])]
    # Asking for another portal does not widen it: it is not a choice.
    response = client.get("/admin/watch/audit/", {**period, "portal": province["sotttt"].pk})
    assert _listed(response) == []
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()

    client.force_login(board["main"]["administrator"])
    assert len(_listed(client.get("/admin/watch/audit/", period))) == 4

    client.force_login(board["quynhphu"]["editor"])
    refused = client.get("/admin/watch/audit/")  # Wagtail sends them home with a message
    assert refused.status_code == 302 and refused.url == "/admin/"


def test_role_changes_are_logged(province, board):
    user = board["sotttt"]["contributor"]
    user.groups.add(province["sotttt"].editors)
    entry = ModelLogEntry.objects.filter(
        action=audit.GROUPS_CHANGED, object_id=str(user.pk)
    ).latest("pk")
    assert entry.data["change"] == "added" and entry.data["portal"] == province["sotttt"].pk


def test_pruning_removes_only_entries_past_retention_and_is_idempotent(province, board, settings):
    made = _history(province, board)
    settings.EPORTAL_AUDIT_RETENTION_DAYS = (
        timezone.now() - timezone.make_aware(datetime(2021, 4, 1))
    ).days
    recent = log(province["sotttt"].home_page, "wagtail.edit", user=board["sotttt"]["editor"])
    from django.core.management import call_command

    call_command("prune-audit", stdout=io.StringIO())
    call_command("prune-audit", stdout=io.StringIO())
    assert not PageLogEntry.objects.filter(pk=made["sotttt-page"].pk).exists()
    assert PageLogEntry.objects.filter(pk__in=[made["sotttt-late"].pk, recent.pk]).count() == 2
