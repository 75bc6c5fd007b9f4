"""An override must change the day it names: this catches a mistyped date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from eportal.workdays.models import CalendarOverride


def test_it_refuses_a_working_day_override_on_an_ordinary_friday():
    override = CalendarOverride(
        date=date(2026, 1, 9), kind=CalendarOverride.Kind.WORKING_DAY, reason="Làm bù"
    )

    with pytest.raises(ValidationError) as error:
        override.clean()
    assert "Thứ Sáu, 09/01/2026" in str(error.value)


def test_it_refuses_a_day_off_override_on_a_sunday():
    override = CalendarOverride(
        date=date(2026, 1, 11), kind=CalendarOverride.Kind.DAY_OFF, reason="Nghỉ"
    )

    with pytest.raises(ValidationError):
        override.clean()


def test_it_accepts_a_working_saturday():
    CalendarOverride(
        date=date(2026, 1, 10), kind=CalendarOverride.Kind.WORKING_DAY, reason="Làm bù"
    ).clean()
