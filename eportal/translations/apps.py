from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "eportal.translations"
    label = "translations"
    verbose_name = _("Bản dịch")

    def ready(self):
        from wagtail.signals import page_published

        from eportal.translations import signal_handlers

        page_published.connect(
            signal_handlers.page_published, dispatch_uid="translations-published"
        )
