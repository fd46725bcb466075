from __future__ import annotations

import pytest

from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.load_state import LoadState


def settle(qtbot, model):
    qtbot.waitUntil(lambda: model.idle(), timeout=TIMEOUT_MS)


def ready_for(index):
    return lambda i, image: i == index


def learn_image_size(qtbot, model):
    """Load the last image first: until one size is known the model reads ahead one at a time."""
    learn_image_size_from(qtbot, model, len(PATHS) - 1)


def learn_image_size_from(qtbot, model, index):
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(index), timeout=TIMEOUT_MS):
        model.request(index)
    settle(qtbot, model)


def test_request_loads_and_emits(qtbot, make_model, loader):
    model = make_model()
    with qtbot.waitSignal(
        model.imageReady, check_params_cb=ready_for(4), timeout=TIMEOUT_MS
    ) as blocker:
        assert model.request(4) is False
    assert blocker.args[1].width() == 40
    assert model.image_info(4).width == 40


def test_cached_index_is_served_without_a_load(qtbot, make_model, loader):
    model = make_model()
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(4), timeout=TIMEOUT_MS):
        model.request(4)
    settle(qtbot, model)
    calls = loader.count()
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(4), timeout=100):
        assert model.request(4) is True
    settle(qtbot, model)
    assert loader.count() == calls


def test_neighbours_load_while_current_is_shown(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(1, 1))
    model.request(5)
    settle(qtbot, model)
    assert [model.is_cached(i) for i in (4, 5, 6)] == [True, True, True]
    assert loader.count(PATHS[4]) == loader.count(PATHS[6]) == 1
    assert not model.is_cached(3) and not model.is_cached(7)


def test_going_back_one_image_does_no_load(qtbot, make_model, loader):
    model = make_model()
    for index in range(3, 8):
        model.request(index)
        settle(qtbot, model)
    calls = loader.count()
    assert model.request(6) is True
    assert loader.count() == calls


def test_never_more_than_ten_images_kept(qtbot, make_model):
    model = make_model(ReadAheadPlan(2, 1))
    for index in range(len(PATHS)):
        model.request(index)
        settle(qtbot, model)
        assert len(model.store) <= 10
    assert len(model.store) == 10


def test_cost_budget(qtbot, make_model, loader):
    one_image = 40 * 30 * 4
    model = make_model(max_bytes=3 * one_image)
    for index in range(6):
        model.request(index)
        settle(qtbot, model)
        assert model.store.total_cost() <= 3 * one_image


def test_oversized_image_is_shown_but_not_kept(qtbot, make_model, loader):
    loader.sizes[PATHS[2]] = (400, 300)
    model = make_model(max_bytes=100_000)
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(2), timeout=TIMEOUT_MS):
        model.request(2)
    settle(qtbot, model)
    assert not model.is_cached(2)
    assert model.is_cached(1) and model.is_cached(3)
    assert loader.count(PATHS[2]) == 1  # not read again and again as read-ahead


def test_request_for_a_loading_index_starts_no_second_load(qtbot, make_model, loader):
    loader.gate(PATHS[3])
    model = make_model(ReadAheadPlan(1, 0))
    model.request(2)  # 3 starts loading as read-ahead, and hangs on its gate
    qtbot.waitUntil(lambda: loader.count(PATHS[3]) == 1, timeout=TIMEOUT_MS)
    assert model.request(3) is False
    assert model.is_loading(3)
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(3), timeout=TIMEOUT_MS):
        loader.release(PATHS[3])
    assert loader.count(PATHS[3]) == 1


def test_queued_read_ahead_is_taken_back_when_user_jumps(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(2, 1), threads=1)
    learn_image_size(qtbot, model)
    loader.gate(*PATHS[1:])
    model.request(0)  # loads; then 1 runs on the single thread (and hangs), 2 waits behind it
    qtbot.waitUntil(lambda: loader.count(PATHS[1]) == 1, timeout=TIMEOUT_MS)
    model.request(15)
    assert model.stats.loads_taken_back == 1  # 2, from the queue
    assert model.stats.loads_called_off == 1  # 1, stopped within its read
    loader.release_all()
    settle(qtbot, model)
    assert loader.count(PATHS[2]) == 0
    assert not model.is_cached(1)


def test_request_jumps_ahead_of_queued_read_ahead(qtbot, make_model, loader):
    loader.gate(PATHS[0])
    model = make_model(ReadAheadPlan(2, 0), threads=1)
    model.request(0)  # occupies the only thread; 1 and 2 wait in the queue
    qtbot.waitUntil(lambda: loader.count(PATHS[0]) == 1, timeout=TIMEOUT_MS)
    model.request(2)  # 2 was queued as read-ahead: it must now run first
    order = []
    model.imageReady.connect(lambda i, image: order.append(i))
    loader.release(PATHS[0])
    qtbot.waitUntil(lambda: 2 in order, timeout=TIMEOUT_MS)
    assert order.index(2) < (order.index(1) if 1 in order else len(order))


