from __future__ import annotations

import os

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QFileDialog

from tests.fakes import FakeLoader
from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.core.folder.sequence import ImageSequence
from viewer.ui.window.main_window import EMPTY_HINT


def test_empty_window_says_how_to_open_a_folder(make_window):
    window = make_window()
    assert window.view.message == EMPTY_HINT
    assert window.windowTitle() == "Viewer"


def test_title_and_status(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 2)
    assert window.windowTitle() == "3.jpg — Viewer"
    size = os.path.getsize(os.path.join(image_folder, "3.jpg"))
    assert window.status_area.place_text().startswith("3 / 12 · 3.jpg · 67×48 · ")
    assert window.status_area.place_text().endswith(f"{size / 1000:.1f} kB")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key_Right, 5), (Qt.Key_Space, 5), (Qt.Key_PageDown, 5),
        (Qt.Key_Left, 3), (Qt.Key_Backspace, 3), (Qt.Key_PageUp, 3),
        (Qt.Key_Home, 0), (Qt.Key_End, 11),
    ],
)  # fmt: skip
def test_navigation_keys(qtbot, make_window, image_folder, key, expected):
    window = make_window()
    open_at(qtbot, window, image_folder, 4)
    qtbot.keyClick(window, key)
    qtbot.waitUntil(lambda: shown(window, expected), timeout=TIMEOUT_MS)
    assert window.windowTitle() == f"{expected + 1}.jpg — Viewer"


@pytest.mark.parametrize(
    ("start", "key", "edge"), [(0, Qt.Key_Left, "first"), (11, Qt.Key_Right, "last")]
)
def test_no_wrap_at_either_end(qtbot, make_window, image_folder, start, key, edge):
    window = make_window()
    open_at(qtbot, window, image_folder, start)
    qtbot.keyClick(window, key)
    assert window.current_index == start
    assert window.status_area.notice_text() == f"This is the {edge} image."


def test_loading_message_then_image(qtbot, make_window, image_folder):
    loader = FakeLoader()
    window = make_window(loader)
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[6])
    window.open_sequence(sequence, 6)
    assert window.view.message == "Loading 7.jpg…"
    assert "Loading…" in window.status_area.place_text()
    loader.release(sequence[6])
    qtbot.waitUntil(lambda: shown(window, 6), timeout=TIMEOUT_MS)


def test_late_result_does_not_replace_current_image(qtbot, make_window, image_folder):
    loader = FakeLoader()
    window = make_window(loader)
    sequence = ImageSequence.from_folder(image_folder)
    loader.gate(sequence[3])
    window.open_sequence(sequence, 3)
    qtbot.waitUntil(lambda: loader.count(sequence[3]) == 1, timeout=TIMEOUT_MS)
    window.go_next()  # 3 is still wanted (the image behind), so its load runs on
    qtbot.waitUntil(lambda: shown(window, 4), timeout=TIMEOUT_MS)
    loader.sizes[sequence[3]] = (99, 99)
    with qtbot.waitSignal(window.model.imageReady, timeout=TIMEOUT_MS):
        loader.release(sequence[3])
    assert window.current_index == 4
    assert window.view.image_size().width() == 40


def test_failure_is_shown_and_user_can_move_on(qtbot, make_window, image_folder):
    loader = FakeLoader()
    window = make_window(loader)
    sequence = ImageSequence.from_folder(image_folder)
    loader.failing[sequence[1]] = "2.jpg is damaged: broken data stream."
    window.open_sequence(sequence, 1)
    qtbot.waitUntil(lambda: window.view.is_error, timeout=TIMEOUT_MS)
    assert window.view.message == "2.jpg is damaged: broken data stream."
    assert "damaged" in window.status_area.place_text()
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: shown(window, 2), timeout=TIMEOUT_MS)


def test_open_folder_action(qtbot, make_window, image_folder, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: image_folder)
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    assert len(window.sequence) == 12


def test_open_file_action(qtbot, make_window, image_folder, monkeypatch):
    window = make_window()
    target = os.path.join(image_folder, "9.jpg")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (target, ""))
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: shown(window, 8), timeout=TIMEOUT_MS)


def test_cancelled_dialog_changes_nothing(qtbot, make_window, monkeypatch):
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)
    assert window.sequence is None


def test_opening_an_empty_folder_says_why(qtbot, make_window, tmp_path):
    window = make_window()
    with qtbot.waitSignal(window.openFailed, timeout=TIMEOUT_MS):
        window.open_path(str(tmp_path))  # asked and listed on workers
    assert "No images" in window.view.message
    assert "No images" in window.status_area.notice_text()


def test_quit_shortcut_closes(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)


def test_image_fitted_centred_and_never_enlarged(qtbot, make_window, image_folder):
    window = make_window()
    window.resize(800, 600)
    open_at(qtbot, window, image_folder, 0)
    rect = window.view.image_rect()
    ratio = window.view.devicePixelRatioF()
    assert (rect.width() * ratio, rect.height() * ratio) == (
        65,
        48,
    )  # small image: 100%, not enlarged
    assert abs(rect.center().x() - window.view.width() / 2) < 1
    assert abs(rect.center().y() - window.view.height() / 2) < 1
