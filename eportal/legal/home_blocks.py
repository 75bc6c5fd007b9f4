"""The latest legal documents on a portal's home (see eportal/portals/home.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.legal import search
from eportal.legal.models import LegalDocumentIndexPage
from eportal.portals import home


class LatestDocumentsBlock(home.HomeBlock):
    """The documents the portal lists, newest issued first."""

    count = blocks.IntegerBlock(label=_("Số văn bản"), default=5, min_value=1, max_value=12)

    class Meta:
        label = _("Văn bản mới")
        icon = "doc-full"
        template = "legal/home/latest_documents.html"
        default_heading = _("Văn bản mới ban hành")
        default_count = 5

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        documents = search.for_listing(search.scope(portal))
        return list(documents.order_by("-issued", "-page_ptr_id")[:limit])

    def extra_context(self, value, request, portal, items):
        return {"more_url": home.section_url(LegalDocumentIndexPage, request, portal)}


home.register(
    "latest_documents", LatestDocumentsBlock(), order=50, default={"title": "", "count": 5}
)
