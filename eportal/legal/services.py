"""The one door for writes to legal documents: import, relations, effects, deadlines.

Publishing rules (Art. 17.1). Documents imported by someone who may publish
directly — the provincial super-administrator in the admin, or the operator
who runs ``eportal import-legal`` on the server (the technical administration
of the installation, acting as the publishing authority for a bulk load) —
are published at once and each one is written to the audit log as
``legal.import``. Documents imported in the admin by a board member are
created as drafts and submitted to the portal's workflow, like any other
edit by staff.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision

from eportal.core import clock, frontend_cache
from eportal.core.bulk import insert_pages
from eportal.core.pages import ensure_child_page
from eportal.core.uploads import DOCUMENTS, check_upload
from eportal.legal.models import (
    INDEX_SLUG,
    GovernedPortal,
    ImportBatch,
    ImportBatchItem,
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
    LegalIssuer,
    LegalRelation,
    RelationKind,
    Status,
)
from eportal.legal.numbers import FORM_NAMES, number_key, parse_number
from eportal.legal.parser import ParsedDocument, Reference
from eportal.vntext import fold, slugify, to_unicode

logger = logging.getLogger(__name__)

ISSUER_RULE = "legal-document-issuer"
GOVERNED_RULE = "legal-document-governed"
IMPORT_ACTION = "legal.import"
EXPIRE_ACTION = "legal.expired"
# A bulk load of an archive is not a posting obligation: deadlines are opened
# for imported documents issued within this many days only.
IMPORT_DEADLINE_HORIZON = timedelta(days=30)
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class Attachment:
    name: str
    content: bytes
    label: str = ""


# --- Index pages -------------------------------------------------------------------


def ensure_index(portal, by=None) -> LegalDocumentIndexPage:
    """Give the portal its /van-ban/ page (published, in the menu) if it has none."""
    index_page, _created = ensure_child_page(
        portal.home_page,
        LegalDocumentIndexPage,
        slug=INDEX_SLUG,
        by=by,
        title=_("Văn bản pháp luật"),
    )
    return index_page


def index_for(portal) -> LegalDocumentIndexPage | None:
    return LegalDocumentIndexPage.objects.child_of(portal.home_page).first()


# --- Relations -----------------------------------------------------------------------


def _find_target(reference: Reference) -> LegalDocumentPage | None:
    live = LegalDocumentPage.objects.live()
    if reference.number:
        return live.filter(number_key=number_key(reference.number)).order_by("-issued").first()
    if reference.name:
        found = live.filter(name_key=fold(reference.name))
        if reference.issued:
            found = found.filter(issued=reference.issued)
        return found.order_by("-issued").first()
    return None


def references_of(parsed: ParsedDocument) -> list[tuple[str, Reference]]:
    """The document's relations as read: (kind, reference), in the order shown."""
    return [
        (kind, reference)
        for kind, references in (
            (RelationKind.BASED_ON, parsed.bases),
            (RelationKind.REPLACES, parsed.replaces),
            (RelationKind.REPEALS, parsed.repeals),
            (RelationKind.AMENDS, parsed.amends),
            (RelationKind.GUIDES, parsed.guides),
        )
        for reference in references
    ]


def _relation(kind: str, reference: Reference) -> LegalRelation:
    return LegalRelation(
        kind=kind, target=_find_target(reference), target_text=reference.text[:500]
    )


def resolve_relations(document: LegalDocumentPage) -> int:
    """Link relations kept as text to this document, and its own to documents now known.

    Return how many relations were linked.
    """
    key_match = Q(target_number_key=document.number_key) & ~Q(target_number_key="")
    name_match = (
        Q(target_name_key=document.name_key)
        & ~Q(target_name_key="")
        & (Q(target_issued__isnull=True) | Q(target_issued=document.issued))
    )
    linked = (
        LegalRelation.objects.filter(target__isnull=True)
        .filter(key_match | name_match)
        .exclude(source=document)
        .update(target=document)
    )
    for relation in document.relations.filter(target__isnull=True).exclude(target_text=""):
        from eportal.legal.parser import parse_reference

        target = _find_target(parse_reference(relation.target_text))
        if target is not None and target.pk != document.pk:
            LegalRelation.objects.filter(pk=relation.pk).update(target=target)
            linked += 1
    return linked


