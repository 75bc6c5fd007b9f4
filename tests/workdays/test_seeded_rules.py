"""The deadline rules of Art. 12 are in the database after migrating."""

import pytest

from eportal.workdays.models import DeadlineRule

pytestmark = pytest.mark.django_db


def test_it_seeds_the_decisions_numbers():
    rules = {r.code: r.working_days for r in DeadlineRule.objects.filter(active=True)}

    assert rules == {
        "policy-dissemination": 15,
        "legal-document-issuer": 2,
        "legal-document-governed": 10,
        "planning-projects-bidding": 10,
        "qa-answer": 15,
        "statistics": 10,
        "english-update": 5,
        "work-schedule": 1,
    }


def test_it_names_the_rules_and_their_start_in_vietnamese():
    rule = DeadlineRule.objects.get(code="qa-answer")

    assert rule.name.startswith("Trả lời câu hỏi")
    assert rule.starts_on == "Ngày nhận được câu hỏi"
