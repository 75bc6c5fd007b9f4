"""How the board's review steps read in the admin: buttons named for what they
do, and a reason required to send an item back (Art. 11, 17.1).

The review task itself (who may act, no self-approval) is
``eportal.portals.models.PortalReviewTask``; this module only names its
actions and gives the form that each one asks for.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem, WorkflowMenuItem


def action_labels(is_final: bool) -> list[tuple[str, str, bool]]:
    """Return the (name, label, asks for a comment) actions of a review step:
    the approver's last step publishes, an earlier step sends the item on."""
    if is_final:
        approve, approve_commented = _("Duyệt và xuất bản"), _("Duyệt và xuất bản kèm ý kiến")
    else:
        approve, approve_commented = _("Chuyển kiểm duyệt"), _("Chuyển kiểm duyệt kèm ý kiến")
    return [
        ("reject", _("Trả lại"), True),
        ("approve", approve, False),
        ("approve", approve_commented, True),
    ]


class ReturnForm(forms.Form):
    """Sending an item back needs a reason: the contributor reads it in the
    page's history and in the e-mail that tells them."""

    comment = forms.CharField(
        label=_("Lý do trả lại"),
        help_text=_("Người gửi sẽ đọc lý do này để sửa và gửi duyệt lại."),
        widget=forms.Textarea({"rows": 3}),
    )


def form_for_action(action: str):
    """Return the form a review action asks for, or None for Wagtail's own
    (an optional comment)."""
    return ReturnForm if action == "reject" else None


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
