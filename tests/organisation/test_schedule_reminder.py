"""From the configured weekday, a portal without next week's schedule gets a
deadline item (Art. 12 style) on a draft of that week; publishing completes it."""

import datetime

from django.core.management import call_command

from eportal.organisation import services, weeks
from eportal.organisation.models import WorkSchedulePage
from eportal.workdays.models import Deadline
from tests.organisation.conftest import item

# Thursday and Friday of a week whose next Monday is 14 December 2026.
THURSDAY, FRIDAY = datetime.date(2026, 12, 10), datetime.date(2026, 12, 11)
NEXT_MONDAY = datetime.date(2026, 12, 14)


def _open(portal_slug):
    return Deadline.objects.filter(
        portal__slug=portal_slug, rule__code=services.REMINDER_RULE, completed_on__isnull=True
    )


def test_nothing_opens_before_the_configured_weekday(province):
    assert services.remind(THURSDAY) == []


def test_it_opens_one_item_per_portal_once_however_often_it_runs(province):
    opened = services.remind(FRIDAY)
    assert sorted(d.portal.slug for d in opened) == ["quynhphu", "sotttt", "www"]
    deadline = _open("www").get()
    assert deadline.due_date == NEXT_MONDAY  # one working day after Friday
    draft = deadline.item
    assert isinstance(draft, WorkSchedulePage) and not draft.live
    assert draft.week_start == NEXT_MONDAY
    assert services.remind(FRIDAY) == []
    call_command("schedules", "remind", "--today", "2026-12-12", stdout=open("/dev/null", "w"))
    assert _open("www").count() == 1
    assert WorkSchedulePage.objects.filter(week_start=NEXT_MONDAY).count() == 3


def test_a_portal_that_published_next_week_gets_nothing(province, publish_week):
    publish_week("sotttt", monday=NEXT_MONDAY, items=[item(0, monday=NEXT_MONDAY)])
    opened = services.remind(FRIDAY)
    assert "sotttt" not in {d.portal.slug for d in opened}


def test_publishing_the_week_completes_the_item(province, superuser):
    services.remind(FRIDAY)
    draft = _open("sotttt").get().item
    draft.items = [services.ScheduleItem(**item(0, monday=NEXT_MONDAY))]
    draft.save_revision(user=superuser).publish(user=superuser)
    assert not _open("sotttt").exists()


def test_the_weekday_is_a_setting(province, settings):
    settings.EPORTAL_SCHEDULE_REMINDER_WEEKDAY = 3  # Thursday
    assert len(services.remind(THURSDAY)) == 3
    assert weeks.monday_of(THURSDAY) == datetime.date(2026, 12, 7)
