from __future__ import annotations

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QImage

from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.settings.store import Settings


def zoom_text(window):
    return window.status_area.zoom_text()


def test_zoom_keys_and_status(qtbot, make_window, image_folder):
    window = make_window()
    window.resize(800, 600)
    open_at(qtbot, window, image_folder, 0)
    assert zoom_text(window) == "100%"  # a small image fits at actual size
    qtbot.keyClick(window, Qt.Key_Plus)
    assert window.view.zoom_percent() == pytest.approx(125)
    assert zoom_text(window) == "125%"
    qtbot.keyClick(window, Qt.Key_Minus)
    qtbot.keyClick(window, Qt.Key_Minus)
    assert window.view.zoom_percent() == pytest.approx(80)
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert window.view.zoom_percent() == pytest.approx(100)
    qtbot.keyClick(window, Qt.Key_Equal)
    qtbot.keyClick(window, Qt.Key_0, Qt.ControlModifier)
    assert window.view.is_fitted()


def test_arrow_keys_still_navigate_when_zoomed(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 3)
    qtbot.keyClick(window, Qt.Key_Plus)
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    assert window.view.is_fitted()  # unlocked: a new image opens fitted


def test_zoom_lock_keeps_the_zoom_across_images_and_persists(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 3)
    qtbot.keyClick(window, Qt.Key_L)
    assert window.zoom_locked() and Settings().zoom_locked()
    qtbot.keyClick(window, Qt.Key_Plus)
    zoom = window.view.zoom_percent()
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    assert window.view.zoom_percent() == pytest.approx(zoom)
    qtbot.keyClick(window, Qt.Key_L)
    assert not Settings().zoom_locked()


def test_refinement_of_the_same_image_keeps_the_view(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 0)
    window.view.zoom_by(3.0)
    rect = window.view.image_rect()
    sharper = QImage(window.view.image_size() * 2, QImage.Format_RGB32)
    sharper.fill(0xFF112233)
    window.model.imageReady.emit(0, sharper)  # the same index, delivered again in more detail
    assert window.view.image_size() == sharper.size()
    assert not window.view.is_fitted()
    assert window.view.image_rect().center() == rect.center()


def test_window_asks_for_its_display_box_and_full_resolution_on_zoom(qtbot, make_window, tmp_path):
    from tests.images import write_image
    from viewer.core.folder.sequence import ImageSequence

    folder = tmp_path / "big"
    folder.mkdir()
    for number in (1, 2):
        write_image(str(folder / f"{number}.png"), (3000, 2000), seed=number)
    window = make_window()
    window.resize(800, 600)
    qtbot.waitUntil(
        lambda: window.model.display_box == window.view.display_box(), timeout=TIMEOUT_MS
    )
    window.open_sequence(ImageSequence.from_folder(str(folder)), 0)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    box = window.view.display_box()
    assert window.view.image_size().width() <= box[0]  # decoded small, not 3000 wide
    assert window.view.source_size().width() == 3000
    assert window.status_area.place_text().split(" · ")[2] == "3000×2000"
    qtbot.keyClick(
        window, Qt.Key_1, Qt.ControlModifier
    )  # actual size: the display pixels are too coarse now
    qtbot.waitUntil(lambda: window.view.image_size().width() == 3000, timeout=TIMEOUT_MS)
    assert window.view.zoom_percent() == pytest.approx(100)
    window.resize(700, 500)  # a re-render for the new size must not replace the full pixels
    qtbot.waitUntil(lambda: window.model.idle(), timeout=TIMEOUT_MS)
    assert window.view.image_size().width() == 3000
