"""The synthesis of comments (bảng tổng hợp ý kiến) as rows, XLSX and PDF.

One row per approved comment, in the order of the draft (comments on the
whole draft first, then article by article, each in the order received).
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from eportal.core import clock
from eportal.core import xlsx as xlsx_writer
from eportal.core.printing import render_pdf


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


def xlsx(page) -> bytes:
    """Return the synthesis as an XLSX workbook."""
    return xlsx_writer.workbook(
        _("Tổng hợp ý kiến"),
        headers(),
        (
            [
                row.number,
                row.place,
                row.commenter,
                row.body,
                row.response,
                row.explanation,
                row.received_at,
            ]
            for row in rows(page)
        ),
        heading=[
            _("BẢNG TỔNG HỢP Ý KIẾN GÓP Ý"),
            page.title,
            f"{_('Cơ quan chủ trì soạn thảo')}: {page.drafting_agency.name}",
        ],
        widths=(6, 30, 28, 60, 18, 50, 17),
        wrap=True,
    )


def xlsx_response(page) -> HttpResponse:
    return xlsx_writer.response(xlsx(page), filename(page, "xlsx"))


def html(page, request=None) -> str:
    return render_to_string(
        "consultations/synthesis_pdf.html",
        {
            "page": page,
            "rows": rows(page),
            "headers": headers(),
            "conclusion": page.conclusion,
            "now": clock.now(),
        },
        request=request,
    )


def pdf(page, request=None) -> bytes:
    base_url = request.build_absolute_uri("/") if request is not None else None
    return render_pdf(html(page, request), base_url=base_url)
