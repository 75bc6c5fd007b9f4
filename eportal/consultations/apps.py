from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "eportal.consultations"
    label = "consultations"

    def ready(self):
        from eportal.consultations.services import on_portal_created
        from eportal.portals.signals import portal_created

        portal_created.connect(on_portal_created, dispatch_uid="consultations-index-page")
