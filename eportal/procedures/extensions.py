"""Views another app serves under a procedure's pages.

The catalogue knows nothing of dossiers, but its public URLs carry them:
``/thu-tuc/<thủ tục>/nop-ho-so/`` is the online form and ``/thu-tuc/thong-ke/``
the statistics of dossiers. The page routes stay here (so the URLs are those
of the page tree); the app that owns the work registers the view at start-up
(``eportal.dossiers.apps``). A route nobody registered answers 404.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404

ROUTES = ("submit", "review", "statistics", "statistics_export")

_views: dict[str, Callable] = {}


def register(name: str, view: Callable) -> None:
    """Serve route ``name`` (one of ``ROUTES``) with ``view(request, page, *args)``."""
    if name not in ROUTES:
        raise ValueError(f"Unknown procedure route {name!r}; expected one of {ROUTES}")
    _views[name] = view


def serve(name: str, request, page, *args):
    view = _views.get(name)
    if view is None:
        raise Http404
    return view(request, page, *args)
