from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "eportal.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"

    def ready(self):
        from eportal.portals.signals import portal_created
        from eportal.procedures import signal_handlers

        portal_created.connect(
            signal_handlers.give_portal_catalogue, dispatch_uid="procedures-index"
        )
