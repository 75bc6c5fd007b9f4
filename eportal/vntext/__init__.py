"""Vietnamese text: Unicode NFC, legacy encodings, accent folding, slugs, host names.

Pure Python: nothing here imports Django except the app's own signals,
forms and management command, which are loaded by Django only.
"""

from .detect import detect_encoding, to_unicode
from .fold import fold, slugify
from .hosts import portal_host
from .legacy import encode_legacy
from .normalize import normalize

__all__ = [
    "detect_encoding",
    "encode_legacy",
    "fold",
    "normalize",
    "portal_host",
    "slugify",
    "to_unicode",
]
