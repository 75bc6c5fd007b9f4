from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "eportal.editorial"
    label = "editorial"
    verbose_name = _("Ban Biên tập")

    def ready(self):
        from eportal.editorial import signals  # noqa: F401
