from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "eportal.organisation"
    label = "organisation"
    verbose_name = "Tổ chức, lãnh đạo, lịch công tác"

    def ready(self):
        from wagtail.signals import page_published

        from eportal.organisation import services
        from eportal.organisation.models import WorkSchedulePage
        from eportal.portals.signals import portal_created

        portal_created.connect(services.on_portal_created, dispatch_uid="organisation-portal")
        page_published.connect(
            services.on_schedule_published,
            sender=WorkSchedulePage,
            dispatch_uid="organisation-schedule-published",
        )
        services.register_search()
