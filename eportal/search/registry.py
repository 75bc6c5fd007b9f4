"""Non-page models that readers can find: the search registry.

Pages (every live, public ``BasePage`` subclass) are indexed without any
registration, from their own ``search_fields``. Other models — published
Q&A answers, Wagtail documents — register here, usually from their app's
``AppConfig.ready()``::

    from eportal.search import registry

    registry.register(
        Question,
        kind="qa",                                   # a search.models.Kind value
        queryset_fn=lambda: Question.objects.filter(published=True),
        portal_fn=lambda q: q.portal,                # a Portal or None
        url_fn=lambda q: q.get_absolute_url(),       # path on the portal's host
        date_fn=lambda q: q.answered_on,             # a date, datetime or None
        title_fn=lambda q: q.title,
        text_fn=lambda q: f"{q.question_text} {q.answer_text}",
        sector_fn=lambda q: q.field_name,            # optional, "" by default
    )

From then on the item is indexed when it is saved and is in ``queryset_fn()``
(and removed when it is saved and is not, or is deleted), and ``eportal
search reindex`` rebuilds it with everything else. ``queryset_fn`` must
return only what the public may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Registration:
    model: type[Model]
    kind: str
    queryset_fn: Callable[[], QuerySet]
    portal_fn: Callable[[Any], Any]
    url_fn: Callable[[Any], str]
    date_fn: Callable[[Any], Any]
    title_fn: Callable[[Any], str]
    text_fn: Callable[[Any], str]
    sector_fn: Callable[[Any], str] | None = None
    url_is_global: bool = False


_registry: dict[type[Model], Registration] = {}


def register(
    model: type[Model],
    *,
    kind: str,
    queryset_fn: Callable[[], QuerySet],
    portal_fn: Callable[[Any], Any],
    url_fn: Callable[[Any], str],
    date_fn: Callable[[Any], Any],
    title_fn: Callable[[Any], str],
    text_fn: Callable[[Any], str],
    sector_fn: Callable[[Any], str] | None = None,
    url_is_global: bool = False,
) -> Registration:
    """Make a non-page model searchable (see the module docstring).

    ``url_is_global`` says that the URL is served on every portal's host
    (e.g. ``/documents/…``), so it is not rewritten for another portal.
    Registering a model again replaces its registration.
    """
    from eportal.search.models import Kind

    if kind not in Kind.values:
        raise ValueError(f"Unknown search kind {kind!r}; use one of {Kind.values}.")
    registration = Registration(
        model=model,
        kind=kind,
        queryset_fn=queryset_fn,
        portal_fn=portal_fn,
        url_fn=url_fn,
        date_fn=date_fn,
        title_fn=title_fn,
        text_fn=text_fn,
        sector_fn=sector_fn,
        url_is_global=url_is_global,
    )
    _registry[model] = registration
    from eportal.search import signals

    signals.connect_registered(model)
    return registration


def unregister(model: type[Model]) -> None:
    """Stop indexing a model (its rows stay until the next reindex)."""
    _registry.pop(model, None)
    from eportal.search import signals

    signals.disconnect_registered(model)


def registration_for(model: type[Model]) -> Registration | None:
    """The registration of a model or of one of its parents, if any."""
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def registrations() -> list[Registration]:
    return list(_registry.values())
