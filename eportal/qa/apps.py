from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "eportal.qa"
    label = "qa"
