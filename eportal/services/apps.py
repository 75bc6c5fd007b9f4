from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "eportal.services"
    label = "public_services"
    verbose_name = "Thủ tục hành chính và dịch vụ công"

    def ready(self):
        from eportal.portals.signals import portal_created
        from eportal.services import rollup, signal_handlers  # noqa: F401 - connects receivers

        portal_created.connect(signal_handlers.give_portal_catalogue, dispatch_uid="services-index")
