"""The right of way: while the load that has it runs, the others' reads wait between chunks,
and a load called off while it waits stops at once. Checked by the order of recorded chunks."""

from __future__ import annotations

import threading

import pytest

from viewer.core.io.cancel import Cancelled, cancellable, check_cancelled, has_right_of_way
from viewer.core.io.right_of_way import RightOfWay

TIMEOUT_S = 10.0


class Load(threading.Thread):
    """A load of ``chunks`` chunks, each recorded after the check that precedes it."""

    def __init__(self, name: str, way: RightOfWay, chunks: int, log: list[str]) -> None:
        super().__init__(daemon=True)
        self.flag = threading.Event()
        self.label, self.way, self.chunks, self.log = name, way, chunks, log
        self.inside = threading.Event()  # running, before its first chunk
        self.go = threading.Event()  # the test lets it read
        self.outcome = ""

    def run(self) -> None:
        with cancellable(self.flag, self.way):
            self.inside.set()
            assert self.go.wait(TIMEOUT_S)
            try:
                for number in range(self.chunks):
                    check_cancelled()
                    self.log.append(f"{self.label}{number}")
            except Cancelled:
                self.outcome = "cancelled"
                return
        self.outcome = "done"


def test_others_wait_while_the_load_with_the_right_of_way_runs() -> None:
    log: list[str] = []
    way = RightOfWay()
    current, ahead = Load("current", way, 3, log), Load("ahead", way, 2, log)
    way.give_to(current.flag)
    current.start()
    assert current.inside.wait(TIMEOUT_S)
    ahead.start()
    assert ahead.inside.wait(TIMEOUT_S)
    ahead.go.set()  # asks first, but the current image's load is running
    current.go.set()
    current.join(TIMEOUT_S)
    ahead.join(TIMEOUT_S)
    assert log == ["current0", "current1", "current2", "ahead0", "ahead1"]
    assert (current.outcome, ahead.outcome) == ("done", "done")


def test_a_load_called_off_while_it_waits_stops_at_once() -> None:
    log: list[str] = []
    way = RightOfWay()
    current, passed = Load("current", way, 1, log), Load("passed", way, 1, log)
    way.give_to(current.flag)
    current.start()
    assert current.inside.wait(TIMEOUT_S)
    passed.start()
    passed.go.set()
    passed.flag.set()  # called off while the current image's load still runs
    passed.join(TIMEOUT_S)
    assert passed.outcome == "cancelled" and not passed.is_alive()
    current.go.set()
    current.join(TIMEOUT_S)
    assert log == ["current0"]


@pytest.mark.parametrize("owner_state", ["queued", "finished", "nobody"])
def test_nobody_waits_for_a_load_that_is_not_running(owner_state: str) -> None:
    way = RightOfWay()
    owner = threading.Event()
    if owner_state != "nobody":
        way.give_to(owner)
    if owner_state == "finished":
        with way.running(owner):
            pass
    other = threading.Event()
    with way.running(other):
        assert not way.must_wait(other)
    with way.running(owner):
        assert way.must_wait(other) is (owner_state != "nobody")
        assert not way.must_wait(owner)


def test_only_the_load_with_the_right_of_way_knows_it_has_it() -> None:
    way = RightOfWay()
    current, other = threading.Event(), threading.Event()
    way.give_to(current)
    with cancellable(current, way):
        assert has_right_of_way()
    with cancellable(other, way):
        assert not has_right_of_way()
    with cancellable(current):  # a load that knows no right of way (a script's)
        assert not has_right_of_way()
    assert not has_right_of_way()  # outside any load
