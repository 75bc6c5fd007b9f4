"""A home-page block: the day view of the portal's leaders' work schedule.

Add it to the home page's StreamField::

    ("work_schedule", WorkScheduleBlock())

It renders today's items of the request's portal (or the whole week's, by
its ``show`` option) and nothing when there are none.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.core import clock
from eportal.organisation import queries


class WorkScheduleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề"), required=False, default=_("Lịch công tác"))
    show = blocks.ChoiceBlock(
        label=_("hiển thị"),
        choices=[("today", _("Hôm nay")), ("week", _("Cả tuần"))],
        default="today",
    )

    class Meta:
        template = "organisation/blocks/work_schedule.html"
        icon = "date"
        label = _("Lịch công tác lãnh đạo")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        portal = getattr(request, "portal", None)
        today = clock.today()
        context["today"] = today
        context["index"] = queries.index_of(portal)
        if value.get("show") == "week":
            _page, days = queries.this_week(portal, today)
            context["days"] = [day for day in days if day.entries]
            context["entries"] = [e for day in days for e in day.entries]
        else:
            context["days"] = []
            context["entries"] = queries.items_on(portal, today) if portal else []
        return context
