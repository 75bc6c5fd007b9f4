"""Integrity watch (SPEC §11): what the public sees is what was approved.

At each publication the approved revision's content is fingerprinted
(``ContentFingerprint``). The hourly ``eportal watch-integrity`` fingerprints
the live rows the same way and raises an alert for every page whose live
content differs from its approved revision: an edit that did not go through
the workflow (a direct database change). It also fingerprints the templates
and static files of the eportal apps against the accepted baseline
(``FileFingerprint``, taken on the first run or by ``--accept-files`` after a
deployment).

Both sides of a page comparison are canonicalised by ``content_fields``: the
live object and the revision's ``as_object()`` pass through the same code.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from eportal.watch.models import ContentFingerprint, FileFingerprint, WatchAlert
from eportal.watch.services import raise_alert, resolve_alert

# Bookkeeping of Wagtail's page row: the tree, the workflow, the publication
# state. They change without a new revision and are not content.
PAGE_BOOKKEEPING = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision_created_at",
    "draft_title",
    "url_path",
    "owner",
    "content_type",
    "alias_of",
}
# Fields the services derive and write on the live row without a revision
# (each such write is itself logged): the portal taken from the tree place,
# the main board's syndication choice, a legal document's effect status.
DERIVED_FIELDS = {
    "portal",
    "kind",
    "featured_on_main",
    "status",
    "status_changed_on",
    "expired_by",
}


# Raised whenever ``content_fields`` canonicalises differently: fingerprints
# stored by an earlier version are then taken again from their revisions
# (``differing_fields``) instead of raising alerts about nothing.
CANONICAL_VERSION = "2"


def _content_field_objects(page) -> list[models.Field]:
    exempt = DERIVED_FIELDS | set(getattr(type(page), "integrity_exempt_fields", ()))
    fields = []
    for field in type(page)._meta.concrete_fields:
        if field.name in PAGE_BOOKKEEPING or field.name in exempt or not field.editable:
            continue  # a non-editable field is kept by save() or a service, not edited
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        fields.append(field)
    return fields


def _canonical(field: models.Field, obj) -> str:
    if isinstance(field, models.DateTimeField):
        return _moment(field.value_from_object(obj))
    if isinstance(field, models.DecimalField):
        # "3" typed in the editor is kept as 3.00 by the database.
        value = field.to_python(field.value_from_object(obj))
        return (
            "" if value is None else str(value.quantize(Decimal(1).scaleb(-field.decimal_places)))
        )
    value = field.value_to_string(obj)
    if isinstance(value, str) and isinstance(field, (models.JSONField, StreamField)):
        # The live row and the revision serialise the same JSON differently
        # (escapes, key order; PostgreSQL's jsonb reorders): compare parsed.
        try:
            value = json.loads(value)
        except ValueError:
            pass
    if not isinstance(value, str):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return value


def _child_rows(page, relation) -> str:
    """An inline child relation (a document's files, a procedure's components,
    an article's tags) as one canonical string: each row's fields but its own
    id and its parent, in a stable order (the rows' ``sort_order`` is a field)."""
    fields = [
        field
        for field in relation.related_model._meta.concrete_fields
        if not field.primary_key and field.name != relation.field.name
    ]
    rows = [
        json.dumps(
            {field.name: _canonical(field, child) for field in fields},
            sort_keys=True,
            ensure_ascii=False,
        )
        for child in getattr(page, relation.get_accessor_name()).all()
    ]
    return "\n".join(sorted(rows))


def content_fields(page) -> dict[str, str]:
    """The content of a (specific) page as canonical strings, by field name:
    the same for the live row and for the approved revision's object, inline
    child rows and many-to-many choices included (a revision keeps them too)."""
    values = {field.name: _canonical(field, page) for field in _content_field_objects(page)}
    values["_canonical"] = CANONICAL_VERSION
    exempt = set(getattr(type(page), "integrity_exempt_fields", ()))
    for relation in get_all_child_relations(type(page)):
        name = relation.get_accessor_name()
        if name not in exempt:
            values[name] = _child_rows(page, relation)
    for field in type(page)._meta.many_to_many:
        if isinstance(field, ParentalManyToManyField) and field.name not in exempt:
            chosen = sorted(str(item.pk) for item in getattr(page, field.name).all())
            values[field.name] = ",".join(chosen)
    return values


def _moment(value) -> str:
    """A date-time as a revision keeps it: UTC, to the millisecond (the
    revision's JSON drops the microseconds)."""
    if not isinstance(value, datetime):
        return "" if value is None else str(value)
    if timezone.is_aware(value):
        value = value.astimezone(UTC)
    return value.replace(microsecond=value.microsecond // 1000 * 1000).isoformat()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(values: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The digest of a canonical JSON of ``values`` and each field's digest."""
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return _sha(canonical), {name: _sha(value) for name, value in values.items()}


def record_revision(revision) -> ContentFingerprint:
    """Fingerprint the content of an approved revision (idempotent)."""
    digest, fields = fingerprint(content_fields(revision.as_object()))
    record, _created = ContentFingerprint.objects.update_or_create(
        revision=revision,
        defaults={"page_id": int(revision.object_id), "digest": digest, "fields": fields},
    )
    return record


@receiver(page_published)
def fingerprint_published_revision(sender, instance, revision=None, **kwargs):
    if revision is not None:
        record_revision(revision)  # in the publication's transaction: both or neither


# --- Pages --------------------------------------------------------------------


def _short_diff(before: str, after: str, limit: int = 1200) -> str:
    lines = difflib.unified_diff(
        before.splitlines() or [before],
        after.splitlines() or [after],
        fromfile=_("bản đã duyệt"),
        tofile=_("bản đang hiển thị"),
        lineterm="",
        n=1,
    )
    text = "\n".join(lines)
    return text if len(text) <= limit else text[:limit] + "\n…"


def differing_fields(page) -> tuple[list[str], str]:
    """The content fields of a live (specific) page that differ from its live
    revision, and a short diff of them; ``([], "")`` when they agree."""
    if page.alias_of_id is not None:
        return _alias_differences(page)
    revision = page.live_revision
    record = ContentFingerprint.objects.filter(revision=revision).first()
    if record is None:
        record = record_revision(revision)
    live_values = content_fields(page)
    digest, fields = fingerprint(live_values)
    if set(fields) != set(record.fields):
        # Taken by an older version (see CANONICAL_VERSION) or before the model
        # gained a field: take it again from the revision, the approved content.
        record = record_revision(revision)
    if digest == record.digest:
        return [], ""
    names = sorted(
        name
        for name in set(fields) | set(record.fields)
        if fields.get(name) != record.fields.get(name)
    )
    return names, _diff(content_fields(revision.as_object()), live_values, names)


def _alias_differences(page) -> tuple[list[str], str]:
    """An alias (e.g. the English home Wagtail creates for a translation) has no
    approved content of its own: Wagtail keeps it equal to its source page, all
    but its slug. Compare it with the source's live row."""
    source = Page.objects.filter(pk=page.alias_of_id).first()
    if source is None:
        return [], ""
    approved, live_values = content_fields(source.specific), content_fields(page)
    approved.pop("slug", None)
    live_values.pop("slug", None)
    names = sorted(
        name
        for name in set(approved) | set(live_values)
        if approved.get(name) != live_values.get(name)
    )
    return names, _diff(approved, live_values, names)


def _diff(approved: dict[str, str], live_values: dict[str, str], names: list[str]) -> str:
    return "\n".join(
        _short_diff(approved.get(name, ""), live_values.get(name, ""), limit=600) for name in names
    )


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


def check_pages() -> list[WatchAlert]:
    """Raise an alert for every live page whose content differs from its approved revision."""
    from eportal.portals import access

    alerts = []
    pages = (
        Page.objects.live()
        .filter(Q(live_revision__isnull=False) | Q(alias_of__isnull=False), depth__gt=1)
        .specific()
    )
    for page in pages.iterator(chunk_size=200):
        names, diff = differing_fields(page)
        if not names:
            continue
        portal = access.portal_of(page)
        alert, _created = raise_alert(
            WatchAlert.Kind.INTEGRITY,
            key=page_key(page.pk),
            title=_("Trang “%(title)s” bị sửa ngoài quy trình duyệt") % {"title": page.title[:150]},
            detail=_(
                "Cổng: %(portal)s\nTrang: %(title)s (#%(id)s)\nTrường khác bản đã duyệt: %(fields)s\n\n%(diff)s"
            )
            % {
                "portal": portal.name if portal else "—",
                "title": page.title,
                "id": page.pk,
                "fields": ", ".join(names),
                "diff": diff,
            },
            portal=portal,
            link=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        alerts.append(alert)
    return alerts


class NothingToRestore(Exception):
    """The page is gone or no longer published."""


def restore(alert: WatchAlert, *, by) -> Page:
    """Republish the last approved revision of the page an alert names, log
    it and resolve the alert."""
    if not alert.key.startswith("page:"):
        raise ValueError("not a page alert")
    page = Page.objects.filter(pk=int(alert.key.split(":", 1)[1])).first()
    if page is not None and page.alias_of_id is not None:
        return _restore_alias(page, alert, by=by)
    if page is None or page.live_revision is None:
        raise NothingToRestore
    page = page.specific
    revision = page.live_revision
    with transaction.atomic():
        revision.publish(user=by, skip_permission_checks=True)
        log(page, "watch.restore", user=by, data={"revision": revision.pk, "alert": alert.pk})
        resolve_alert(
            alert, by=by, resolution=_("Đã khôi phục bản đã duyệt #%(id)s.") % {"id": revision.pk}
        )
    return page


def _restore_alias(page, alert, *, by) -> Page:
    """Copy an alias's source onto it again, as Wagtail does on each publication."""
    source = Page.objects.filter(pk=page.alias_of_id).first()
    if source is None or not source.live:
        raise NothingToRestore
    source = source.specific
    with transaction.atomic():
        source.update_aliases(revision=source.live_revision)
        log(page, "watch.restore", user=by, data={"source": source.pk, "alert": alert.pk})
        resolve_alert(
            alert,
            by=by,
            resolution=_("Đã đồng bộ lại từ trang gốc #%(id)s.") % {"id": source.pk},
        )
    return page


# --- Files --------------------------------------------------------------------


def watched_dirs() -> list[Path]:
    """The template and static directories of the eportal apps and of settings."""
    dirs = []
    for config in apps.get_app_configs():
        if config.name.split(".")[0] != "eportal":
            continue
        for sub in ("templates", "static"):
            dirs.append(Path(config.path) / sub)
    for engine in settings.TEMPLATES:
        dirs.extend(Path(d) for d in engine.get("DIRS", ()))
    for entry in getattr(settings, "STATICFILES_DIRS", ()):
        dirs.append(Path(entry[1] if isinstance(entry, (list, tuple)) else entry))
    seen, unique = set(), []
    for directory in dirs:
        resolved = directory.resolve()
        if resolved not in seen and resolved.is_dir():
            seen.add(resolved)
            unique.append(resolved)
    return unique


def file_digests() -> dict[str, str]:
    digests = {}
    for directory in watched_dirs():
        for path in sorted(directory.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digests[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def accept_files() -> int:
    """Take the current templates and static files as the baseline."""
    current = file_digests()
    with transaction.atomic():
        FileFingerprint.objects.exclude(path__in=current).delete()
        for path, digest in current.items():
            FileFingerprint.objects.update_or_create(path=path, defaults={"digest": digest})
        for alert in WatchAlert.objects.filter(key__startswith="file:", resolved_at__isnull=True):
            resolve_alert(alert, by=None, resolution=_("Đã chấp nhận tệp hiện tại làm mốc."))
    return len(current)


def check_files() -> list[WatchAlert]:
    """Raise an alert for every template or static file changed, added or
    removed since the baseline (taken now when there is none)."""
    baseline = dict(FileFingerprint.objects.values_list("path", "digest"))
    if not baseline:
        accept_files()
        return []
    current = file_digests()
    alerts = []
    for path in sorted(set(baseline) | set(current)):
        before, after = baseline.get(path), current.get(path)
        if before == after:
            continue
        if before is None:
            what = _("Tệp mới xuất hiện")
        elif after is None:
            what = _("Tệp bị xóa")
        else:
            what = _("Tệp bị thay đổi")
        alert, _created = raise_alert(
            WatchAlert.Kind.INTEGRITY,
            key=f"file:{path}"[:255],
            title=f"{what}: {Path(path).name}",
            detail=_("%(what)s so với mốc đã chấp nhận: %(path)s") % {"what": what, "path": path},
        )
        alerts.append(alert)
    return alerts
