"""The leaders' work schedule on a portal's home (see eportal/portals/home.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.core import clock
from eportal.organisation import queries
from eportal.portals import home


class WorkScheduleBlock(home.HomeBlock):
    """Today's lines of the portal's published schedule (Art. 21.1), or, on a
    day without any (a weekend), the coming days' of the week; or the whole
    week. Nothing when the week is not published."""

    show = blocks.ChoiceBlock(
        label=_("Hiển thị"),
        choices=[("today", _("Hôm nay")), ("week", _("Cả tuần"))],
        default="today",
    )

    class Meta:
        label = _("Lịch công tác lãnh đạo")
        icon = "date"
        template = "organisation/includes/today.html"
        default_heading = _("Lịch công tác")
        default_count = 50

    def _days(self, value, portal):
        today = clock.today()
        _page, days = queries.this_week(portal, today)
        days = [day for day in days if day.entries]
        if value.get("show") == "week":
            return days
        todays = [day for day in days if day.date == today]
        return todays or [day for day in days if day.date > today]

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        return [entry for day in self._days(value, portal) for entry in day.entries][:limit]

    def item_key(self, item) -> str:
        return f"schedule:{item.key}"

    def extra_context(self, value, request, portal, items):
        today = clock.today()
        shown = {id(entry) for entry in items}
        days = [
            day
            for day in self._days(value, portal)
            if any(id(entry) in shown for entry in day.entries)
        ]
        only_today = len(days) == 1 and days[0].date == today
        return {
            "today": today,
            "entries": items,
            "days": [] if only_today else days,
            "index": queries.index_of(portal),
        }


home.register(
    "work_schedule", WorkScheduleBlock(), order=25, default={"title": "", "show": "today"}
)
