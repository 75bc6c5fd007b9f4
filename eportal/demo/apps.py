from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo province: composed from every app's own services (`eportal demo`)."""

    name = "eportal.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
