"""Bad input to `eportal workdays` is a one-line CommandError, never a traceback."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("due", "abc", "15"), "Ngày không hợp lệ: 'abc'"),
        (("due", "2026-02-30", "15"), "Ngày không hợp lệ: '2026-02-30'"),
        (("due", "2026-02-10", "-3"), "Số ngày làm việc không hợp lệ: '-3'"),
        (("due", "2026-02-10", "mười"), "Số ngày làm việc không hợp lệ: 'mười'"),
        (("year", "20x6"), "Năm không hợp lệ: '20x6'"),
    ],
)
def test_it_explains_bad_input_in_one_line(args, message):
    with pytest.raises(CommandError) as error:
        call_command("workdays", *args)

    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_it_requires_a_subcommand():
    with pytest.raises(CommandError):
        call_command("workdays")
