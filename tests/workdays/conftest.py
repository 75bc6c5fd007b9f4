from datetime import date

import pytest
from django.contrib.auth.models import Group


@pytest.fixture(autouse=True)
def _fresh_calendar():
    """Drop the cached calendar: a rolled-back test leaves no signal behind."""
    from eportal.workdays import services

    services.invalidate_calendar()
    yield
    services.invalidate_calendar()


@pytest.fixture
def make_item(db):
    """Return a factory of saved objects to hang deadlines on (any model will do)."""
    counter = iter(range(1, 10_000))

    def make():
        return Group.objects.create(name=f"Hồ sơ {next(counter)}")

    return make


@pytest.fixture
def d():
    """Shorthand: d(2026, 2, 10)."""
    return date
