from django.apps import AppConfig


class VntextConfig(AppConfig):
    name = "eportal.vntext"
    label = "vntext"
    verbose_name = "Vietnamese text"

    def ready(self):
        # Convert submitted text to NFC Unicode before anything is stored.
        from . import signals

        signals.connect()