def test_stale_result_is_stored_but_announced_for_its_own_index(qtbot, make_model, loader):
    loader.gate(PATHS[5])
    model = make_model(ReadAheadPlan(0, 1))  # 5 stays wanted, as the image behind 6
    model.request(5)
    qtbot.waitUntil(lambda: loader.count(PATHS[5]) == 1, timeout=TIMEOUT_MS)
    model.request(6)
    qtbot.waitUntil(lambda: model.is_cached(6), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(model.imageReady, check_params_cb=ready_for(5), timeout=TIMEOUT_MS):
        loader.release(PATHS[5])
    assert model.current_index == 6
    assert model.is_cached(5)


def test_a_running_load_of_a_passed_image_is_called_off(qtbot, make_model, loader):
    loader.gate(PATHS[5])
    model = make_model(ReadAheadPlan(0, 0))
    model.request(5)
    qtbot.waitUntil(lambda: loader.count(PATHS[5]) == 1, timeout=TIMEOUT_MS)
    with qtbot.assertNotEmitted(model.loadFailed, wait=50):
        model.request(12)  # 5 is no longer wanted: its read stops within a chunk
        assert model.stats.loads_called_off == 1
        qtbot.waitUntil(lambda: not model.is_loading(5), timeout=TIMEOUT_MS)
    assert not model.is_cached(5)
    assert model.is_cached(12) or model.is_loading(12)


def test_failing_loader_gives_load_failed_with_the_message(qtbot, make_model, loader):
    loader.failing[PATHS[7]] = "7.jpg is damaged: broken data stream"
    model = make_model()
    with qtbot.waitSignal(model.loadFailed, timeout=TIMEOUT_MS) as blocker:
        model.request(7)
    assert blocker.args == [7, "7.jpg is damaged: broken data stream"]
    assert not model.is_cached(7)
    with qtbot.waitSignal(model.loadFailed, timeout=TIMEOUT_MS):
        model.request(7)  # a failure is never cached: asking again retries
    assert loader.count(PATHS[7]) == 2


def test_unexpected_exception_becomes_load_failed(qtbot, make_model, loader):
    def explode(path, allocate, display_box=None):
        raise RuntimeError("boom")

    model = make_model(loader=explode)
    with qtbot.waitSignal(model.loadFailed, timeout=TIMEOUT_MS) as blocker:
        model.request(0)
    assert "boom" in blocker.args[1]


def test_request_out_of_range(make_model):
    with pytest.raises(IndexError):
        make_model().request(len(PATHS))


def test_edited_file_is_read_again(qtbot, tmp_path):
    from PIL import Image

    from viewer.model.images.prefetch_model import PrefetchModel

    path = str(tmp_path / "a.png")
    Image.new("RGB", (10, 10)).save(path)
    model = PrefetchModel(plan=ReadAheadPlan(0, 0))
    model.set_paths([path])
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(0)
    Image.new("RGB", (20, 10)).save(path)
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS) as fresh:
        assert model.request(0) is True  # shows the cached pixels at once …
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS) as fresh:
        pass  # … then the stamp check notices the edit and reads it again
    assert fresh.args[1].width() == 20


def test_state_of_each_index(qtbot, make_model, loader):
    loader.gate(PATHS[1])
    loader.failing[PATHS[2]] = "3.jpg is damaged."
    model = make_model(ReadAheadPlan(2, 0))
    with qtbot.waitSignal(model.loadFailed, timeout=TIMEOUT_MS):
        model.request(0)
    qtbot.waitUntil(lambda: model.state(0) is LoadState.CACHED, timeout=TIMEOUT_MS)
    assert [model.state(i) for i in range(4)] == [
        LoadState.CACHED, LoadState.LOADING, LoadState.FAILED, LoadState.ABSENT
    ]  # fmt: skip
    loader.failing.clear()
    with qtbot.waitSignal(
        model.imageReady, timeout=TIMEOUT_MS, check_params_cb=lambda i, _: i == 2
    ):
        model.request(2)  # asked for again: read again, and no longer failed
    assert model.state(2) is LoadState.CACHED


def test_request_runs_first_even_when_the_pool_has_an_idle_thread(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(2, 0), threads=1)
    learn_image_size(qtbot, model)  # leaves the pool's only thread idle and waiting
    loader.gate(*PATHS)
    model.request(0)
    qtbot.waitUntil(lambda: loader.count() == 4, timeout=TIMEOUT_MS)
    assert loader.count(PATHS[0]) == 1  # not read-ahead 1 or 2, queued a moment later


