from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalsConfig(AppConfig):
    name = "eportal.portals"
    label = "portals"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from eportal.portals import signals  # noqa: F401
