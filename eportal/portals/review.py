"""The labels and forms of a board's review step (Art. 11, 17.1): buttons
named for what they do, and a reason required to send an item back.

The review task (who may act, no self-approval) is
``eportal.portals.models.PortalReviewTask``, which asks this module; the page
editor's menu shows the same labels (``eportal.editorial.workflow``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _


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
