from django.core import mail as django_mail

from eportal.watch import services
from eportal.watch.models import WatchAlert


def test_it_mails_the_department_once_per_open_finding(province, settings):
    settings.EPORTAL_DEPARTMENT_EMAILS = ["stttt@example.gov.vn"]
    alert, created = services.raise_alert(
        WatchAlert.Kind.INTEGRITY, "page:42", "Trang bị sửa ngoài quy trình", detail="tiêu đề"
    )
    again, created_again = services.raise_alert(
        WatchAlert.Kind.INTEGRITY, "page:42", "Trang bị sửa ngoài quy trình", detail="nội dung"
    )
    assert created and not created_again and again.pk == alert.pk
    assert again.times_seen == 2 and again.detail == "nội dung"
    assert len(django_mail.outbox) == 1
    assert django_mail.outbox[0].to == ["stttt@example.gov.vn"]
    assert "Trang bị sửa ngoài quy trình" in django_mail.outbox[0].subject


def test_it_opens_a_new_alert_after_the_last_one_was_resolved(province, superuser, settings):
    settings.EPORTAL_DEPARTMENT_EMAILS = ["stttt@example.gov.vn"]
    alert, _ = services.raise_alert(
        WatchAlert.Kind.TRAFFIC, "spike:www", "Lượng truy cập tăng đột biến"
    )
    services.resolve_alert(alert, by=superuser, resolution="Tin bão số 3")
    second, created = services.raise_alert(
        WatchAlert.Kind.TRAFFIC, "spike:www", "Lượng truy cập tăng đột biến"
    )
    assert created and second.pk != alert.pk
    assert WatchAlert.objects.filter(key="spike:www").count() == 2
    assert len(django_mail.outbox) == 2


def test_without_a_configured_list_it_mails_the_superadministrators(province, superuser, settings):
    settings.EPORTAL_DEPARTMENT_EMAILS = []
    superuser.email = "quantri@example.gov.vn"
    superuser.save()
    assert "quantri@example.gov.vn" in services.department_addresses()
