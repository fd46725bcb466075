from __future__ import annotations

from tests.fakes import FakeLoader
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.load_state import LoadState
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.statusbar.cache_indicator import CacheIndicator


def test_dots_show_cached_loading_and_failed(qtbot, make_window, image_folder):
    loader = FakeLoader()
    window = make_window(loader, plan=ReadAheadPlan(2, 1))
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[6])
    loader.failing[sequence[5]] = "6.jpg is damaged."
    window.open_sequence(sequence, 4)
    indicator = window.cache_indicator
    qtbot.waitUntil(
        lambda: (
            indicator.states()
            == [LoadState.ABSENT, LoadState.CACHED, LoadState.FAILED, LoadState.LOADING]
        ),
        timeout=TIMEOUT_MS,
    )  # 4.jpg behind (read once nothing ahead is missing), 5.jpg current, 6.jpg failed,
    # 7.jpg still loading
    assert indicator.isVisible()
    loader.release(sequence[6])
    qtbot.waitUntil(
        lambda: (
            indicator.states()
            == [LoadState.CACHED, LoadState.CACHED, LoadState.FAILED, LoadState.CACHED]
        ),
        timeout=TIMEOUT_MS,
    )


def test_tooltip_gives_the_store_use_against_the_budget(qtbot, make_window, image_folder):
    loader = FakeLoader(size=(1024, 512))  # 2 MiB of pixels each (4 bytes per pixel)
    window = make_window(loader)
    window.open_sequence(ImageSequence.from_folder(image_folder), 0)
    qtbot.waitUntil(lambda: len(window.model.store) == 2, timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: "2 of 10 images" in window.cache_indicator.toolTip(), timeout=TIMEOUT_MS
    )
    assert "4 MB of 1024 MB" in window.cache_indicator.toolTip()


def test_no_dots_without_a_folder(make_window):
    window = make_window()
    window.model.set_plan(ReadAheadPlan(2, 2))  # the model says the span may have changed
    assert window.cache_indicator.states() == []


def test_dots_follow_the_model_alone(qtbot, image_folder):
    """Nobody refreshes the indicator: a move in the model is enough to redraw the span."""
    loader = FakeLoader()
    model = PrefetchModel(loader, plan=ReadAheadPlan(2, 1))
    indicator = CacheIndicator(model)
    qtbot.addWidget(indicator)
    paths = list(ImageSequence.from_folder(image_folder))
    loader.gate(*paths)
    model.set_paths(paths)
    model.request(5)
    assert model.wanted_span() == range(4, 8)
    assert indicator.states()[1] is LoadState.LOADING  # the current image, 6.jpg
    loader.release_all()
    qtbot.waitUntil(lambda: indicator.states()[1] is LoadState.CACHED, timeout=TIMEOUT_MS)
    model.shutdown(wait=True)
