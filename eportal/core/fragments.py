"""Values built once and kept in Django's cache until their scope changes.

A *scope* names what the values depend on ("portal:3", "portals"). Each scope
has a generation number in the cache, and every key of the scope carries it:
``invalidate(scope)`` bumps the number, so every value of the scope (every
language, every variant) is dropped at once without listing its keys. The old
entries are never read again and age out of the cache.

Django's cache has no "delete by prefix" that works on both local memory and
Redis; a generation counter is the usual way to get one.

The values live in the default cache, which may be each process's own
memory; the generation numbers live in the ``generations`` cache, which every
process shares (Redis, or files on the machine: settings.py), so that a change
made in any process is seen by all of them at their next request. Within one
request each scope's number is read once (``request_started`` starts a memo,
``request_finished`` ends it).
"""

import threading
import time

from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver

# Bounded anyway: a missed invalidation heals itself within the hour.
DEFAULT_TIMEOUT = 60 * 60
_MISSING = object()
_request = threading.local()  # .generations: scope → number, during a request


def _generation_key(scope: str) -> str:
    return f"fragments:generation:{scope}"


def _generations():
    return caches["generations"]


@receiver(request_started)
def _start_memo(**kwargs):
    _request.generations = {}


@receiver(request_finished)
def _end_memo(**kwargs):
    _request.generations = None


def _generation(scope: str) -> int:
    memo = getattr(_request, "generations", None)
    if memo is not None and scope in memo:
        return memo[scope]
    generation = _read_generation(scope)
    if memo is not None:
        memo[scope] = generation
    return generation


def _read_generation(scope: str) -> int:
    key = _generation_key(scope)
    generations = _generations()
    generation = generations.get(key)
    if generation is None:
        # A new number from the clock, never one used before: the entries of
        # an evicted generation must not come back. add() keeps a concurrent
        # writer's number if it got there first.
        generations.add(key, time.time_ns(), timeout=None)
        generation = generations.get(key, 0)
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
    generations = _generations()
    memo = getattr(_request, "generations", None)
    for scope in scopes:
        if memo is not None:
            memo.pop(scope, None)
        key = _generation_key(scope)
        try:
            generations.incr(key)
        except ValueError:  # not in the cache: nothing cached under the scope either
            generations.set(key, time.time_ns(), timeout=None)
