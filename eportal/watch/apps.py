from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WatchConfig(AppConfig):
    name = "eportal.watch"
    label = "watch"
    verbose_name = _("Giám sát")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from eportal.watch import audit, integrity  # noqa: F401  (signal receivers)
