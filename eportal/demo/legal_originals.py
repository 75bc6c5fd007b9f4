"""The original file of each demo legal document: a PDF laid out as the issuing
body signs one (Nghị định 30/2020/NĐ-CP: issuer and national motto side by
side, number, place and date, the form and summary, the text, the signer),
made from the document's own text with the project's PDF machinery.

The demo runs outside any request, so the PDF is rendered at once here; a
visitor's request never renders one (``eportal.core.printing``).
"""

from django.template.loader import render_to_string

from eportal.core.printing import render_pdf
from eportal.legal.numbers import FORM_NAMES
from eportal.legal.parser import parse_structure
from eportal.legal.services import Attachment
from eportal.vntext import fold, slugify

# Lines of the heading that the layout prints itself (compared folded).
_HEADING_PREFIXES = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "so:")


def date_line(place: str, issued) -> str:
    """Write the place and date line: "Thái Bình, ngày 26 tháng 6 năm 2014" (months 1 and 2 as "01", "02")."""
    month = f"{issued.month:02d}" if issued.month < 3 else str(issued.month)
    day = f"{issued.day:02d}"
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {day} tháng {month} năm {issued.year}"


def _text_lines(parsed) -> list[str]:
    """The body without the heading that the layout prints itself: everything
    up to the form's name and the summary below it when the text has them near
    its top, else the heading lines it recognises."""
    lines = [line.strip() for line in (parsed.body or "").split("\n") if line.strip()]
    form, title = fold(FORM_NAMES.get(parsed.form, "")), fold(parsed.title)
    top = [fold(line) for line in lines[:12]]
    if form and form in top:
        start = top.index(form) + 1
        if start < len(lines) and fold(lines[start]) == title:
            start += 1
        return lines[start:]
    issuer = fold(parsed.issuer)
    return [
        line
        for n, line in enumerate(lines)
        if not (
            n < 12
            and (
                fold(line) in {issuer, form, title}
                or fold(line).startswith(_HEADING_PREFIXES)
                or (" ngay " in f" {fold(line)} " and " thang " in fold(line) and len(line) < 60)
            )
        )
    ]


def original_html(parsed) -> str:
    lines = _text_lines(parsed)
    # A text that carries its signature block keeps it where it is.
    signed = bool(parsed.signer) and any(parsed.signer in line for line in lines)
    return render_to_string(
        "demo/legal_original.html",
        {
            "doc": parsed,
            "form_name": FORM_NAMES.get(parsed.form, ""),
            "date_line": date_line(parsed.place, parsed.issued) if parsed.issued else "",
            "nodes": parse_structure("\n".join(lines)),
            "add_signature": bool(parsed.signer) and not signed,
        },
    )


def original_of(parsed) -> Attachment:
    """The document's original as a PDF attachment for ``legal.services``."""
    number = parsed.number or parsed.title
    return Attachment(
        name=f"{slugify(number) or 'van-ban'}.pdf",
        content=render_pdf(original_html(parsed)),
        label=f"Văn bản gốc {parsed.number}".strip(),
    )
