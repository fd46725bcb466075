"""Display-sized loads: the model asks for the window's box, re-renders on resize without
piling up work, and loads full resolution only when the user zooms in."""

from __future__ import annotations

from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan


def settle(qtbot, model):
    qtbot.waitUntil(model.idle, timeout=TIMEOUT_MS)


def test_loads_ask_for_the_display_box(qtbot, make_model, loader):
    loader.size = (4000, 3000)
    model = make_model(ReadAheadPlan(1, 0), display_box=(400, 400))
    with qtbot.waitSignal(
        model.imageReady, check_params_cb=lambda i, image: i == 0, timeout=TIMEOUT_MS
    ) as got:
        model.request(0)
    assert got.args[1].width() == 400 and got.args[1].height() == 300
    settle(qtbot, model)
    assert set(loader.display_boxes) == {(PATHS[0], (400, 400)), (PATHS[1], (400, 400))}
    assert model.image_info(0).width == 4000  # the status bar still tells the real size


def test_a_resize_storm_re_renders_at_most_one_at_a_time(qtbot, make_model, loader):
    loader.gate(PATHS[4])
    model = make_model(ReadAheadPlan(0, 0), display_box=(800, 600))
    model.request(4)
    qtbot.waitUntil(lambda: loader.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    for width in range(801, 841):  # forty resize events while the load is running
        model.set_display_box((width, 600))
        assert model.in_flight() <= 1
    loader.release(PATHS[4])
    settle(qtbot, model)
    assert loader.count(PATHS[4]) == 2  # the running one, then one re-render at the last size
    assert loader.display_boxes[-1] == (PATHS[4], (840, 600))
    assert model.is_cached(4)


def test_queued_loads_are_retargeted_not_queued_again(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(2, 0), threads=1, display_box=(800, 600))
    loader.gate(PATHS[6], PATHS[7])
    model.request(5)  # loads; then 6 runs on the only thread (and hangs), 7 waits in the queue
    qtbot.waitUntil(lambda: loader.count(PATHS[6]) == 1, timeout=TIMEOUT_MS)
    assert model.is_cached(5) and model.in_flight() == 2
    model.set_display_box((500, 500))
    assert loader.count(PATHS[7]) == 0  # still queued: retargeted, not queued again
    loader.release(PATHS[6], PATHS[7])
    settle(qtbot, model)
    boxes = loader.display_boxes
    assert (PATHS[7], (500, 500)) in boxes and (PATHS[7], (800, 600)) not in boxes
    assert loader.count(PATHS[7]) == 1
    assert boxes.count((PATHS[5], (500, 500))) == 1  # the current one, re-rendered once


def test_after_a_resize_the_old_rendering_shows_at_once(qtbot, make_model, loader):
    model = make_model(ReadAheadPlan(0, 0), display_box=(800, 600))
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(3)
    settle(qtbot, model)
    loader.gate(PATHS[3])
    model.set_display_box((1600, 1200))
    assert model.request(3) is True  # served from the old box while the sharp one loads
    loader.release(PATHS[3])
    settle(qtbot, model)
    assert loader.display_boxes[-1] == (PATHS[3], (1600, 1200))


def test_full_resolution_only_on_request_and_only_once(qtbot, make_model, loader):
    loader.size = (4000, 3000)
    model = make_model(ReadAheadPlan(0, 0), display_box=(400, 400))
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(2)
    settle(qtbot, model)
    assert (PATHS[2], None) not in loader.display_boxes
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS) as full:
        model.request_full(2)
        model.request_full(2)  # asked twice while loading: still one load
    assert full.args[1].width() == 4000
    settle(qtbot, model)
    assert loader.display_boxes.count((PATHS[2], None)) == 1
    with qtbot.waitSignal(model.imageReady, timeout=100) as again:
        model.request_full(2)  # now from the store
    assert again.args[1].width() == 4000
    assert loader.display_boxes.count((PATHS[2], None)) == 1


def start_a_full_load_of_2(qtbot, model, loader):
    """Image 2 shown at display size, then its full-resolution load under way (and held)."""
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(2)
    settle(qtbot, model)
    loader.gate(PATHS[2])
    model.request_full(2)
    qtbot.waitUntil(lambda: loader.count(PATHS[2]) == 2, timeout=TIMEOUT_MS)


def test_a_new_listing_keeps_renderings_and_full_loads_by_path(qtbot, make_model, loader):
    loader.size = (4000, 3000)
    model = make_model(ReadAheadPlan(0, 0), display_box=(400, 400))
    start_a_full_load_of_2(qtbot, model, loader)
    assert model.reindex(["/share/0.jpg", *PATHS]) == 3
    assert model.cached_image(3).width() == 400  # stored for the box, found by its path
    with qtbot.waitSignal(model.imageReady, check_params_cb=lambda i, image: i == 3,
                          timeout=TIMEOUT_MS) as full:  # fmt: skip
        loader.release(PATHS[2])
    assert full.args[1].width() == 4000  # the full load under way, announced at the new index
    settle(qtbot, model)
    with qtbot.waitSignal(model.imageReady, check_params_cb=lambda i, image: i == 3,
                          timeout=TIMEOUT_MS) as resized:  # fmt: skip
        model.set_display_box((200, 200))
    assert resized.args[1].width() == 200
    settle(qtbot, model)
    assert loader.count(PATHS[2]) == 3 and loader.count("/share/0.jpg") == 0


def test_a_full_load_of_an_image_gone_from_the_listing_is_not_announced(qtbot, make_model,
                                                                         loader):  # fmt: skip
    model = make_model(ReadAheadPlan(0, 0), display_box=(400, 400))
    start_a_full_load_of_2(qtbot, model, loader)
    assert model.reindex([p for p in PATHS if p != PATHS[2]]) is None
    with qtbot.assertNotEmitted(model.imageReady):
        loader.release(PATHS[2])
        settle(qtbot, model)


def test_a_rendering_for_a_box_left_behind_never_replaces_one_for_the_box_in_use(
    qtbot, make_model, loader
):
    """At start-up a hidden view's 100×30 box came and went; its late rendering replaced the
    sharp image on screen."""
    loader.size = (4000, 3000)
    model = make_model(ReadAheadPlan(0, 0), display_box=(800, 600))
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        model.request(3)
    settle(qtbot, model)
    loader.gate(PATHS[3])
    model.set_display_box((100, 30))  # a box that comes and goes
    qtbot.waitUntil(lambda: loader.count(PATHS[3]) == 2, timeout=TIMEOUT_MS)
    model.set_display_box((800, 600))  # back: that rendering is stored
    with qtbot.assertNotEmitted(model.imageReady, wait=50):
        loader.release(PATHS[3])
        settle(qtbot, model)
    assert model.cached_image(3).width() == 800


def test_a_rendering_for_a_box_left_behind_shows_when_none_fits_better(qtbot, make_model, loader):
    loader.size = (4000, 3000)
    model = make_model(ReadAheadPlan(0, 0), display_box=(800, 600))
    loader.gate(PATHS[3])
    model.request(3)
    qtbot.waitUntil(lambda: loader.count(PATHS[3]) == 1, timeout=TIMEOUT_MS)
    model.set_display_box((400, 300))  # nothing stored at either box yet
    with qtbot.waitSignal(model.imageReady, check_params_cb=lambda i, image: image.width() == 800,
                          timeout=TIMEOUT_MS):  # fmt: skip
        loader.release(PATHS[3])  # better than an empty view until the 400×300 one comes
