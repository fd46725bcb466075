"""FolderSorter: names at once, the order improving as facts arrive, stale facts ignored."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from viewer.core.folder.sort_choice import SortChoice, SortKey
from viewer.core.folder.sort_keys import FileFacts
from viewer.model.folder.sort_facts import BATCH, FolderSorter

DAY = datetime(2024, 1, 1)


class FakeFacts:
    """Dates by name (days after DAY), counting reads; names in ``gated`` wait for release."""

    def __init__(self, days: dict[str, int | None]) -> None:
        self.days = days
        self.reads: Counter[str] = Counter()
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, path: str, want_date: bool) -> FileFacts:
        self.gate.wait(10)
        name = path.rsplit("/", 1)[-1]
        self.reads[name] += 1
        day = self.days.get(name)
        taken = None if day is None or not want_date else DAY + timedelta(days=day)
        return FileFacts(taken, mtime_ns=len(name), size=day)


@pytest.fixture
def make_sorter(qtbot) -> Iterator[object]:
    made: list[FolderSorter] = []

    def make(facts: FakeFacts) -> FolderSorter:
        sorter = FolderSorter(facts)
        made.append(sorter)
        return sorter

    yield make
    for sorter in made:
        sorter.shutdown()


def test_name_order_needs_no_reading(qtbot, make_sorter) -> None:
    facts = FakeFacts({})
    sorter = make_sorter(facts)
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        sorter.set_names("/f", ["10.jpg", "2.jpg"])
    assert sorter.order() == ["2.jpg", "10.jpg"]
    assert not facts.reads


def test_date_order_arrives_with_progress(qtbot, make_sorter) -> None:
    days = {"a.jpg": 3, "b.jpg": None, "c.jpg": 1, "d.jpg": 2}
    facts = FakeFacts(days)
    facts.gate.clear()
    sorter = make_sorter(facts)
    sorter.set_names("/f", list(days))
    sorter.set_choice(SortChoice(SortKey.DATE_TAKEN))
    assert sorter.order() == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]  # at once: names, unread
    with qtbot.waitSignal(sorter.progress, timeout=5000) as progress, \
            qtbot.waitSignal(sorter.finished, timeout=5000):  # fmt: skip
        facts.gate.set()
    assert progress.args == [4, 4]
    assert sorter.order() == ["c.jpg", "d.jpg", "a.jpg", "b.jpg"]


def test_batches_reorder_before_the_end(qtbot, make_sorter) -> None:
    days: dict[str, int | None] = {f"{n:03}.jpg": -n for n in range(BATCH * 2 + 5)}
    sorter = make_sorter(FakeFacts(days))
    sorter.set_names("/f", list(days))
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        reorders = []
        sorter.reordered.connect(lambda: reorders.append(1))
        sorter.set_choice(SortChoice(SortKey.DATE_TAKEN))
    assert len(reorders) == 3  # two full batches and the rest
    assert sorter.order() == sorted(days, reverse=True)


def test_known_facts_are_not_read_twice(qtbot, make_sorter) -> None:
    facts = FakeFacts({"a.jpg": 1, "b.jpg": 2})
    sorter = make_sorter(facts)
    sorter.set_names("/f", ["a.jpg", "b.jpg"])
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        sorter.set_choice(SortChoice(SortKey.DATE_TAKEN))
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        sorter.set_choice(SortChoice(SortKey.DATE_TAKEN, reverse=True))
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        sorter.set_names("/f", ["a.jpg", "b.jpg", "c.jpg"])  # a relisting with one new file
    assert facts.reads == Counter({"a.jpg": 1, "b.jpg": 1, "c.jpg": 1})
    assert sorter.order() == ["b.jpg", "a.jpg", "c.jpg"]


def test_facts_of_an_older_listing_are_dropped(qtbot, make_sorter) -> None:
    facts = FakeFacts({"old.jpg": 1, "new.jpg": 2})
    facts.gate.clear()
    sorter = make_sorter(facts)
    sorter.set_names("/old", ["old.jpg"])
    sorter.set_choice(SortChoice(SortKey.SIZE))
    sorter.set_names("/new", ["new.jpg"])  # the first read is still waiting at the gate
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        facts.gate.set()
    assert sorter.order() == ["new.jpg"]
    assert not sorter.is_busy()


def test_the_same_files_again_do_not_restart_the_reading(qtbot, make_sorter) -> None:
    days: dict[str, int | None] = {f"{n:03}.jpg": n % 7 for n in range(BATCH * 3)}
    facts = FakeFacts(days)
    sorter = make_sorter(facts)
    sorter.set_names("/f", list(days))

    def relist_in_new_order() -> None:  # what the window does with every reordering
        sorter.set_names("/f", sorter.order())

    sorter.reordered.connect(relist_in_new_order)
    with qtbot.waitSignal(sorter.finished, timeout=5000):
        sorter.set_choice(SortChoice(SortKey.DATE_TAKEN))
    assert max(facts.reads.values()) == 1  # no file read twice
    assert len(facts.reads) == len(days)
