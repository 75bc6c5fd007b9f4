"""`eportal workdays due START N` prints the due date and each skipped day's reason."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_due_date_and_the_skipped_tet_days():
    output = run("due", "2026-02-10", "15")

    assert "Ngày bắt đầu tính: Thứ Ba, 10/02/2026" in output
    assert "Hạn: Thứ Ba, 10/03/2026" in output
    assert "Thứ Hai, 16/02/2026 — Giao thừa Tết Nguyên Đán" in output
    assert "Thứ Ba, 17/02/2026 — Tết Nguyên Đán" in output
    assert "Thứ Sáu, 20/02/2026 — Mùng bốn Tết Nguyên Đán" in output
    assert "Thứ Bảy, 14/02/2026 — Nghỉ hằng tuần" in output


def test_it_accepts_a_date_as_officials_write_it():
    assert "Hạn: Thứ Ba, 10/03/2026" in run("due", "10/02/2026", "15")


def test_it_marks_days_from_the_administrators_calendar():
    output = run("due", "2025-12-31", "1")

    assert "Hạn: Thứ Hai, 05/01/2026" in output
    assert "Thứ Sáu, 02/01/2026 — " in output
    assert "12729/VPCP-KGVX" in output
    assert "[điều chỉnh]" in output


def test_it_shows_the_working_saturday_of_the_national_day_swap():
    output = run("due", "2026-08-20", "10")

    assert "Hạn: Thứ Hai, 07/09/2026" in output
    assert "Thứ Hai, 31/08/2026 — Ngày nghỉ (thay cho ngày 22/08/2026)" in output
    assert "Thứ Bảy, 22/08/2026 — Làm bù cho ngày nghỉ Thứ Hai, 31/08/2026" in output
