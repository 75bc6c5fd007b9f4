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


# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(value):
    """Return a string without NUL and other control characters (tab and line
    breaks kept); other values unchanged."""
    return _CONTROL_RE.sub("", value) if isinstance(value, str) else value


def strip_controls_from_data(data):
    """Return a form's submitted data (QueryDict or dict) with control characters
    stripped from every string, so that a NUL pasted or sent by a script is
    dropped instead of refused with Django's English "Null characters" error
    (or, on PostgreSQL, a 500)."""
    if hasattr(data, "getlist") and hasattr(data, "copy"):
        cleaned = data.copy()
        for key in cleaned:
            cleaned.setlist(key, [strip_controls(v) for v in data.getlist(key)])
        return cleaned
    return {key: strip_controls(value) for key, value in dict(data).items()}


class StripControlsMixin:
    """Form mixin (before ``forms.Form``): drop control characters from the data."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = strip_controls_from_data(data)
        super().__init__(data, *args, **kwargs)
