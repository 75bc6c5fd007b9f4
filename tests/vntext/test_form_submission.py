"""A citizen's form submission with legacy-encoded answers is stored as Unicode."""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page


@pytest.mark.django_db
def test_it_stores_tcvn3_answers_of_a_form_submission_as_unicode():
    submission = FormSubmission.objects.create(
        page=Page.get_first_root_node(),
        form_data={
            "ho_ten": "NguyÔn V¨n Hïng",
            "dia_chi": "x· Quúnh Hoa, huyÖn Quúnh Phô",
            "lua_chon": ["Th¸i B×nh", "Hµ Néi"],
            "so_luong": 3,
            "email": "hung@example.org",
        },
    )

    submission.refresh_from_db()
    assert submission.form_data == {
        "ho_ten": "Nguyễn Văn Hùng",
        "dia_chi": "xã Quỳnh Hoa, huyện Quỳnh Phụ",
        "lua_chon": ["Thái Bình", "Hà Nội"],
        "so_luong": 3,
        "email": "hung@example.org",
    }
