from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from eportal.workdays import add_working_days, is_working_day, working_days_between


def test_it_counts_the_end_but_not_the_start():
    # (Fri 06/03, Mon 09/03] holds one working day, the Monday.
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 9)) == 0


def test_it_counts_the_2026_tet_fortnight():
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 27)) == 5


def test_it_counts_backwards_as_a_negative_number():
    assert working_days_between(date(2026, 3, 13), date(2026, 3, 6)) == -5


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
    n=st.integers(min_value=0, max_value=200),
)
def test_it_agrees_with_add_working_days(start, n):
    due = add_working_days(start, n)

    assert working_days_between(start, due) == n
    if n > 0:
        assert is_working_day(due)
        # And it is the first day that reaches n: the day before is short of it.
        assert working_days_between(start, date.fromordinal(due.toordinal() - 1)) == n - 1