# --- Effect status -------------------------------------------------------------------


def initial_status(effective: date | None, stated: str, today: date) -> str:
    """Return the status of a newly entered document."""
    if effective and effective > today:
        return Status.NOT_YET
    return stated if stated in Status.values and stated != Status.NOT_YET else Status.IN_FORCE


def apply_effects(today: date | None = None) -> list[tuple[LegalDocumentPage, str, date]]:
    """Bring effect statuses up to date; return (document, new status, since) per change.

    Idempotent. A document replaced or repealed (as a whole) by one that has
    taken effect expires on the day that one took effect, and records by which; a document
    whose effective date has come is in force.
    """
    today = today or clock.today()
    changes = []
    with transaction.atomic():
        replacements = (
            LegalRelation.objects.filter(
                kind__in=(RelationKind.REPLACES, RelationKind.REPEALS), target__isnull=False
            )
            .filter(source__live=True)
            .filter(
                Q(source__effective__lte=today)
                | Q(source__effective__isnull=True, source__issued__lte=today)
            )
            .exclude(target__status=Status.EXPIRED)
            .select_related("source", "target")
            .order_by("source__issued")
        )
        for relation in replacements:
            source, target = relation.source, relation.target
            since = source.effective or source.issued
            LegalDocumentPage.objects.filter(pk=target.pk).update(
                status=Status.EXPIRED, status_changed_on=since, expired_by=source
            )
            log(target, EXPIRE_ACTION, data={"by": source.number, "on": since.isoformat()})
            changes.append((target, Status.EXPIRED, since))
        coming = LegalDocumentPage.objects.filter(
            status=Status.NOT_YET, effective__isnull=False, effective__lte=today
        )
        for document in coming:
            LegalDocumentPage.objects.filter(pk=document.pk).update(
                status=Status.IN_FORCE, status_changed_on=document.effective
            )
            changes.append((document, Status.IN_FORCE, document.effective))
    if changes:
        # The documents' pages and the lists that show their status.
        frontend_cache.purge_pages([document for document, _status, _on in changes])
    return changes


# --- Deadlines ----------------------------------------------------------------------


def open_deadlines(document: LegalDocumentPage) -> None:
    """Start the posting deadlines: the issuing portal's, and each governed portal's."""
    from eportal.workdays.services import open_deadline

    if document.issued is None:
        return
    open_deadline(document, ISSUER_RULE, document.issued, portal=document.portal)
    for row in document.governed_portals.all():
        if row.pk:
            open_deadline(row, GOVERNED_RULE, document.issued, portal=row.portal)


def complete_deadlines(document: LegalDocumentPage, on: date) -> None:
    """Record that the document is posted: on its portal, and listed on governed ones."""
    from eportal.workdays.services import get_deadline

    for obj, rule in [(document, ISSUER_RULE)] + [
        (row, GOVERNED_RULE) for row in document.governed_portals.all()
    ]:
        deadline = get_deadline(obj, rule)
        if deadline is not None and deadline.completed_on is None:
            deadline.completed_on = on
            deadline.save(update_fields=["completed_on"])


def on_published(document: LegalDocumentPage) -> None:
    """What follows a publication: deadlines met, relations linked, effects applied."""
    if document.portal_id is None:
        document.refresh_derived()
        LegalDocumentPage.objects.filter(pk=document.pk).update(portal=document.portal)
    from eportal.workdays.services import get_deadline

    # Governed portals added in an edit get their deadline once it is published.
    if get_deadline(document, ISSUER_RULE) is not None:
        open_deadlines(document)
    complete_deadlines(document, clock.today())
    resolve_relations(document)
    apply_effects()


# --- Import ---------------------------------------------------------------------------


def _unique_slug(parent, slug: str, exclude_pk=None) -> str:
    siblings = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in siblings:
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


