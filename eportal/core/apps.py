from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "eportal.core"
    label = "eportal_core"
