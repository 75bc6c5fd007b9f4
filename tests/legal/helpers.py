"""Small documents made straight under a portal's /van-ban/, for list tests that need many."""

from datetime import date

from eportal.legal import services
from eportal.legal.models import LegalDocumentPage
from eportal.search import services as search_services


def add_documents(portal, count, *, start=0, issuer="Sở Tài chính", live=True, **fields):
    """Add ``count`` documents (numbered from ``start``) under the portal's index page."""
    index_page = services.index_for(portal)
    documents = []
    for i in range(start, start + count):
        document = LegalDocumentPage(
            title=f"Công văn {i + 1}/STC-VP",
            slug=f"cv-{i + 1}-stc-vp",
            form="cong-van",
            number=f"{i + 1}/STC-VP",
            issuer=issuer,
            issued=date(2020, 1, 1 + i % 28),
            summary=f"Về việc hướng dẫn quyết toán ngân sách năm {2000 + i}",
            live=live,
            **fields,
        )
        index_page.add_child(instance=document)
        documents.append(document)
    if live:
        # What publishing does: the search index holds what is live.
        search_services.index_pages(documents)
    return documents
