"""Print view and server-made PDF for every item (Art. 3.2c).

``PrintableMixin`` gives a page two routes: ``…/ban-in/`` (a clean print
layout: title, date, author, source URL) and ``…/ban-in/pdf/`` (the same
rendered to PDF on the server by WeasyPrint with fonts that carry every
Vietnamese glyph). A page type sets ``print_template`` to render its body.
``render_pdf`` serves any other PDF the project makes (receipts, reports).
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

PDF_STYLESHEET = """
@page { size: A4; margin: 20mm 18mm 20mm 22mm;
        @bottom-right { content: counter(page) "/" counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Serif", "Noto Serif", serif; font-size: 12pt; line-height: 1.45; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12.5pt; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #555; padding: 3pt 5pt; }
img { max-width: 100%; } a { color: #000; text-decoration: none; }
.print-meta { color: #333; font-size: 10pt; border-bottom: 1px solid #999; padding-bottom: 6pt; }
.print-source { font-size: 9pt; color: #333; word-break: break-all; }
"""


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML document to PDF bytes."""
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(string=PDF_STYLESHEET)])


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PrintableMixin(RoutablePageMixin):
    """Add a print view and a PDF download to a page type."""

    print_template = "print/page.html"

    def get_print_context(self, request):
        return {
            "page": self,
            "self": self,
            "request": request,
            "canonical_url": self.get_full_url(request),
            "for_pdf": False,
        }

    @path("ban-in/", name="print")
    def print_view(self, request):
        return HttpResponse(render_to_string(self.print_template, self.get_print_context(request)))

    @path("ban-in/pdf/", name="print_pdf")
    def print_pdf(self, request):
        context = self.get_print_context(request) | {"for_pdf": True}
        html = render_to_string(self.print_template, context)
        pdf = render_pdf(html, base_url=request.build_absolute_uri("/"))
        return pdf_response(pdf, f"{slugify(self.slug) or 'trang'}.pdf")
