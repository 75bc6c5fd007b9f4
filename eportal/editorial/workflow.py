"""How the board's review steps read in the page editor: "Gửi duyệt" for the
submission, and each review action under the label its task gives
(``eportal.portals.review``: the labels and the reason a return asks for).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem, WorkflowMenuItem


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>", which reads oddly with a
    portal's name, as the board says it: "Gửi duyệt" (again after a return)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = _("Gửi duyệt lại") if needs_changes else _("Gửi duyệt")
        return context


def name_page_actions(menu_items, request, context) -> None:
    """Relabel the page editor's action menu in place: "Gửi duyệt" for the
    submission, and each review action with the label its task gives (Wagtail
    appends "and Publish" to a final approval; ours already says so)."""
    page = context.get("page")
    task = page.current_workflow_task if page else None
    labels = {}
    if task is not None:
        labels = {
            (name, modal): label for name, label, modal in task.get_actions(page, request.user)
        }
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForReviewMenuItem(order=item.order)
        elif isinstance(item, WorkflowMenuItem) and (item.name, item.launch_modal) in labels:
            item.label = labels[(item.name, item.launch_modal)]
