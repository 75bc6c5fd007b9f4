"""Values built once and kept in Django's cache until their scope changes.

A *scope* names what the values depend on ("portal:3", "portals"). Each scope
has a generation number in the cache, and every key of the scope carries it:
``invalidate(scope)`` bumps the number, so every value of the scope (every
language, every variant) is dropped at once without listing its keys. The old
entries are never read again and age out of the cache.

Django's cache has no "delete by prefix" that works on both local memory and
Redis; a generation counter is the usual way to get one.
"""

import time

from django.core.cache import cache
from django.db import transaction

# Bounded anyway: a missed invalidation heals itself within the hour.
DEFAULT_TIMEOUT = 60 * 60
_MISSING = object()


def _generation_key(scope: str) -> str:
    return f"fragments:generation:{scope}"


def _generation(scope: str) -> int:
    key = _generation_key(scope)
    generation = cache.get(key)
    if generation is None:
        # A new number from the clock, never one used before: the entries of
        # an evicted generation must not come back. add() keeps a concurrent
        # writer's number if it got there first.
        cache.add(key, time.time_ns(), timeout=None)
        generation = cache.get(key, 0)
    return generation


def cached(scope: str, name: str, build, *, timeout: int = DEFAULT_TIMEOUT, keep_none=True):
    """Return the value ``name`` of ``scope``, calling ``build()`` when it is not cached.

    ``build()`` may return None; that is cached too, unless ``keep_none`` is
    False (names that come from a visitor: only what exists takes room)."""
    key = f"fragments:{scope}:{_generation(scope)}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None or keep_none:
            cache.set(key, value, timeout=timeout)
    return value


def invalidate(*scopes: str) -> None:
    """Drop every value cached under each of ``scopes``, now and again when the
    current transaction commits: a request that ran meanwhile may have cached
    what the transaction was changing, as it was before."""
    _bump(scopes)
    transaction.on_commit(lambda: _bump(scopes))


def _bump(scopes) -> None:
    for scope in scopes:
        key = _generation_key(scope)
        try:
            cache.incr(key)
        except ValueError:  # not in the cache: nothing cached under the scope either
            cache.set(key, time.time_ns(), timeout=None)
