"""Form and input helpers shared by every app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def error_messages(error: ValidationError) -> dict[str, list[str]]:
    """``{field: [messages]}`` of a ValidationError; errors not tied to a field under
    ``"__all__"``."""
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"__all__": error.messages}


def copy_errors(form, error: ValidationError, field_for=None) -> None:
    """Show a service's ValidationError on ``form``: each message on its field
    when the form has that field (``field_for`` may map a service's field name
    to the form's), the others at the top of the form."""
    for name, messages in error_messages(error).items():
        field = field_for(name) if field_for else name
        form.add_error(field if field in form.fields else None, messages)


_MARKUP_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)


def check_text(value: str, label: str) -> str:
    """Refuse markup in a citizen's plain text: it is never needed and often an
    attack. Return the value; raise a ValidationError naming the field."""
    if value and _MARKUP_RE.search(value):
        raise ValidationError(
            _("%(label)s: không được chứa mã HTML hoặc mã lệnh.") % {"label": label},
            code="markup",
        )
    return value