def validate(parsed: ParsedDocument) -> None:
    """Raise ValidationError (Vietnamese) if the fields cannot make a document."""
    missing = parsed.missing()
    if missing:
        raise ValidationError(
            _("Không đọc được: %(fields)s.") % {"fields": ", ".join(missing)}, code="missing"
        )
    if parsed.form not in FORM_NAMES:
        raise ValidationError(_("Loại văn bản “%(form)s” không hợp lệ.") % {"form": parsed.form})
    if parse_number(parsed.number) is None:
        raise ValidationError(
            _("Số ký hiệu “%(number)s” không đúng dạng (ví dụ 05/2014/QĐ-UBND).")
            % {"number": parsed.number}
        )
    if parsed.effective and parsed.issued and parsed.effective < parsed.issued:
        raise ValidationError(_("Ngày có hiệu lực trước ngày ban hành."))


def clean(parsed: ParsedDocument) -> ParsedDocument:
    # bulk paths and hand-made rows skip the pre_save hook's conversion of the
    # relations' text, so convert every field here.
    for name in (
        "number",
        "issuer",
        "place",
        "signer",
        "title",
        "sector",
        "effective_rule",
        "body",
    ):
        setattr(parsed, name, to_unicode(getattr(parsed, name) or "") or "")
    return parsed


def _attachments(page, attachments, portal, by) -> list[LegalDocumentFile]:
    Document = get_document_model()
    rows = []
    for attachment in attachments:
        upload = ContentFile(attachment.content, name=attachment.name)
        check_upload(upload, allowed=DOCUMENTS, max_bytes=MAX_FILE_BYTES)
        stored = Document(
            title=attachment.label or attachment.name,
            collection=portal.collection,
            uploaded_by_user=by,
        )
        stored.file.save(attachment.name, upload, save=False)
        stored.save()
        rows.append(LegalDocumentFile(document=stored, label=attachment.label or attachment.name))
    return rows


def identity(parsed: ParsedDocument) -> tuple[str, str]:
    """What identifies a document: its number and its issuer (as keys)."""
    return number_key(parsed.number), slugify(parsed.issuer, max_length=255)


def existing_identities(documents: list[ParsedDocument]) -> set[tuple[str, str]]:
    """The identities of these documents that are already in the database."""
    keys = {identity(parsed) for parsed in documents}
    found = LegalDocumentPage.objects.filter(number_key__in={k for k, _i in keys}).values_list(
        "number_key", "issuer_key"
    )
    return keys & set(found)


def existing_document(parsed: ParsedDocument, portal) -> LegalDocumentPage | None:
    """The document with the same number and issuer, on whichever portal it was
    first posted: one document is one record, and importing it again (on any
    portal) updates it."""
    key, issuer_key = identity(parsed)
    return (
        LegalDocumentPage.objects.filter(number_key=key, issuer_key=issuer_key)
        .order_by("pk")
        .first()
    )


@dataclass
class ImportResult:
    page: LegalDocumentPage
    created: bool
    published: bool
    # What was read, and from where ("qd.txt", "luu-tru.csv, dòng 7"): for the batch's review.
    parsed: ParsedDocument | None = None
    label: str = ""


