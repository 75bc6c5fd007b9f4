"""Fees: staff request payment (the clock stops); the citizen pays at the
counter or by transfer with a reference that staff confirm, or with the
clearly labelled offline test provider."""

from eportal.dossiers import payments
from eportal.dossiers import services as dossier_services


def test_it_resumes_the_dossier_when_staff_confirm_a_transfer(submitted, board, citizen, client):
    staff = board["sotttt"]["one_stop_officer"]
    dossier_services.accept(submitted, by=staff)
    payment = dossier_services.request_payment(submitted, by=staff, amount=50000)
    submitted.refresh_from_db()
    assert submitted.status == "payment" and submitted.is_paused
    client.force_login(citizen)
    page = client.post(
        f"/dich-vu-cong/ho-so/{submitted.code}/thanh-toan/", {"provider": "counter-transfer"}
    )
    body = page.content.decode()
    payment.refresh_from_db()
    assert payment.reference in body and "50.000" in body
    assert payment.status == "pending"
    client.force_login(staff)
    client.post(
        f"/admin/ho-so-dich-vu-cong/thanh-toan/{payment.pk}/xac-nhan/", {"reference": "UNC 123"}
    )
    payment.refresh_from_db()
    submitted.refresh_from_db()
    assert payment.status == "paid" and payment.confirmed_by == staff
    assert submitted.status == "processing" and not submitted.is_paused


def test_it_labels_the_test_provider_and_pays_at_once(submitted, board, citizen, client, settings):
    settings.EPORTAL_PAYMENT_TEST_PROVIDER = True
    staff = board["sotttt"]["one_stop_officer"]
    dossier_services.accept(submitted, by=staff)
    dossier_services.request_payment(submitted, by=staff, amount=8000)
    client.force_login(citizen)
    dossier_page = client.get(f"/dich-vu-cong/ho-so/{submitted.code}/").content.decode()
    assert "không thu tiền thật" in dossier_page
    client.post(f"/dich-vu-cong/ho-so/{submitted.code}/thanh-toan/", {"provider": "test-offline"})
    submitted.refresh_from_db()
    assert submitted.status == "processing"


def test_it_hides_the_test_provider_in_production(settings):
    settings.EPORTAL_PAYMENT_TEST_PROVIDER = False
    assert "test-offline" not in payments.providers()
    assert "counter-transfer" in payments.providers()
