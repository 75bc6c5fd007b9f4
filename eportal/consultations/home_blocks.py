"""The consultations open for comment, on a portal's home (see eportal/portals/home.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.consultations import queries
from eportal.consultations.models import ConsultationIndexPage, Status
from eportal.core import clock
from eportal.portals import home


class OpenConsultationsBlock(home.HomeBlock):
    """Drafts open for comment now, the newest opened first."""

    count = blocks.IntegerBlock(label=_("Số dự thảo"), default=3, min_value=1, max_value=12)

    class Meta:
        label = _("Dự thảo đang lấy ý kiến")
        icon = "comment"
        template = "consultations/home/open_consultations.html"
        default_heading = _("Dự thảo đang lấy ý kiến")
        default_count = 3

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        return list(queries.consultations(portal, status=Status.OPEN, now=clock.now())[:limit])

    def extra_context(self, value, request, portal, items):
        return {"more_url": home.section_url(ConsultationIndexPage, request, portal)}


home.register(
    "open_consultations", OpenConsultationsBlock(), order=70, default={"title": "", "count": 3}
)
