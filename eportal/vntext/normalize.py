"""Unicode normalisation of stored text: NFC (TCVN 6909:2001), no invisible junk."""

import re
import unicodedata

# Zero-width space, non-joiner, joiner, word joiner, byte order mark.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# C0 and C1 control characters except tab (U+0009) and line feed (U+000A).
_CONTROLS = "".join(
    chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c not in (0x09, 0x0A)
)
_DROP = re.compile(f"[{re.escape(_ZERO_WIDTH + _CONTROLS)}]")
# Windows and old Mac line ends, and the Unicode line/paragraph separators.
_LINE_END = re.compile("\r\n|[\r\u2028\u2029]")


def normalize(text: str | None) -> str | None:
    """Return text in NFC with zero-width and control characters removed.

    Line breaks are kept and made uniform ("\\r\\n" and "\\r" become "\\n");
    tabs are kept. None and "" are returned as they are.
    """
    if not text:
        return text
    text = _LINE_END.sub("\n", text)
    text = _DROP.sub("", text)
    return unicodedata.normalize("NFC", text)
