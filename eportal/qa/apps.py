from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "eportal.qa"
    label = "qa"
    verbose_name = _("Hỏi đáp")

    def ready(self):
        from eportal.portals.signals import portal_created
        from eportal.qa.pages import on_portal_created

        portal_created.connect(on_portal_created, dispatch_uid="qa-index-page")
        _register_for_search()


def _register_for_search():
    """Published answers are found by the portal search (SPEC §9): listed under
    the answering agency's portal (the main portal searches them all)."""
    from eportal.qa.models import Question
    from eportal.search import registry

    def portal_of(question):
        agency_portal = getattr(question.agency, "portal", None) if question.agency_id else None
        return agency_portal or question.portal

    registry.register(
        Question,
        kind="qa",
        queryset_fn=lambda: Question.objects.filter(
            status=Question.Status.PUBLISHED
        ).select_related("portal", "agency", "topic"),
        portal_fn=portal_of,
        url_fn=lambda q: f"/hoi-dap/tra-loi/{q.code}/",
        date_fn=lambda q: q.published_at,
        title_fn=lambda q: q.title,
        text_fn=lambda q: f"{q.body}\n{q.answer}",
        sector_fn=lambda q: q.topic.name if q.topic_id else "",
    )
