from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "eportal.consultations"
    label = "consultations"
