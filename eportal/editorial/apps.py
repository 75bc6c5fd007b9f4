from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "eportal.editorial"
    label = "editorial"
