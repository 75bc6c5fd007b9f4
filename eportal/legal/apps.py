from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "eportal.legal"
    label = "legal"
