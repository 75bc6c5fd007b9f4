from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "eportal.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ dịch vụ công"

    def ready(self):
        from eportal.dossiers import rollup, views  # noqa: F401 - rollup connects receivers
        from eportal.procedures import extensions

        # The online form and the statistics are served under the catalogue's pages.
        extensions.register("submit", views.submit)
        extensions.register("review", views.review)
        extensions.register("statistics", views.statistics_view)
        extensions.register("statistics_export", views.statistics_export)
