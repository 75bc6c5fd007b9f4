"""The synthesis of comments (bảng tổng hợp ý kiến) as rows, XLSX and PDF.

One row per approved comment, in the order of the draft (comments on the
whole draft first, then article by article, each in the order received).
"""

import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from eportal.core.printing import render_pdf

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Row:
    number: int
    place: str
    commenter: str
    body: str
    response: str
    explanation: str
    received_at: str


def rows(page) -> list[Row]:
    """Return the synthesis rows of a consultation (approved comments only)."""
    order = {"": 0} | {a.key: i + 1 for i, a in enumerate(page.draft.articles)}
    comments = sorted(
        page.approved_comments(),
        key=lambda c: (order.get(c.article_key, len(order)), c.created_at, c.pk),
    )
    return [
        Row(
            number=i,
            place=c.place,
            commenter=c.commenter,
            body=c.body,
            response=c.get_response_display() if c.response else _("Chưa giải trình"),
            explanation=c.response_explanation,
            received_at=timezone.localtime(c.created_at).strftime("%d/%m/%Y %H:%M"),
        )
        for i, c in enumerate(comments, start=1)
    ]


def headers() -> list[str]:
    return [
        _("STT"),
        _("Điều, khoản"),
        _("Tổ chức, cá nhân góp ý"),
        _("Nội dung góp ý"),
        _("Tiếp thu"),
        _("Giải trình"),
        _("Thời điểm gửi"),
    ]


def filename(page, extension: str) -> str:
    return f"tong-hop-y-kien-{slugify(page.slug) or page.pk}.{extension}"


def _cell(value):
    # A comment that starts with "=" must stay text, never become a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def xlsx(page) -> bytes:
    """Return the synthesis as an XLSX workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Tổng hợp ý kiến")[:31]
    sheet.append([_("BẢNG TỔNG HỢP Ý KIẾN GÓP Ý")])
    sheet.append([page.title])
    sheet.append([f"{_('Cơ quan chủ trì soạn thảo')}: {page.drafting_agency.name}"])
    sheet.append([])
    sheet.append(headers())
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for row in rows(page):
        sheet.append(
            [
                row.number,
                _cell(row.place),
                _cell(row.commenter),
                _cell(row.body),
                row.response,
                _cell(row.explanation),
                row.received_at,
            ]
        )
    for column, width in zip("ABCDEFG", (6, 30, 28, 60, 18, 50, 17), strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=header_row + 1):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header_row + 1}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(page) -> HttpResponse:
    response = HttpResponse(xlsx(page), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename(page, "xlsx")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def html(page, request=None) -> str:
    return render_to_string(
        "consultations/synthesis_pdf.html",
        {
            "page": page,
            "rows": rows(page),
            "headers": headers(),
            "conclusion": page.conclusion,
            "now": timezone.now(),
        },
        request=request,
    )


def pdf(page, request=None) -> bytes:
    base_url = request.build_absolute_uri("/") if request is not None else None
    return render_pdf(html(page, request), base_url=base_url)
