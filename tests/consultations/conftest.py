"""Fixtures: consultations published on the test province's portals."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from eportal.consultations.models import ConsultationPage

DRAFT = """QUYẾT ĐỊNH
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng trên địa bàn tỉnh.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Tổ chức, cá nhân có liên quan:
a) doanh nghiệp;
b) hợp tác xã.
Chương II
TỔ CHỨC THỰC HIỆN
Điều 3. Hiệu lực thi hành
Quyết định có hiệu lực từ ngày ký.
"""


@pytest.fixture(autouse=True)
def _clear_abuse_counters():
    # Rate-limit counters live in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_consultation(province, superuser):
    def make(portal_key="sotttt", *, slug="du-thao", opens=-1, closes=10, **fields):
        portal = province[portal_key]
        index = portal.home_page.get_children().get(slug="gop-y")
        now = timezone.now()
        page = ConsultationPage(
            title=fields.pop("title", "Dự thảo Quyết định về cổng thông tin"),
            slug=slug,
            drafting_agency=portal.agency,
            summary=fields.pop("summary", "Tóm tắt dự thảo."),
            draft_text=fields.pop("draft_text", DRAFT),
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
            **fields,
        )
        index.add_child(instance=page)
        page.save_revision(user=superuser).publish(user=superuser)
        return ConsultationPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def consultation(make_consultation):
    return make_consultation()
