from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "eportal.workdays"
    label = "workdays"
    verbose_name = _("Lịch làm việc")

    def ready(self):
        from eportal.workdays import signal_handlers  # noqa: F401
