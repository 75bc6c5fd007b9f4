from django.contrib.auth import get_user_model

from eportal.consultations.models import Comment, ConsultationPage
from eportal.demo import consultations as demo
from eportal.demo.province import DemoReport


def test_the_demo_is_alive_and_idempotent(province):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    demo.load(DemoReport())
    statuses = {p.slug: p.status() for p in ConsultationPage.objects.live()}
    assert statuses == {
        "quy-che-cong-thong-tin-dien-tu": "open",
        "ke-hoach-chuyen-doi-so-2026-2030": "open",
        "muc-thu-phi-tham-quan-den-tran": "concluded",
    }
    assert set(Comment.objects.values_list("status", flat=True)) == {
        "approved",
        "pending",
        "hidden",
    }
    counts = (ConsultationPage.objects.count(), Comment.objects.count())
    report = DemoReport()
    demo.load(report)
    assert (ConsultationPage.objects.count(), Comment.objects.count()) == counts
    assert report.created == 0