def test_holding_a_key_queues_nothing_for_passed_over_images(qtbot, make_model, loader):
    threads, ahead = 2, 2
    model = make_model(ReadAheadPlan(ahead, 1), threads=threads)
    learn_image_size(qtbot, model)
    model.stats.peak_in_flight = 0
    loader.gate(*PATHS)
    for index in range(15):
        model.request(index)
        wanted = {PATHS[i] for i in range(index, index + ahead + 1)}
        loads = model.queue.tracked_loads()
        # Nothing left queued for a passed-over image: what a thread had already taken is
        # called off, unless it is the image just behind, whose read may finish and be kept.
        for path in set(loads) - wanted:
            assert loads[path] or path == PATHS[index - 1]
        assert model.in_flight() <= threads + ahead
    assert model.stats.peak_in_flight <= threads + ahead
    loader.release_all()
    settle(qtbot, model)
    # A load a thread had begun for a passed-over image is called off, so none is read to
    # the end; 13 is the image behind 14, whose read may still finish and be kept.
    assert not any(model.is_cached(i) for i in range(1, 13))


def test_queued_load_of_the_previous_image_is_taken_back(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 1), threads=1)
    loader.gate(*PATHS)
    # 5's read cannot notice being called off (stuck in the kernel): the current image would
    # otherwise have the thread at once (the load started last gives way to it).
    loader.cancellable = False
    model.request(5)  # takes the only thread
    qtbot.waitUntil(lambda: loader.count(PATHS[5]) == 1, timeout=TIMEOUT_MS)
    model.request(6)  # queued
    with qtbot.waitSignal(model.stateChanged, check_params_cb=lambda i: i == 6, timeout=TIMEOUT_MS):
        model.request(7)  # 6 is now behind: kept if stored, but not worth a read any more
    assert not model.is_loading(6) and model.stats.loads_taken_back == 1
    assert model.state(6) is LoadState.ABSENT
    assert loader.count(PATHS[6]) == 0
    loader.release_all()


def test_image_behind_is_read_once_everything_ahead_is_stored(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(1, 1), threads=1)
    learn_image_size(qtbot, model)
    loader.gate(PATHS[9])
    model.request(8)
    qtbot.waitUntil(lambda: loader.count(PATHS[9]) == 1, timeout=TIMEOUT_MS)
    assert not model.is_loading(7)  # ahead (9) still missing
    loader.release(PATHS[9])
    settle(qtbot, model)
    assert model.is_cached(7) and loader.count(PATHS[7]) == 1


@pytest.mark.parametrize("budget_images", [3, 5])  # running loads (2) + the request
def test_budget_counts_images_in_flight(qtbot, make_model, loader, budget_images):
    one_image = 40 * 30 * 4
    budget = budget_images * one_image
    model = make_model(ReadAheadPlan(2, 1), threads=2, max_bytes=budget)
    learn_image_size(qtbot, model)
    seen = []

    def check(*_args):
        seen.append(model.store.total_cost() + model.reserved_cost())
        # Each load the model still tracks reserves one image, unless it ended without one
        # (called off); which have ended is up to the worker threads, hence at most.
        assert model.reserved_cost() <= len(model.queue.tracked_loads()) * one_image

    model.imageReady.connect(check)
    loader.gate(*PATHS)
    for index in range(6):
        model.request(index)
        check()
    loader.release_all()  # every result arrives at once
    settle(qtbot, model)
    for index in (9, 8, 7):
        model.request(index)
        check()
        settle(qtbot, model)
    assert len(seen) > 10 and max(seen) <= budget


def test_reindex_keeps_the_current_image_by_path(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(1, 1))
    model.request(5)  # 6.jpg
    settle(qtbot, model)
    calls = loader.count()
    new_paths = ["/share/0.jpg", *PATHS[:5], "/share/5b.jpg", *PATHS[5:]]
    assert model.reindex(new_paths) == 7
    assert model.current_index == 7
    assert model.is_cached(7) and model.is_cached(8)  # the store is keyed by path
    settle(qtbot, model)
    assert loader.count() == calls + 1  # only the new neighbour 5b.jpg
    assert model.reindex([p for p in new_paths if p != PATHS[5]]) is None


@pytest.mark.parametrize("target", [0, len(PATHS) - 1])
def test_home_and_end_load_first_and_take_back_queued_read_ahead(qtbot, make_model, loader, target):
    model = make_model(ReadAheadPlan(2, 1), threads=1)
    model.set_paths(["/share/elsewhere.jpg"])  # learn the image size without storing any of PATHS
    learn_image_size_from(qtbot, model, 0)
    model.set_paths(PATHS)
    loader.gate(*[path for path in PATHS if path != PATHS[8]])
    model.request(8)  # loads; then 9 runs on the single thread (and hangs), 10 queues
    qtbot.waitUntil(lambda: loader.count(PATHS[9]) == 1, timeout=TIMEOUT_MS)
    assert model.is_loading(10)
    assert not model.is_loading(7)  # behind: read only once everything ahead is stored
    order = []
    model.imageReady.connect(lambda i, image: order.append(i))
    model.request(target)
    assert model.stats.loads_taken_back == 1  # 10, from the queue
    assert model.stats.loads_called_off == 1  # 9, stopped within its read
    loader.release_all()
    settle(qtbot, model)
    assert order[0] == target  # the target comes first
    assert loader.count(PATHS[10]) == loader.count(PATHS[7]) == 0
    assert not model.is_cached(9)
