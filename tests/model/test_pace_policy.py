"""When the user outruns the loads, read ahead of where they will be; when they stop, load
the image they stopped on first. Driven by an injected clock and explicit timer triggers."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QTimer

from tests.fakes import FakeClock
from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel


@pytest.fixture
def pause_timer(qtbot):
    """The model's pause timer, injected so tests fire it themselves."""
    return QTimer()


@pytest.fixture
def clocked(qtbot, loader, pause_timer):
    clock = FakeClock(100.0)
    model = PrefetchModel(loader, plan=ReadAheadPlan(2, 0), clock=clock, pause_timer=pause_timer)
    model.set_paths(PATHS)
    return model, clock


def learn_a_load_time(qtbot, model, clock, loader, seconds=1.0):
    """One load that takes ``seconds`` on the injected clock; every other load waits."""
    loader.gate(*PATHS)
    model.request(0)
    qtbot.waitUntil(lambda: loader.count(PATHS[0]) == 1, timeout=TIMEOUT_MS)
    clock.now += seconds
    loader.release(PATHS[0])
    qtbot.waitUntil(lambda: model.is_cached(0), timeout=TIMEOUT_MS)
    # Painted: a frame later the read-ahead of 1 and 2 starts, and hangs on the gate.
    qtbot.waitUntil(lambda: model.is_loading(1) and model.is_loading(2), timeout=TIMEOUT_MS)


def outrun(qtbot, model, clock, loader):
    """Loads take 1 s; the user steps from 1 to 4, one step every 0.25 s."""
    learn_a_load_time(qtbot, model, clock, loader)
    for index in range(1, 5):
        clock.now += 0.25
        model.request(index)


def test_outrunning_user_gets_read_ahead_where_they_will_be(qtbot, clocked, loader):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    assert model.lead() == 4
    qtbot.waitUntil(lambda: loader.count(PATHS[8]) == 1, timeout=TIMEOUT_MS)  # 4 + lead
    assert loader.count(PATHS[4]) == 0  # the image under the user would arrive too late
    going_on = [PATHS.index(p) for p, off in model.queue.tracked_loads().items() if not off]
    # Only reads ahead of the user go on: the lead's targets (8, 9) and, if already under
    # way, images the user is about to pass (5-7), which may still land in time.
    assert going_on and all(5 <= index <= 9 for index in going_on)


def test_when_the_user_stops_their_image_comes_first(qtbot, clocked, loader, pause_timer):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    qtbot.waitUntil(lambda: loader.count(PATHS[8]) == 1, timeout=TIMEOUT_MS)
    clock.now += 2.0  # no more moves: the user has stopped on 4
    pause_timer.timeout.emit()
    qtbot.waitUntil(lambda: loader.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    assert model.stats.loads_called_off >= 1  # far read-ahead gave way
    loader.release(PATHS[4])
    qtbot.waitUntil(lambda: model.is_cached(4), timeout=TIMEOUT_MS)


def test_a_timer_firing_before_the_user_stops_changes_nothing(qtbot, clocked, loader, pause_timer):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    pause_timer.timeout.emit()  # no time has passed on the clock: still moving
    assert loader.count(PATHS[4]) == 0
    assert pause_timer.isActive()
