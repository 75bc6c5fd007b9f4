"""Django's Redis cache, degraded instead of failing while Redis is unreachable.

Everything the portal keeps in the cache can be rebuilt from the database
(menus, fragments, rate-limit counters, the cached copy of a session whose
row is in the database: ``cached_db``). With Django's own backend a stopped
Redis turns every page into a 500; with this one a read is a miss, a write is
dropped and the page is made from the database, slower. The first failure of
an outage is logged, once, and the socket timeouts are short so that a Redis
that hangs costs each request at most a fraction of a second.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
_LOG_EVERY = 60.0


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._logged_at = 0.0

    def _unavailable(self, error, default=None):
        now = time.monotonic()
        if now - self._logged_at > _LOG_EVERY:
            self._logged_at = now
            logger.error("Redis unavailable, serving without the cache: %s", error)
        return default

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as error:
            # Not stored; callers that use add() as a lock or a first count go on.
            return self._unavailable(error, True)

    def set(self, *args, **kwargs):
        try:
            return super().set(*args, **kwargs)
        except UNAVAILABLE as error:
            return self._unavailable(error)

    def set_many(self, *args, **kwargs):
        try:
            return super().set_many(*args, **kwargs)
        except UNAVAILABLE as error:
            return self._unavailable(error, [])

    def touch(self, *args, **kwargs):
        try:
            return super().touch(*args, **kwargs)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def delete(self, *args, **kwargs):
        try:
            return super().delete(*args, **kwargs)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def delete_many(self, *args, **kwargs):
        try:
            return super().delete_many(*args, **kwargs)
        except UNAVAILABLE as error:
            return self._unavailable(error)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, delta)
