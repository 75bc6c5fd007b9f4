"""Numbers and symbols of Vietnamese legal documents (*số ký hiệu*), and their forms.

Pure Python: no Django. "05/2014/QĐ-UBND" is number 05, year 2014, form
abbreviation QĐ (Quyết định) and issuer abbreviation UBND. The shapes that
occur in practice (Decree 30/2020/NĐ-CP on clerical work, Appendix I):

- ``05/2014/QĐ-UBND``      number / year / form-issuer (legal normative documents)
- ``51/2005/QH11``         laws: number / year / legislature, no form abbreviation
- ``01/2016/TTLT-BTTTT-BNV`` joint circulars: several issuers
- ``125/KH-UBND``          administrative documents: number / form-issuer, no year
- ``1234/UBND-VP``         official letters (công văn): number / issuer-unit
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eportal.vntext import fold, normalize

# The forms of legal and administrative documents: (code, name, abbreviation).
# The code is the stable value stored and used in URLs; the name is shown.
FORMS: list[tuple[str, str, str]] = [
    ("hien-phap", "Hiến pháp", ""),
    ("bo-luat", "Bộ luật", ""),
    ("luat", "Luật", ""),
    ("phap-lenh", "Pháp lệnh", "PL"),
    ("lenh", "Lệnh", "L"),
    ("nghi-dinh", "Nghị định", "NĐ"),
    ("nghi-quyet", "Nghị quyết", "NQ"),
    ("nghi-quyet-lien-tich", "Nghị quyết liên tịch", "NQLT"),
    ("quyet-dinh", "Quyết định", "QĐ"),
    ("chi-thi", "Chỉ thị", "CT"),
    ("thong-tu", "Thông tư", "TT"),
    ("thong-tu-lien-tich", "Thông tư liên tịch", "TTLT"),
    ("ke-hoach", "Kế hoạch", "KH"),
    ("huong-dan", "Hướng dẫn", "HD"),
    ("thong-bao", "Thông báo", "TB"),
    ("bao-cao", "Báo cáo", "BC"),
    ("van-ban-hop-nhat", "Văn bản hợp nhất", "VBHN"),
    ("cong-dien", "Công điện", "CĐ"),
    ("cong-van", "Công văn", ""),
    ("khac", "Văn bản khác", ""),
]
FORM_NAMES = {code: name for code, name, _abbr in FORMS}
_FORM_BY_ABBR = {fold(abbr).upper(): code for code, _name, abbr in FORMS if abbr}
# Longest names first so that "Thông tư liên tịch" wins over "Thông tư".
_FORM_BY_NAME = sorted(((fold(name), code) for code, name, _a in FORMS), key=lambda p: -len(p[0]))

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_NUMBER_RE = re.compile(
    r"^(?P<number>\d+[a-zA-Z]?)\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    r"(?P<symbol>[^\s/][^/]*(?:/[^\s/][^/]*)?)$"
)
# A number and symbol inside running text: "Quyết định số 05/2014/QĐ-UBND".
NUMBER_IN_TEXT_RE = re.compile(
    r"\b\d{1,5}[a-zA-Z]?\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?"
    r"[A-ZĐƯƠÂÊÔĂ][A-ZĐƯƠÂÊÔĂ0-9&]*[a-z]?(?:\s*-\s*[A-ZĐƯƠÂÊÔĂ0-9&]+[a-z]?)*"
    # an old joint circular: "01/2004/TTLT/BVHTT-BYT"
    r"(?:/[A-ZĐ][A-ZĐƯƠÂÊÔĂ0-9&]*(?:-[A-ZĐƯƠÂÊÔĂ0-9&]+)*)?(?![\w])"
)


@dataclass(frozen=True)
class DocumentNumber:
    """The parts of a number and symbol."""

    text: str
    number: str
    year: int | None
    form_abbr: str
    issuer_abbr: str

    @property
    def form(self) -> str:
        """The form code that the abbreviation stands for, or ""."""
        return _FORM_BY_ABBR.get(fold(self.form_abbr).upper(), "")

    @property
    def key(self) -> str:
        return number_key(self.text)


def clean_number(text: str) -> str:
    """Return the number and symbol as it is written, with spacing and dashes tidied.

    " 05 / 2014 / QĐ – UBND " → "05/2014/QĐ-UBND".
    """
    text = normalize(text or "").translate(_DASHES)
    text = re.sub(r"\s*/\s*", "/", text.strip())
    text = re.sub(r"\s*-\s*", "-", text)
    return text.strip().rstrip(".;,")


def parse_number(text: str) -> DocumentNumber | None:
    """Split a number and symbol into its parts; None if it is not one."""
    cleaned = clean_number(text)
    match = _NUMBER_RE.match(cleaned)
    if not match:
        return None
    symbol = match["symbol"]
    if not re.fullmatch(r"[A-Za-zÀ-ỹĐđ0-9&]+(?:[-/][A-Za-zÀ-ỹĐđ0-9&]+)*", symbol):
        return None
    parts = re.split(r"[-/]", symbol)
    if fold(parts[0]).upper() in _FORM_BY_ABBR and len(parts) > 1:
        form_abbr, issuer = parts[0], "-".join(parts[1:])
    elif len(parts) == 1 and fold(parts[0]).upper() in _FORM_BY_ABBR and not match["year"]:
        form_abbr, issuer = parts[0], ""
    else:
        form_abbr, issuer = "", symbol
    return DocumentNumber(
        text=cleaned,
        number=match["number"],
        year=int(match["year"]) if match["year"] else None,
        form_abbr=form_abbr,
        issuer_abbr=issuer,
    )


def number_key(text: str) -> str:
    """Return the key that identifies a number and symbol however it is typed.

    Accents, case, spacing and leading zeros do not matter:
    "05/2014/QĐ-UBND", "5/2014/qd-ubnd" and "05 / 2014 / QD – UBND" share a key.
    """
    cleaned = clean_number(text)
    folded = fold(cleaned).upper().replace(" ", "")
    head, sep, rest = folded.partition("/")
    if sep and head.isdigit():
        head = str(int(head))
    elif sep and head[:-1].isdigit():
        head = str(int(head[:-1])) + head[-1]
    return head + sep + rest


def form_from_name(text: str) -> str:
    """Return the form code of a form's name ("QUYẾT ĐỊNH", "Thông tư liên tịch…"), or ""."""
    folded = fold(text)
    for name, code in _FORM_BY_NAME:
        if folded == name or folded.startswith(name + " "):
            return code
    return ""


def find_numbers(text: str) -> list[str]:
    """Return the numbers and symbols that occur in a piece of text, cleaned."""
    found = []
    for match in NUMBER_IN_TEXT_RE.finditer(text or ""):
        parsed = parse_number(match.group(0))
        if parsed is not None:
            found.append(parsed.text)
    return found
