from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "eportal.news"
    label = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        from eportal.news import signals  # noqa: F401