@transaction.atomic
def import_document(
    parsed: ParsedDocument,
    *,
    portal,
    by=None,
    publish: bool,
    attachments: list[Attachment] = (),
    governed=(),
    today: date | None = None,
) -> ImportResult:
    """Create or update one document from parsed fields; all of it or nothing.

    The number and the issuer identify a document within a portal: importing
    it again updates it. With ``publish`` the new revision is published (the
    caller must be allowed to publish directly); otherwise it is saved as a
    draft and submitted to the portal's workflow by ``by``.
    """
    today = today or clock.today()
    parsed = clean(parsed)
    validate(parsed)
    if not publish and by is None:
        raise ValidationError(_("Cần người gửi duyệt để tạo bản nháp."))
    index_page = ensure_index(portal, by=by)
    existing = existing_document(parsed, portal)
    created = existing is None
    page = LegalDocumentPage() if created else existing.get_latest_revision_as_object()

    page.title = f"{FORM_NAMES[parsed.form]} {parsed.number}"[:255]
    page.form = parsed.form
    page.number = parsed.number
    page.issuer = parsed.issuer[:255]
    page.place = parsed.place[:100]
    page.issued = parsed.issued
    page.effective = parsed.effective
    page.effective_rule = parsed.effective_rule[:255]
    page.signer = parsed.signer[:255]
    page.summary = parsed.title
    page.body = parsed.body
    page.search_description = parsed.title[:300]
    if parsed.sector:
        sector = LegalField.objects.filter(slug=slugify(parsed.sector, max_length=100)).first()
        page.sector = sector or LegalField.objects.create(name=parsed.sector[:255])
    if created or page.status != Status.EXPIRED:
        page.status = initial_status(parsed.effective, parsed.status, today)
        if page.status == Status.NOT_YET:
            page.status_changed_on = None
    page.relations = [_relation(kind, reference) for kind, reference in references_of(parsed)]
    if governed:
        page.governed_portals = [GovernedPortal(portal=p) for p in governed if p != portal]

    if created:
        page.slug = _unique_slug(index_page, slugify(parsed.number) or "van-ban")
        page.owner = by
        page.live = False
        index_page.add_child(instance=page)
    if attachments:
        page.files = list(page.files.all()) + _attachments(page, attachments, portal, by)
    revision = page.save_revision(user=by, log_action=True)
    page = LegalDocumentPage.objects.get(pk=page.pk)
    log(
        page,
        IMPORT_ACTION,
        user=by,
        data={"number": parsed.number, "created": created, "published": publish},
    )
    if parsed.issued and parsed.issued >= today - IMPORT_DEADLINE_HORIZON:
        open_deadlines(page)
    if publish:
        revision.publish(user=by)
        page.refresh_from_db()
    else:
        workflow = portal.workflow
        state = page.current_workflow_state
        if workflow is not None and state is None:
            workflow.start(page, by)
    return ImportResult(page=page, created=created, published=publish, parsed=parsed)


def record_batch(portal, by, source: str, results: list[ImportResult]) -> ImportBatch | None:
    """Keep an import's documents together, with the parser's confidence per
    field, for the board to review (and approve) as one batch."""
    if not results:
        return None
    batch = ImportBatch.objects.create(portal=portal, created_by=by, source=source[:255])
    ImportBatchItem.objects.bulk_create(
        [
            ImportBatchItem(
                batch=batch,
                page=result.page,
                label=(result.label or result.page.number)[:255],
                created=result.created,
                confidence=result.parsed.confidence if result.parsed else {},
                warnings=result.parsed.warnings if result.parsed else [],
            )
            for result in {r.page.pk: r for r in results}.values()
        ]
    )
    return batch


def may_publish_directly(user) -> bool:
    """Whether an import by this user publishes at once (see the module docstring)."""
    return user is not None and user.is_superuser


# --- Bulk load of an archive ----------------------------------------------------------


@dataclass
class NewDocument:
    """One document of a bulk load: parsed, validated, not yet in the database."""

    parsed: ParsedDocument
    attachments: list[Attachment]
    governed: list


def _free_slugs(index_page, wanted: list[str]) -> list[str]:
    """A slug per document, unique among the index's children and among themselves,
    reading only the children that could collide (the index may hold 100,000)."""
    children = Page.objects.child_of(index_page)
    taken = set(children.filter(slug__in=set(wanted)).values_list("slug", flat=True))
    clashes = {slug for slug in wanted if slug in taken} | {
        slug for slug in wanted if wanted.count(slug) > 1
    }
    for slug in clashes:
        taken |= set(children.filter(slug__startswith=f"{slug}-").values_list("slug", flat=True))
    free = []
    for slug in wanted:
        candidate, n = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{n}"
            n += 1
        taken.add(candidate)
        free.append(candidate)
    return free


def _sectors(names) -> dict[str, LegalField]:
    by_slug = {slugify(name, max_length=100): name for name in names if name}
    found = {f.slug: f for f in LegalField.objects.filter(slug__in=by_slug)}
    for slug, name in by_slug.items():
        if slug not in found:
            found[slug] = LegalField.objects.create(name=name[:255], slug=slug)
    return found


