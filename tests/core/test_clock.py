"""One clock for every app: frozen for a block, per thread, never naive."""

import threading
from datetime import UTC, datetime

import pytest

from eportal.core import clock


def test_it_runs_a_block_as_if_it_were_another_day():
    moment = datetime(2026, 2, 16, 17, 30, tzinfo=UTC)  # 00:30 on 17/02 in Hà Nội

    with clock.frozen_at(moment):
        assert clock.now() == moment
        assert clock.today().isoformat() == "2026-02-17"
    assert clock.now() != moment


def test_it_does_not_leak_into_another_thread():
    seen = []
    with clock.frozen_at(datetime(2020, 1, 1, tzinfo=UTC)):
        thread = threading.Thread(target=lambda: seen.append(clock.now().year))
        thread.start()
        thread.join()
    assert seen and seen[0] != 2020


def test_it_refuses_a_naive_moment():
    with pytest.raises(ValueError, match="aware"), clock.frozen_at(datetime(2026, 1, 1)):
        pass
