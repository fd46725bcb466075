"""When the user outruns the loads, only the image under them is read (its first bytes bring
its preview, and when they stop its read is under way); read-ahead waits until an image is
sharp. Driven by an injected clock and explicit timer triggers."""

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


def test_outrunning_user_has_the_image_under_them_read_and_nothing_ahead(qtbot, clocked, loader):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    assert model.lead() == 4
    qtbot.waitUntil(lambda: loader.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    going_on = {PATHS.index(p) for p, off in model.queue.tracked_loads().items() if not off}
    # The image under the user, and the one just behind, whose read may still be kept.
    assert going_on <= {3, 4}
    assert not any(loader.count(PATHS[i]) for i in range(5, 10))


def test_when_the_user_stops_their_image_is_already_loading(qtbot, clocked, loader, pause_timer):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    qtbot.waitUntil(lambda: loader.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    assert model.stats.loads_called_off >= 1  # passed images gave way
    clock.now += 2.0  # no more moves: the user has stopped on 4
    pause_timer.timeout.emit()
    assert loader.count(PATHS[4]) == 1  # not read again
    loader.release(PATHS[4])
    qtbot.waitUntil(lambda: model.is_cached(4), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: loader.count(PATHS[5]) == 1, timeout=TIMEOUT_MS)  # then ahead


def test_a_timer_firing_before_the_user_stops_changes_nothing(qtbot, clocked, loader, pause_timer):
    model, clock = clocked
    outrun(qtbot, model, clock, loader)
    pause_timer.timeout.emit()  # no time has passed on the clock: still moving
    assert not any(loader.count(PATHS[i]) for i in range(5, 10))
    assert pause_timer.isActive()
