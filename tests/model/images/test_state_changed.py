"""stateChanged and wanted_span: what the read-ahead indicator subscribes to and shows."""

from __future__ import annotations

from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.load_state import LoadState


def record(model):
    """Each emission of ``stateChanged`` with the state the index had then."""
    seen = []
    model.stateChanged.connect(lambda index: seen.append((index, model.state(index))))
    return seen


def test_a_load_is_announced_when_it_starts_and_when_it_is_stored(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 0))
    seen = record(model)
    loader.gate(PATHS[3])
    model.request(3)
    assert (3, LoadState.LOADING) in seen
    with qtbot.waitSignal(model.stateChanged, check_params_cb=lambda i: i == 3, timeout=TIMEOUT_MS):
        loader.release(PATHS[3])
    assert seen[-1] == (3, LoadState.CACHED)


def test_a_failure_is_announced(qtbot, make_model, loader):
    loader.failing[PATHS[2]] = "3.jpg is damaged."
    model = make_model(ReadAheadPlan(0, 0))
    seen = record(model)
    with qtbot.waitSignal(model.loadFailed, timeout=TIMEOUT_MS):
        model.request(2)
    assert seen[-1] == (2, LoadState.FAILED)


def test_a_request_announces_the_current_index_even_when_stored(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 0))
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(4)
    qtbot.waitUntil(model.idle, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(model.stateChanged, timeout=TIMEOUT_MS) as moved:
        assert model.request(4) is True
    assert moved.args == [4]


def test_an_eviction_is_announced(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 0), max_images=2)
    for index in (0, 1):
        with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
            model.request(index)
    seen = record(model)
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(2)  # the store keeps two: 0 goes
    assert (0, LoadState.ABSENT) in seen and not model.is_cached(0)


def test_wanted_span_runs_from_behind_to_ahead_of_the_current_image(make_model):
    model = make_model(ReadAheadPlan(2, 1))
    assert model.wanted_span() == range(0)  # nothing current yet
    model.request(5)
    assert model.wanted_span() == range(4, 8)
    model.request(4)  # turned round: ahead is now lower
    assert model.wanted_span() == range(2, 6)
    model.request(0)  # at the start the plan points inwards
    assert model.wanted_span() == range(0, 3)
    model.set_paths(PATHS[:3])
    assert model.wanted_span() == range(0)
