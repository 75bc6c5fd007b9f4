from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eportal.api"
    label = "eportal_api"
