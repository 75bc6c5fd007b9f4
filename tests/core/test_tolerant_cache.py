"""The Redis cache with Redis unreachable: misses and dropped writes, never an error."""

from eportal.core.cache import TolerantRedisCache


def unreachable():
    # Port 1 on the loopback: refused at once, nothing listens there.
    return TolerantRedisCache("redis://127.0.0.1:1/6", {})


def test_reads_are_misses():
    cache = unreachable()
    assert cache.get("key") is None
    assert cache.get("key", 7) == 7
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("key") is False
    assert cache.get_or_set("key", 3) == 3


def test_writes_are_dropped():
    cache = unreachable()
    cache.set("key", 1)
    cache.set_many({"a": 1})
    cache.delete("key")
    cache.delete_many(["a"])
    assert cache.add("key", 1) is True
    assert cache.incr("key") == 1
    assert cache.touch("key") is False
