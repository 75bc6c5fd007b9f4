"""Store every submitted text as NFC Unicode (Art. 3.2đ; SPEC §10).

A pre_save receiver runs to_unicode() on the human text of each instance of
the project's own models (module eportal.*), Wagtail pages and their
revisions, images, documents, form submissions, collections and sites,
tags, users and groups, whatever wrote them: forms, the admin, the API,
importers.

Human text is a CharField or TextField (RichTextField too: to_unicode
leaves HTML markup alone), the string values inside a JSONField and the
string values inside StreamField data (block types and ids aside). Left
alone: fields with choices, slugs, e-mail addresses, URLs, fields whose
names say they hold identifiers or secrets (password, username, *_hash,
*_token, *_key, *_id …), and the names a model lists in its
``vntext_exclude`` attribute.

Signals do not run for QuerySet.update(), bulk_create(), bulk_update() or
raw SQL: code that writes that way (importers, data migrations) must call
to_unicode() on the text itself. Fixtures (loaddata) are stored as they are.
"""

import json
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import pre_save
from taggit.models import TagBase
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, Page, Revision, Site

from .detect import to_unicode

_IDENTIFIER_NAMES = frozenset(
    "password username path url_path hostname object_id session_key token key secret salt "
    "hash checksum signature nonce uuid etag".split()
)
_IDENTIFIER_SUFFIXES = (
    "_hash",
    "_token",
    "_key",
    "_secret",
    "_salt",
    "_id",
    "_uuid",
    "_checksum",
    "_signature",
    "_url",
    "_path",
    "_email",
    "_slug",
)
_NOT_TEXT = (models.SlugField, models.EmailField, models.URLField)
# StreamField data: every block has a type and an id that are not text.
_STREAM_KEYS = frozenset({"type", "id"})

TEXT, JSON, STREAM = "text", "json", "stream"


def connect() -> None:
    """Connect the receiver (called once from VntextConfig.ready)."""
    pre_save.connect(convert_submitted_text, dispatch_uid="eportal.vntext.convert_submitted_text")


def convert_submitted_text(sender, instance, raw=False, update_fields=None, **kwargs):
    """Convert the human text of an instance to Unicode before it is saved."""
    if raw:
        return
    fields = text_fields(sender)
    for name, kind in fields:
        if update_fields is not None and name not in update_fields:
            continue
        value = getattr(instance, name)
        converted = _convert(value, kind)
        if converted is not value and converted != value:
            setattr(instance, name, converted)
    if isinstance(instance, Revision) and isinstance(instance.content, dict):
        if update_fields is None or "content" in update_fields:
            model = instance.content_type.model_class()
            if model is not None and is_covered(model):
                instance.content = convert_serialized(model, instance.content)


@cache
def is_covered(model) -> bool:
    """Tell whether instances of a model hold text that people submit."""
    if model.__module__.startswith("eportal."):
        return True
    covered = (
        Page,
        Revision,
        AbstractImage,
        AbstractDocument,
        AbstractFormSubmission,
        Collection,
        Site,
        TagBase,
        Group,
        get_user_model(),
    )
    return issubclass(model, covered)


@cache
def text_fields(model) -> tuple[tuple[str, str], ...]:
    """Return (field name, kind) of the fields of a model that hold human text."""
    if not is_covered(model):
        return ()
    return tuple(
        (field.name, kind)
        for field in model._meta.concrete_fields
        if (kind := field_kind(model, field)) is not None
    )


def field_kind(model, field) -> str | None:
    """Return TEXT, JSON or STREAM for a field holding human text, else None."""
    name = field.name
    if name in getattr(model, "vntext_exclude", ()) or name in _IDENTIFIER_NAMES:
        return None
    if name.endswith(_IDENTIFIER_SUFFIXES) or getattr(field, "choices", None):
        return None
    if isinstance(field, StreamField):
        return STREAM
    if isinstance(field, models.JSONField):
        return JSON
    if isinstance(field, models.CharField | models.TextField) and not isinstance(field, _NOT_TEXT):
        return TEXT
    return None


def _convert(value, kind: str):
    if value is None:
        return value
    if kind == TEXT:
        return to_unicode(value) if isinstance(value, str) else value
    if kind == JSON:
        return convert_json(value)
    # A StreamValue: convert its raw JSON data and assign that back; the
    # field turns it into a StreamValue again.
    stream_block = getattr(value, "stream_block", None)
    if stream_block is None:
        return value
    raw = stream_block.get_prep_value(value)
    converted = convert_json(raw, skip_keys=_STREAM_KEYS)
    return value if converted == raw else converted


def convert_json(value, skip_keys=frozenset()):
    """Return JSON-like data with to_unicode() applied to every string value.

    Dictionary keys, and the values of the keys in skip_keys, are kept.
    """
    if isinstance(value, str):
        return to_unicode(value)
    if isinstance(value, list):
        return [convert_json(item, skip_keys) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in skip_keys else convert_json(item, skip_keys)
            for key, item in value.items()
        }
    return value


def convert_serialized(model, data: dict) -> dict:
    """Return a serialised instance (a revision's content) with its text converted.

    The same fields as on a saved instance are converted, child objects
    (inline panels) by their own model's fields.
    """
    result = dict(data)
    for key, value in data.items():
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            continue
        if field.one_to_many and field.auto_created and isinstance(value, list):
            related = field.related_model
            result[key] = [
                convert_serialized(related, item) if isinstance(item, dict) else item
                for item in value
            ]
            continue
        if not field.concrete:
            continue
        kind = field_kind(model, field)
        if kind == TEXT and isinstance(value, str):
            result[key] = to_unicode(value)
        elif kind == JSON:
            result[key] = convert_json(value)
        elif kind == STREAM:
            result[key] = _convert_stream_data(value)
    return result


def _convert_stream_data(value):
    """Convert StreamField data as a revision holds it: a JSON string or a list."""
    if isinstance(value, str):
        try:
            data = json.loads(value)
        except ValueError:
            return to_unicode(value)
        converted = convert_json(data, skip_keys=_STREAM_KEYS)
        return value if converted == data else json.dumps(converted)
    return convert_json(value, skip_keys=_STREAM_KEYS)
