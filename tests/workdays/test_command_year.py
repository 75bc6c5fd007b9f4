from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_lists_the_years_days_off_and_working_weekend_days():
    out = StringIO()
    call_command("workdays", "year", "2026", stdout=out)
    output = out.getvalue()

    assert "Thứ Năm, 01/01/2026 — Tết Dương lịch" in output
    assert "Thứ Ba, 17/02/2026 — Tết Nguyên Đán" in output
    assert "Thứ Hai, 31/08/2026 — Ngày nghỉ (thay cho ngày 22/08/2026)" in output
    assert "Thứ Tư, 02/09/2026 — Quốc khánh" in output
    assert "Thứ Bảy, 22/08/2026 — Làm bù cho ngày nghỉ Thứ Hai, 31/08/2026" in output
    assert "Thứ Bảy, 10/01/2026 — " in output
    # Ordinary weekends are not listed as days off.
    assert "07/03/2026" not in output
