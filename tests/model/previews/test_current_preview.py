"""Previews beside the real model: never over a sharp image, never under another index, and
never read before the image's own load has started."""

from __future__ import annotations

import pytest

from tests.fakes import FakeClock
from tests.model.conftest import PATHS
from tests.model.previews.test_preview_queue import FakePreviews
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.current import CurrentPreview
from viewer.model.previews.queue import PreviewQueue

BOX = (800, 600)


@pytest.fixture
def previews():
    return FakePreviews()


@pytest.fixture
def make_current(qtbot, previews):
    made = []

    def make(model):
        queue = PreviewQueue(previews)
        current = CurrentPreview(model.imageReady, queue, model.load_started)
        made.append(queue)
        return current

    yield make
    previews.release_all()
    for queue in made:
        queue.shutdown(wait=True)


def _go(model, current, index):
    served = model.request(index)
    current.moved(index, model.path(index), served, BOX)


def _for(index):
    return lambda i, image, size: i == index


def test_preview_shows_while_the_image_loads(qtbot, make_model, loader, make_current):
    model = make_model()
    current = make_current(model)
    loader.gate(PATHS[4])
    with qtbot.waitSignal(current.previewReady, check_params_cb=_for(4), timeout=TIMEOUT_MS):
        _go(model, current, 4)
    assert current.waiting
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        loader.release(PATHS[4])
    assert not current.waiting


def test_a_preview_never_replaces_a_sharp_image(qtbot, make_model, loader, previews, make_current):
    model = make_model()
    current = make_current(model)
    previews.gate(PATHS[4])
    loader.gate(PATHS[4])
    _go(model, current, 4)
    qtbot.waitUntil(lambda: previews.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
        loader.release(PATHS[4])
    with qtbot.assertNotEmitted(current.previewReady, wait=50):
        previews.release_all()  # the preview finishes after the sharp image
        qtbot.waitUntil(current.queue.idle, timeout=TIMEOUT_MS)


def test_a_late_preview_never_shows_under_another_index(
    qtbot, make_model, loader, previews, make_current
):
    model = make_model()
    current = make_current(model)
    loader.gate(PATHS[4], PATHS[9])
    previews.gate(PATHS[4])
    _go(model, current, 4)
    qtbot.waitUntil(lambda: previews.count(PATHS[4]) == 1, timeout=TIMEOUT_MS)
    shown = []
    current.previewReady.connect(lambda index, image, size: shown.append(index))
    _go(model, current, 9)  # a jump while 4's preview is still being read
    previews.release_all()
    qtbot.waitUntil(lambda: 9 in shown, timeout=TIMEOUT_MS)
    qtbot.waitUntil(current.queue.idle, timeout=TIMEOUT_MS)
    assert shown == [9]


def test_preview_reads_never_start_before_the_images_own_load(
    qtbot, make_model, loader, previews, make_current
):
    """With the pool's thread stuck in a read that cannot be called off, the jumped-to image's
    load waits in the queue, and so does its preview: it reads nothing until the load runs."""
    model = make_model(threads=1)
    current = make_current(model)
    loader.cancellable = False
    loader.gate(PATHS[0], PATHS[15])
    _go(model, current, 0)
    qtbot.waitUntil(lambda: loader.count(PATHS[0]) == 1, timeout=TIMEOUT_MS)
    _go(model, current, 15)
    with qtbot.assertNotEmitted(current.previewReady, wait=50):
        pass
    assert loader.count(PATHS[15]) == 0
    assert previews.count(PATHS[15]) == 0
    with qtbot.waitSignal(current.previewReady, check_params_cb=_for(15), timeout=TIMEOUT_MS):
        loader.release(PATHS[0])
    assert loader.count(PATHS[15]) == 1


def test_preview_reads_take_no_thread_from_the_loads(
    qtbot, make_model, loader, previews, make_current
):
    """A preview stuck on a hung read delays no load: the image and its read-ahead arrive."""
    model = make_model()
    current = make_current(model)
    previews.gate(PATHS[4])
    with qtbot.waitSignal(model.imageReady, check_params_cb=lambda i, image: i == 4,
                          timeout=TIMEOUT_MS):  # fmt: skip
        _go(model, current, 4)
    qtbot.waitUntil(model.idle, timeout=TIMEOUT_MS)
    assert loader.count(PATHS[4]) == 1
    assert loader.count(PATHS[5]) == 1  # read-ahead went on beside the hung preview


def test_the_images_own_load_brings_its_preview(qtbot, tmp_path, previews):
    """A previewing loader announces the EXIF thumbnail from the first bytes of the load:
    shown before the load ends, and no separate preview read is made."""
    import threading

    from tests.core.previews.preview_files import write_camera
    from viewer.core.previews.head_first import read_head_first
    from viewer.model.previews.pipeline import PreviewingLoader

    paths = [write_camera(str(tmp_path), f"{n}.jpg") for n in range(3)]
    gate = threading.Event()

    def held_read(path, on_head):
        def head_then_wait(p, head, size):
            on_head(p, head, size)
            if p == paths[1]:
                assert gate.wait(TIMEOUT_MS / 1000)

        return read_head_first(path, head_then_wait)

    loader = PreviewingLoader(read=held_read)
    model = PrefetchModel(loader, plan=ReadAheadPlan(0, 0), clock=FakeClock())
    model.set_paths(paths)
    queue = PreviewQueue(previews)
    current = CurrentPreview(model.imageReady, queue, model.load_started,
                             loader.signals.headPreview)  # fmt: skip
    try:
        with qtbot.waitSignal(current.previewReady, check_params_cb=_for(1), timeout=TIMEOUT_MS):
            _go(model, current, 1)
        assert current.waiting
        with qtbot.waitSignal(model.imageReady, timeout=TIMEOUT_MS):
            gate.set()
        qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
        assert previews.count(paths[1]) == 0  # the preview came with the load's own bytes
        # At most a look in the thumbnail cache (none if the image came before it began).
        assert previews.cache_looks[paths[1]] <= 1
    finally:
        gate.set()
        queue.shutdown(wait=True)
        model.shutdown(wait=True)


def test_no_file_is_read_for_a_preview_while_loads_are_under_way(qtbot, make_model, previews):
    """A held key outruns the loads: the current image has no load, others do. Its preview
    is looked for in the thumbnail cache only; once the link is free, it may be read."""
    model = make_model()
    queue = PreviewQueue(previews)
    in_flight = [2]
    current = CurrentPreview(model.imageReady, queue, lambda path: None,
                             loads_in_flight=lambda: in_flight[0])  # fmt: skip
    try:
        current.moved(7, PATHS[7], False, BOX)
        qtbot.waitUntil(lambda: previews.cache_looks[PATHS[7]] == 1, timeout=TIMEOUT_MS)
        qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
        assert previews.count(PATHS[7]) == 0
        in_flight[0] = 0
        with qtbot.waitSignal(current.previewReady, check_params_cb=_for(8), timeout=TIMEOUT_MS):
            current.moved(8, PATHS[8], False, BOX)
        assert previews.count(PATHS[8]) == 1
    finally:
        queue.shutdown(wait=True)
