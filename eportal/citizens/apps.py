from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "eportal.citizens"
    label = "citizens"
    verbose_name = "Tài khoản công dân"
