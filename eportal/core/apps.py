from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "eportal.core"
    label = "eportal_core"

    def ready(self):
        from eportal.core import signals  # noqa: F401
