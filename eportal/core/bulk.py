"""Insert many new Wagtail pages under one parent in a few statements.

``parent.add_child(instance=page)`` costs several round trips per page (the
last child, the insert into every table of the page's type, the parent's
``numchild``) and ``Page.save()`` runs full validation and the signals. A bulk
load of an archive (tens of thousands of documents) needs neither: the rows
are checked by the caller, and what the signals do (search index, reference
index) is done afterwards in a background task.

``insert_pages`` writes the page rows of every table in the type's chain in
batches and numbers the tree paths itself, under a lock on the parent row
(PostgreSQL) so two loads into the same parent cannot take the same paths.
It sends no signal and makes no revision; the caller does what it needs.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models import F
from modelcluster.models import get_all_child_relations
from wagtail.models import Page


def _batches(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(model, objs: list, fields: list, returning: bool, using: str) -> list:
    connection = connections[using]
    size = max(1, connection.ops.bulk_batch_size(fields, objs))
    returned = []
    manager = model._base_manager.using(using)
    for batch in _batches(objs, size):
        # QuerySet._insert is what Model.save() itself calls for each table of
        # a multi-table model; bulk_create() refuses such models.
        rows = manager._insert(
            batch,
            fields=fields,
            returning_fields=[model._meta.pk] if returning else None,
            using=using,
        )
        if returning:
            returned.extend(row[0] for row in rows)
    return returned


def insert_pages(parent: Page, pages: Sequence[Page], *, using: str = "default") -> None:
    """Insert ``pages`` (new instances of one specific page type, with their
    title, slug, ``live`` and own fields set) as the last children of ``parent``.

    Sets each page's tree path, depth, URL path, locale, content type and
    primary key; child relations the caller did not fill are left empty in
    memory. Slugs must already be unique among the parent's children. Must run
    inside a transaction.
    """
    if not pages:
        return
    if not transaction.get_connection(using).in_atomic_block:
        raise RuntimeError("insert_pages() must run inside a transaction")
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("insert_pages() inserts pages of one type at a time")
    locked = Page.objects.using(using).select_for_update().get(pk=parent.pk)
    # The children's paths, not numchild: a bulk load may have left it behind.
    last = (
        Page.objects.using(using)
        .filter(path__startswith=locked.path, depth=locked.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    start = (Page._str2int(last[-Page.steplen :]) if last else 0) + 1
    content_type = ContentType.objects.db_manager(using).get_for_model(model)
    for offset, page in enumerate(pages):
        page.depth = locked.depth + 1
        page.path = Page._get_path(locked.path, page.depth, start + offset)
        page.numchild = 0
        page.url_path = f"{locked.url_path}{page.slug}/"
        page.locale_id = locked.locale_id
        page.content_type = content_type
        page.draft_title = page.draft_title or page.title

    # Page's own table first (it gives the primary keys), then each table below it.
    chain = [*reversed(model._meta.get_parent_list()), model]
    base = chain[0]
    base_fields = [f for f in base._meta.local_concrete_fields if not f.primary_key]
    for page, pk in zip(pages, _insert(base, list(pages), base_fields, True, using), strict=True):
        setattr(page, base._meta.pk.attname, pk)
        for table in chain[1:]:
            for link in table._meta.parents.values():
                if link is not None:
                    setattr(page, link.attname, pk)
    for table in chain[1:]:
        _insert(table, list(pages), list(table._meta.local_concrete_fields), False, using)
    children = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
    for page in pages:
        page._state.adding = False
        page._state.db = using
        # New pages have no child rows (comments, inline panels): say so in
        # memory, so that serializing one for its revision reads nothing.
        for name in children:
            if not getattr(page, name).is_deferring:
                setattr(page, name, [])
    Page.objects.using(using).filter(pk=locked.pk).update(numchild=F("numchild") + len(pages))
