from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "eportal.legal"
    label = "legal"
    verbose_name = _("Văn bản pháp luật")

    def ready(self):
        from wagtail.signals import page_published

        from eportal.legal import signal_handlers
        from eportal.legal.models import LegalDocumentPage
        from eportal.portals.signals import portal_created

        portal_created.connect(signal_handlers.give_portal_its_index, dispatch_uid="legal-index")
        page_published.connect(
            signal_handlers.document_published,
            sender=LegalDocumentPage,
            dispatch_uid="legal-published",
        )
