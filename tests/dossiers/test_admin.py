"""Agency staff process dossiers in the admin, scoped to their portal, and
record dossiers received at the counter or by post; a board member of one
portal cannot edit another portal's procedures."""

from eportal.dossiers.models import Dossier


def test_it_lets_staff_step_a_dossier_with_a_note(submitted, board, client):
    client.force_login(board["sotttt"]["one_stop_officer"])
    listing = client.get("/admin/ho-so-dich-vu-cong/").content.decode()
    assert submitted.code in listing
    url = f"/admin/ho-so-dich-vu-cong/{submitted.code}/"
    response = client.post(url, {"action": "accepted", "note": "Hồ sơ đầy đủ"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "accepted" and submitted.due_date is not None
    bad = client.post(url, {"action": "returned"})
    assert bad.status_code == 200  # not offered from "accepted": form error, no change
    submitted.refresh_from_db()
    assert submitted.status == "accepted"
    client.post(url, {"action": "supplement", "note": "", "items": ""})
    submitted.refresh_from_db()
    assert submitted.status == "accepted"  # a request without documents is refused


def test_it_records_a_counter_dossier(procedure, board, client):
    client.force_login(board["sotttt"]["one_stop_officer"])
    page = client.get("/admin/ho-so-dich-vu-cong/nhan-truc-tiep/").content.decode()
    key = page.split('name="submission_key" value="')[1].split('"')[0]
    data = {
        "procedure": procedure.pk,
        "channel": "post",
        "applicant_name": "Phạm Văn Bưu",
        "submission_key": key,
    }
    client.post("/admin/ho-so-dich-vu-cong/nhan-truc-tiep/", data)
    client.post("/admin/ho-so-dich-vu-cong/nhan-truc-tiep/", data)
    dossier = Dossier.objects.get()
    assert dossier.channel == "post" and dossier.applicant_id is None


def test_it_keeps_other_portals_procedures_out_of_reach(procedure, board, client):
    client.force_login(board["quynhphu"]["editor"])
    assert client.get(f"/admin/pages/{procedure.pk}/edit/").status_code in (302, 403)
    client.force_login(board["quynhphu"]["one_stop_officer"])
    counter = client.get("/admin/ho-so-dich-vu-cong/nhan-truc-tiep/").content.decode()
    assert procedure.title not in counter
