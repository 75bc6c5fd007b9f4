"""The one XLSX writer: every export (royalty statements, consultation
syntheses, Q&A and procedure statistics) is a table with an optional heading,
written here so that they all look alike and open in any spreadsheet program."""

import io

from django.http import HttpResponse

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    # Citizens' text that starts like a formula must stay text, never run.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


class Bold(list):
    """A row shown in bold: a subtotal or a total."""


def workbook(
    title: str,
    header: list,
    rows,
    *,
    heading: list[str] = (),
    widths: tuple[int, ...] = (),
    wrap: bool = False,
) -> bytes:
    """Return an .xlsx file of one sheet named ``title``: the ``heading`` lines
    (the first one large) and a blank line, the bold ``header`` row (frozen, so
    it stays in view), then ``rows``; ``widths`` of the columns in characters;
    ``wrap`` wraps long texts in the data rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = str(title)[:31]  # the longest sheet name Excel allows
    bold = Font(bold=True)
    for line in heading:
        sheet.append([str(line)])
    if heading:
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
    sheet.append([str(label) for label in header])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
    sheet.freeze_panes = f"A{header_row + 1}"
    top = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_cell(value) for value in row])
        if isinstance(row, Bold) or wrap:
            for cell in sheet[sheet.max_row]:
                if isinstance(row, Bold):
                    cell.font = bold
                if wrap:
                    cell.alignment = top
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def response(content: bytes, filename: str) -> HttpResponse:
    """An attachment download of an .xlsx file."""
    reply = HttpResponse(content, content_type=CONTENT_TYPE)
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    reply["X-Content-Type-Options"] = "nosniff"
    return reply
