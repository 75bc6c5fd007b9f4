"""The answer is due 15 working days after receipt, across Tết 2026 and the August 2026 swap."""

from datetime import date

from tests.qa.conftest import at


def test_a_question_received_before_tet_is_due_after_it(ask):
    # Received Tuesday 10/02/2026; 16–20/02 are Tết days off.
    question = ask(now=at(2026, 2, 10, 9, 30))
    assert question.due_date == date(2026, 3, 10)


def test_a_question_received_in_the_evening_counts_from_that_day(ask):
    question = ask(now=at(2026, 2, 13, 23, 50))
    # Day 0 is Friday 13/02; days 1.. start Monday 23/02 after Tết.
    assert question.due_date == date(2026, 3, 13)


def test_the_working_saturday_22_august_counts_and_31_august_is_off(ask):
    question = ask(now=at(2026, 8, 14, 10, 0))
    # 17–21/08 (5), Sat 22/08 (6), 24–28/08 (11), 03–04/09 (13), 07–08/09 (15).
    assert question.due_date == date(2026, 9, 8)


def test_the_due_date_is_shown_on_the_acknowledgement(client, ask, qa):
    question = ask("sotttt", now=at(2026, 2, 10, 9, 30))
    html = client.get(
        f"/p/sotttt/hoi-dap/gui-cau-hoi/da-tiep-nhan/{question.code}/"
    ).content.decode()
    assert "10/03/2026" in html
