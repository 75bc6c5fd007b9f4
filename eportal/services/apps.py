from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "eportal.services"
    label = "public_services"
