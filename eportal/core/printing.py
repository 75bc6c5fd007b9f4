"""Print view and server-made PDF for every item (Art. 3.2c).

``PrintableMixin`` gives a page two routes: ``…/ban-in/`` (a clean print
layout: title, date, author, source URL) and ``…/ban-in/pdf/`` (the same
rendered to PDF on the server by WeasyPrint with fonts that carry every
Vietnamese glyph). A page type sets ``print_template`` to render its body. An item that is not
a page (an answered question, a Gazette issue) is served by its page's routes
through ``render_print`` and ``serve_print_pdf``, with a template that extends
``print/page.html``. ``render_pdf`` serves any other PDF the project makes
(receipts, reports).

A request never waits for WeasyPrint: ``serve_pdf`` renders the HTML (quick),
and the worker turns it into a PDF once, stored under
``EPORTAL_GENERATED_ROOT`` by the digest of that HTML — so a changed page or
dossier makes a new file and an unchanged one is never made twice. Until the
file is there the citizen sees a short page that reloads itself.
"""

import hashlib
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django_tasks import task
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

logger = logging.getLogger(__name__)

PDF_STYLESHEET = """
@page { size: A4; margin: 20mm 18mm 20mm 22mm;
        @bottom-right { content: counter(page) "/" counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Serif", "Noto Serif", serif; font-size: 12pt; line-height: 1.45; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12.5pt; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #555; padding: 3pt 5pt; }
img { max-width: 100%; } a { color: #000; text-decoration: none; }
.print-meta { color: #333; font-size: 10pt; border-bottom: 1px solid #999; padding-bottom: 6pt; }
.print-source { font-size: 9pt; color: #333; word-break: break-all; }
.print-nowrap { white-space: nowrap; }
"""


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML document to PDF bytes."""
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(string=PDF_STYLESHEET)])


def _generated_path(digest: str) -> Path:
    return Path(settings.EPORTAL_GENERATED_ROOT) / digest[:2] / f"{digest}.pdf"


@task()
def make_pdf(digest: str, html: str, base_url: str | None = None) -> str:
    """Render ``html`` to the PDF file of ``digest`` (the worker runs this; a
    second run finds the file and does nothing)."""
    path = _generated_path(digest)
    if path.exists():
        return "exists"
    try:
        content = render_pdf(html, base_url=base_url)
    except Exception:
        cache.delete(f"eportal:pdf:{digest}")  # the next request queues it again
        raise
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(content)
    os.replace(partial, path)  # readers see the whole file or none
    return "made"


def serve_pdf(request, html: str, filename: str, *, inline: bool = True) -> HttpResponse:
    """The PDF of ``html``: at once when the worker has made it, else queued and
    a "being prepared" page (202) that reloads itself."""
    base_url = request.build_absolute_uri("/")
    digest = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    path = _generated_path(digest)
    if not path.exists() and cache.add(f"eportal:pdf:{digest}", 1, 600):
        try:
            make_pdf.enqueue(digest, html, base_url)
        except Exception:
            cache.delete(f"eportal:pdf:{digest}")
            logger.exception("Could not make the PDF %s", filename)
    if path.exists():
        return pdf_response(path.read_bytes(), filename, inline=inline)
    response = HttpResponse(
        render_to_string("print/preparing.html", {"filename": filename}, request=request),
        status=202,
    )
    response["Retry-After"] = "3"
    response["Cache-Control"] = "no-store"
    return response


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def render_print(request, template: str, context: dict) -> HttpResponse:
    """The print layout of an item: ``template`` (extending ``print/page.html``)
    rendered with ``context``, which names the item's ``canonical_url``."""
    context = {"request": request, "for_pdf": False, **context}
    return HttpResponse(render_to_string(template, context))


def serve_print_pdf(request, template: str, context: dict, filename: str) -> HttpResponse:
    """The PDF of the print layout (made by the worker: ``serve_pdf``)."""
    context = {"request": request, **context, "for_pdf": True}
    return serve_pdf(request, render_to_string(template, context), filename)


class PrintableMixin(RoutablePageMixin):
    """Add a print view and a PDF download to a page type."""

    print_template = "print/page.html"

    def get_cached_paths(self):
        # The shared cache holds the print view and the PDF too: purge them with the page.
        return [*super().get_cached_paths(), "/ban-in/", "/ban-in/pdf/"]

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
        return render_print(request, self.print_template, self.get_print_context(request))

    @path("ban-in/pdf/", name="print_pdf")
    def print_pdf(self, request):
        return serve_print_pdf(
            request,
            self.print_template,
            self.get_print_context(request),
            f"{slugify(self.slug) or 'trang'}.pdf",
        )
