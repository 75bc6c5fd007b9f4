"""Admin menu, URLs and audit-log actions of the Q&A app."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from eportal.qa import admin_views, services


class QuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return services.is_handler(request.user)


@hooks.register("register_admin_urls")
def register_qa_admin_urls():
    urls = [
        path("", admin_views.QuestionListView.as_view(), name="list"),
        path("thong-ke/", admin_views.StatisticsView.as_view(), name="stats"),
        path("linh-vuc/", admin_views.TopicsView.as_view(), name="topics"),
        path("<int:pk>/", admin_views.QuestionDetailView.as_view(), name="detail"),
        path("<int:pk>/tep/<int:attachment_id>/", admin_views.attachment, name="attachment"),
    ]
    return [path("hoi-dap/", include((urls, "qa_admin"), namespace="qa_admin"))]


@hooks.register("register_admin_menu_item")
def register_qa_menu_item():
    return QuestionsMenuItem(
        _("Hỏi đáp"), reverse("qa_admin:list"), name="qa-questions", icon_name="help", order=250
    )


@hooks.register("register_log_actions")
def register_qa_log_actions(actions):
    for action, (label, message) in services.ACTIONS.items():
        actions.register_action(action, label, message)
