"""Admin: the calendar overrides, the deadline rules, and the recompute action."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from eportal.workdays.calendar import WEEKDAY_NAMES
from eportal.workdays.models import CalendarOverride, DeadlineRule
from eportal.workdays.services import RECOMPUTE_ACTION
from eportal.workdays.views import RecomputeDeadlinesView, can_recompute

RECOMPUTE_URL_NAME = "workdays_recompute"
RECOMPUTE_LABEL = _("Tính lại hạn xử lý")


class CalendarOverrideIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_recompute(self.request.user):
            buttons.append(
                HeaderButton(RECOMPUTE_LABEL, url=reverse(RECOMPUTE_URL_NAME), icon_name="calendar")
            )
        return buttons


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    index_view_class = CalendarOverrideIndexView
    menu_label = _("Ngày nghỉ, ngày làm bù")
    menu_name = "calendar-overrides"
    icon = "calendar"
    list_display = [
        "date",
        Column("weekday", label=_("thứ"), accessor=lambda o: WEEKDAY_NAMES[o.date.weekday()]),
        "kind",
        "reason",
        UpdatedAtColumn(),
    ]
    list_filter = ["kind"]
    ordering = ["-date"]


class DeadlineRuleViewSet(SnippetViewSet):
    model = DeadlineRule
    menu_label = _("Quy định thời hạn")
    menu_name = "deadline-rules"
    icon = "time"
    list_display = ["name", "code", "working_days", "starts_on", "active"]
    list_filter = ["active"]
    ordering = ["code"]


class WorkdaysViewSetGroup(SnippetViewSetGroup):
    items = (CalendarOverrideViewSet, DeadlineRuleViewSet)
    menu_label = _("Lịch làm việc")
    menu_name = "workdays"
    menu_icon = "calendar"
    submenu_hook = "register_workdays_menu_item"


register_snippet(WorkdaysViewSetGroup)


class RecomputeMenuItem(MenuItem):
    def is_shown(self, request):
        return can_recompute(request.user)


@hooks.register("register_workdays_menu_item")
def register_recompute_menu_item():
    return RecomputeMenuItem(
        RECOMPUTE_LABEL,
        reverse(RECOMPUTE_URL_NAME),
        name="workdays-recompute",
        icon_name="calendar",
        order=100,
    )


@hooks.register("register_admin_urls")
def register_recompute_url():
    return [
        path(
            "workdays/recompute/",
            RecomputeDeadlinesView.as_view(),
            name=RECOMPUTE_URL_NAME,
        )
    ]


@hooks.register("register_log_actions")
def register_recompute_log_action(actions):
    actions.register_action(
        RECOMPUTE_ACTION,
        _("Tính lại hạn xử lý"),
        _("Hạn xử lý được tính lại theo lịch làm việc mới"),
    )
