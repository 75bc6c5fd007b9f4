"""Cached fragments: built once, dropped by scope, and dropped again at commit."""

from eportal.core import fragments


def test_it_builds_a_value_once(db):
    calls = []
    for _ in range(3):
        value = fragments.cached("portal:1", "menu", lambda: calls.append(1) or ["Tin tức"])
    assert value == ["Tin tức"] and len(calls) == 1


def test_it_drops_every_value_of_a_scope_and_only_of_it(db):
    fragments.cached("portal:1", "menu:vi", lambda: "cũ")
    fragments.cached("portal:1", "menu:en", lambda: "old")
    fragments.cached("portal:2", "menu:vi", lambda: "khác")
    fragments.invalidate("portal:1")
    assert fragments.cached("portal:1", "menu:vi", lambda: "mới") == "mới"
    assert fragments.cached("portal:1", "menu:en", lambda: "new") == "new"
    assert fragments.cached("portal:2", "menu:vi", lambda: "mới") == "khác"


def test_it_drops_what_was_cached_before_the_commit(db, django_capture_on_commit_callbacks):
    # A request running between the change and its commit caches the old state.
    with django_capture_on_commit_callbacks(execute=True):
        fragments.invalidate("portal:1")
        fragments.cached("portal:1", "menu", lambda: "trước khi lưu")
    assert fragments.cached("portal:1", "menu", lambda: "sau khi lưu") == "sau khi lưu"


def test_it_caches_none(db):
    calls = []
    fragments.cached("portals", "host:x", lambda: calls.append(1))
    fragments.cached("portals", "host:x", lambda: calls.append(1))
    assert len(calls) == 1


def test_a_change_in_another_process_drops_what_this_one_keeps(db, monkeypatch):
    # Each gunicorn worker (and the task worker) keeps values in its own memory
    # when there is no Redis; the generation numbers are shared between them.
    from django.core.cache.backends.locmem import LocMemCache

    this_process = LocMemCache("this", {})
    monkeypatch.setattr(fragments, "cache", this_process)
    assert fragments.cached("portal:1", "menu", lambda: "cũ") == "cũ"

    monkeypatch.setattr(fragments, "cache", LocMemCache("another", {}))
    fragments.invalidate("portal:1")

    monkeypatch.setattr(fragments, "cache", this_process)
    assert fragments.cached("portal:1", "menu", lambda: "mới") == "mới"


def test_it_does_not_keep_none_when_told_not_to(db):
    assert fragments.cached("portal:1", "made-up", lambda: None, keep_none=False) is None
    assert fragments.cached("portal:1", "made-up", lambda: "có", keep_none=False) == "có"
