"""Read-ahead at full resolution only when it will be looked at, within the byte budget."""

from __future__ import annotations

from tests.fakes import FakeLoader
from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.ui.image.display_box import DisplayBox

FULL = (4000, 3000)  # far larger than the window: a display image is much smaller
FULL_BYTES = FULL[0] * FULL[1] * 4


def full_loads(loader: FakeLoader) -> list[str]:
    return [path for path, box in loader.display_boxes if box is None]


def names(paths: list[str]) -> list[str]:
    return sorted(path.rsplit("/", 1)[-1] for path in paths)


def test_full_resolution_is_read_ahead_only_when_zoomed_and_locked(
    qtbot, make_window, image_folder
):
    loader = FakeLoader(FULL)
    window = make_window(loader, plan=ReadAheadPlan(1, 0))
    open_at(qtbot, window, image_folder, 3)
    qtbot.waitUntil(lambda: window.model.is_cached(4), timeout=TIMEOUT_MS)
    window.view.actual_size()  # zoomed, not locked: only the image on screen is refined
    qtbot.waitUntil(lambda: window.view.image_size().width() == FULL[0], timeout=TIMEOUT_MS)
    assert names(full_loads(loader)) == ["4.jpg"]  # the file of index 3

    window.actions_by_name["zoom_lock"].trigger()  # locked at 100%: the next one ahead, in full
    assert window.model.display_box is None
    qtbot.waitUntil(lambda: window.model.is_cached(4), timeout=TIMEOUT_MS)  # in full
    assert names(full_loads(loader)) == ["4.jpg", "5.jpg"]

    window.go_next()  # served sharp from the store: no new load of it
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    assert window.view.image_size().width() == FULL[0]
    assert full_loads(loader).count(window.model.path(4)) == 1

    window.view.fit_to_window()  # locked but fitted: display boxes again
    before = len(full_loads(loader))
    window.go_next()
    qtbot.waitUntil(lambda: shown(window, 5) and window.model.is_cached(6), timeout=TIMEOUT_MS)
    assert len(full_loads(loader)) == before


def test_full_resolution_read_ahead_stays_within_the_byte_budget(qtbot, make_window, image_folder):
    loader = FakeLoader(FULL)
    window = make_window(loader, plan=ReadAheadPlan(3, 1))
    budget = int(2.5 * FULL_BYTES)  # the current image and one more in full, not four
    window.model.set_limits(10, budget)
    peaks: list[int] = []
    window.model.stateChanged.connect(
        lambda _: peaks.append(window.model.store.total_cost() + window.model.reserved_cost())
    )
    open_at(qtbot, window, image_folder, 0)
    window.actions_by_name["zoom_lock"].trigger()
    window.view.actual_size()
    for index in (1, 2, 3):
        window.go_next()
        qtbot.waitUntil(
            lambda i=index: shown(window, i) and window.view.image_size().width() == FULL[0],
            timeout=TIMEOUT_MS,
        )
    assert max(peaks) <= budget
    assert window.model.store.total_cost() <= budget
    assert 3 <= len(full_loads(loader)) <= 6  # each image shown once in full, plus a few ahead


def test_a_locked_zoom_refines_an_image_served_at_screen_size(
    qtbot, make_window, image_folder, monkeypatch
):
    """With read-ahead at screen size (as before issue 21), the next image is served coarse
    and then refined: the refinement asked for is the new image's, not the last one's."""
    monkeypatch.setattr(DisplayBox, "full_ahead", lambda self: False)
    loader = FakeLoader(FULL)
    window = make_window(loader, plan=ReadAheadPlan(1, 0))
    open_at(qtbot, window, image_folder, 3)
    qtbot.waitUntil(lambda: window.model.is_cached(4), timeout=TIMEOUT_MS)  # at screen size
    window.actions_by_name["zoom_lock"].trigger()
    window.view.actual_size()
    qtbot.waitUntil(lambda: window.view.image_size().width() == FULL[0], timeout=TIMEOUT_MS)
    window.go_next()  # served coarse from the store, then refined
    qtbot.waitUntil(
        lambda: shown(window, 4) and window.view.image_size().width() == FULL[0],
        timeout=TIMEOUT_MS,
    )
