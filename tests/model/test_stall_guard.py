"""A hung read occupies at most one worker: stuck loads get spare threads, given back later."""

from __future__ import annotations

from tests.fakes import FakeClock
from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.stall_guard import MAX_SPARES, STALL_AFTER_S


def hang_both_threads(qtbot, make_model, loader):
    loader.cancellable = False  # hung in the kernel: calling the load off cannot reach it
    loader.gate(PATHS[0], PATHS[1])
    clock = FakeClock()
    model = make_model(ReadAheadPlan(0, 0), threads=2, clock=clock)
    model.request(0)
    qtbot.waitUntil(lambda: loader.count(PATHS[0]) == 1, timeout=TIMEOUT_MS)  # stuck in its read
    model.request(1)
    qtbot.waitUntil(lambda: loader.count(PATHS[1]) == 1, timeout=TIMEOUT_MS)
    return model, clock


def test_requests_are_served_while_every_thread_hangs(qtbot, make_model, loader):
    model, clock = hang_both_threads(qtbot, make_model, loader)
    model.request(2)  # queued: both threads are stuck
    model.stall_guard.check()
    assert loader.count(PATHS[2]) == 0 and model.queue.thread_count() == 2
    clock.now += STALL_AFTER_S
    with qtbot.waitSignal(
        model.imageReady, check_params_cb=lambda i, _: i == 2, timeout=TIMEOUT_MS
    ):
        model.stall_guard.check()
    assert model.queue.thread_count() == 4
    assert model.stall_guard.spare_threads() == 2


def test_spare_threads_are_given_back_when_the_hung_reads_return(qtbot, make_model, loader):
    model, clock = hang_both_threads(qtbot, make_model, loader)
    model.stall_guard.check()
    clock.now += STALL_AFTER_S
    model.stall_guard.check()
    loader.release_all()
    qtbot.waitUntil(lambda: model.idle(), timeout=TIMEOUT_MS)
    model.stall_guard.check()
    assert model.queue.thread_count() == 2
    assert model.stall_guard.spare_threads() == 0


def test_spare_threads_are_capped(qtbot, make_model, loader):
    loader.cancellable = False
    loader.gate(*PATHS)
    clock = FakeClock()
    model = make_model(ReadAheadPlan(0, 0), threads=1, clock=clock)
    for index in range(MAX_SPARES + 1):
        model.request(index)
        qtbot.waitUntil(lambda i=index: loader.count(PATHS[i]) == 1, timeout=TIMEOUT_MS)
        model.stall_guard.check()
        clock.now += STALL_AFTER_S
        model.stall_guard.check()  # this one is stuck now: it gets a spare for the next
    model.request(MAX_SPARES + 1)
    model.stall_guard.check()
    assert model.queue.thread_count() == 1 + MAX_SPARES
    assert loader.count() == 1 + MAX_SPARES  # the rest wait: hung reads cannot take every thread


def test_a_new_thread_count_outlasts_the_next_check(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 0), threads=2, clock=FakeClock())
    model.set_threads(3)  # Preferences
    model.stall_guard.check()
    assert model.queue.thread_count() == 3


def test_spares_are_lent_on_top_of_a_new_thread_count(qtbot, make_model, loader):
    model, clock = hang_both_threads(qtbot, make_model, loader)
    model.stall_guard.check()  # both reads seen running
    clock.now += STALL_AFTER_S
    model.stall_guard.check()  # both counted as stuck: two spares
    model.set_threads(3)
    assert model.queue.thread_count() == 3 + model.stall_guard.spare_threads() == 5
