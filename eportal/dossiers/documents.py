"""The printed forms of the one-stop-shop rules, rendered to PDF.

01 receipt and appointment slip (*giấy tiếp nhận hồ sơ và hẹn trả kết quả*),
02 request to complete the dossier, 03 refusal to accept, 04 apology and new
appointment date.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from eportal.core.printing import render_pdf
from eportal.dossiers.models import Dossier

FORMS = {
    "01": "dossiers/forms/form01.html",
    "02": "dossiers/forms/form02.html",
    "03": "dossiers/forms/form03.html",
    "04": "dossiers/forms/form04.html",
}


def form_event(dossier: Dossier, form: str):
    return dossier.events.filter(form=form).order_by("-at", "-pk").first()


def form_html(dossier: Dossier, form: str) -> str:
    """The HTML of form ``01``…``04`` of a dossier."""
    context = {
        "dossier": dossier,
        "event": form_event(dossier, form) if form != "01" else None,
        "files": list(dossier.files.all()),
        "now": timezone.localtime(),
        "form": form,
    }
    return render_to_string(FORMS[form], context)


def render_form(dossier: Dossier, form: str) -> bytes:
    """Render form ``01``…``04`` of a dossier to PDF bytes."""
    return render_pdf(form_html(dossier, form))


def form_attachments(dossier_id: int, form: str) -> list[tuple[str, bytes, str]]:
    """The printed form of a notice, for the mail worker (core/mail.py)."""
    dossier = Dossier.objects.select_related("agency", "portal").get(pk=dossier_id)
    return [(f"{dossier.code}-mau-{form}.pdf", render_form(dossier, form), "application/pdf")]
