from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalsConfig(AppConfig):
    name = "eportal.portals"
    label = "portals"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from eportal.core import pages
        from eportal.portals import routing, signals  # noqa: F401

        pages.set_local_linker(routing.local_url_for_site)