@transaction.atomic
def publish_new_documents(
    entries: list[NewDocument], *, portal, by=None, today: date | None = None
) -> list[LegalDocumentPage]:
    """Create and publish documents that are not in the database yet, in a few
    statements for the whole list: the pages, their relations and governed
    portals, a revision and the audit entries of each (``legal.import`` and
    ``wagtail.publish``), the issuer counts, the posting deadlines of recent ones.

    What publishing through ``Page.save()`` would also do — the search
    indexes, the reference index, linking relations, effects on older
    documents — is queued as one background task (``tasks.index_documents``)
    in the same transaction, so it runs only if the documents are committed.
    The caller has cleaned and validated every entry (``clean``, ``validate``)
    and checked that none exists (``existing_identities``); all of the list is
    written, or nothing.
    """
    from eportal.legal import tasks

    if not entries:
        return []
    today = today or clock.today()
    now = clock.now()
    index_page = ensure_index(portal, by=by)
    sectors = _sectors(e.parsed.sector for e in entries)
    slugs = _free_slugs(index_page, [slugify(e.parsed.number) or "van-ban" for e in entries])
    pages = []
    for entry, slug in zip(entries, slugs, strict=True):
        parsed = entry.parsed
        status = initial_status(parsed.effective, parsed.status, today)
        page = LegalDocumentPage(
            title=f"{FORM_NAMES[parsed.form]} {parsed.number}"[:255],
            slug=slug,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
            owner=by,
            search_description=parsed.title[:300],
            form=parsed.form,
            number=parsed.number,
            issuer=parsed.issuer[:255],
            place=parsed.place[:100],
            issued=parsed.issued,
            effective=parsed.effective,
            effective_rule=parsed.effective_rule[:255],
            signer=parsed.signer[:255],
            summary=parsed.title,
            body=parsed.body,
            status=status,
            sector=sectors.get(slugify(parsed.sector, max_length=100)) if parsed.sector else None,
            portal=portal,
        )
        page.refresh_derived()
        pages.append(page)
    insert_pages(index_page, pages)

    relations, governed, files = [], [], []
    for page, entry in zip(pages, entries, strict=True):
        parsed = entry.parsed
        # Kept as text: the task links them once every document of the load is in.
        own = [
            LegalRelation(source=page, kind=kind, target_text=reference.text[:500], sort_order=n)
            for n, (kind, reference) in enumerate(references_of(parsed))
        ]
        for relation in own:
            relation.refresh_derived()
        page.relations = own
        page.governed_portals = [
            GovernedPortal(page=page, portal=p, sort_order=n)
            for n, p in enumerate(p for p in entry.governed if p != portal)
        ]
        page.files = [
            LegalDocumentFile(page=page, document=row.document, label=row.label, sort_order=n)
            for n, row in enumerate(_attachments(page, entry.attachments, portal, by))
        ]
        relations += page.relations.all()
        governed += page.governed_portals.all()
        files += page.files.all()
    LegalRelation.objects.bulk_create(relations, batch_size=500)
    GovernedPortal.objects.bulk_create(governed, batch_size=500)
    LegalDocumentFile.objects.bulk_create(files, batch_size=500)

    page_type = ContentType.objects.get_for_model(LegalDocumentPage)
    base_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=page_type,
                base_content_type=base_type,
                object_id=str(page.pk),
                object_str=page.title,
                content=page.serializable_data(),
                user=by,
                created_at=now,
            )
            for page in pages
        ],
        batch_size=500,
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    # One statement for the chunk (bulk_update's CASE per row cost more than the inserts).
    own_revision = Subquery(
        Revision.objects.filter(
            base_content_type=base_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision=own_revision, live_revision=own_revision
    )
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=page_type,
                page_id=page.pk,
                label=page.title,
                action=action,
                data=data,
                timestamp=now,
                user=by,
                revision=revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action, data in (
                (IMPORT_ACTION, {"number": page.number, "created": True, "published": True}),
                ("wagtail.publish", {}),
            )
        ],
        batch_size=500,
    )
    LegalIssuer.documents_added(page.issuer_listing() for page in pages)
    for page in pages:
        if page.issued and page.issued >= today - IMPORT_DEADLINE_HORIZON:
            open_deadlines(page)
            complete_deadlines(page, today)
    tasks.index_documents.enqueue([page.pk for page in pages])
    # The new pages were never cached; the lists they join were (one page
    # names them all: its /van-ban/, the portal's home, the aggregated lists).
    frontend_cache.purge_pages(pages[:1])
    return pages
