"""Background work of the legal app: what follows a bulk load of documents."""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from eportal.legal.models import LegalDocumentPage
from eportal.search import services as search

logger = logging.getLogger(__name__)

BATCH = 200


@task()
def index_documents(page_ids: list[int]) -> int:
    """Do for bulk-published documents what each publication would have done:
    the search indexes, Wagtail's reference index, the links between related
    documents (both ways) and, once for the whole load, the effects on older
    documents (replaced or repealed ones expire). Return how many were indexed.
    """
    from eportal.legal import services

    done = 0
    for start in range(0, len(page_ids), BATCH):
        batch = list(
            LegalDocumentPage.objects.live()
            .filter(pk__in=page_ids[start : start + BATCH])
            .select_related("sector")
            .order_by("pk")
        )
        with transaction.atomic():
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(LegalDocumentPage, batch)
            search.index_pages(batch)
            for page in batch:
                ReferenceIndex.create_or_update_for_object(page)
                services.resolve_relations(page)
        done += len(batch)
    services.apply_effects()
    logger.info("Indexed %d imported legal documents", done)
    return done
