"""Form helpers: convert what people type or paste to NFC Unicode.

Models are converted on save anyway (signals.py); call these where a form
uses a value before it is saved, e.g. to look something up or to check it.
"""

from .detect import to_unicode


def clean_text(value):
    """Return a submitted value in NFC Unicode, converted from TCVN3, VNI or VIQR.

    Non-string values (None, numbers, files) are returned unchanged.
    """
    return to_unicode(value) if isinstance(value, str) else value
