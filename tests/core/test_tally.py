"""Counts kept in memory are handed over in one batch, and none is lost when
the hand-over fails (the task queue is down): they go with the next batch."""

from eportal.core.tally import Tally


def test_it_adds_rows_up_and_hands_them_over_once(settings):
    settings.EPORTAL_VIEW_FLUSH_SECONDS = 3600
    handed = []
    tally = Tally("test views", lambda batch: handed.append(batch) or len(batch))
    tally.add("a")
    tally.add("a")
    tally.add("b", [1, 0, 1])
    tally.add("b", [1, 1, 0])
    assert handed == []  # not due yet
    assert tally.flush() == 2
    assert handed == [{"a": [2], "b": [2, 1, 1]}]
    assert tally.flush() == 0 and len(handed) == 1


def test_it_keeps_the_batch_when_the_hand_over_fails(settings):
    settings.EPORTAL_VIEW_FLUSH_SECONDS = 3600
    handed = []

    def hand_over(batch):
        if not handed:
            handed.append(None)
            raise ConnectionError("queue down")
        handed.append(batch)
        return sum(row[0] for row in batch.values())

    tally = Tally("test views", hand_over)
    tally.add("a", 3)
    assert tally.flush() == 0  # failed: kept
    tally.add("a", 2)
    assert tally.flush() == 5
    assert handed[-1] == {"a": [5]}


def test_it_hands_over_by_itself_when_due(settings):
    settings.EPORTAL_VIEW_FLUSH_SECONDS = 0
    handed = []
    tally = Tally("test views", lambda batch: handed.append(batch) or 1)
    tally.add("a")
    assert handed == [{"a": [1]}]
