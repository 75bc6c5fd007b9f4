"""Form helpers shared by every app."""

from django.core.exceptions import ValidationError


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
