"""The hand-over: the window takes the first frame's place without a jump, a lost key, or a
lost setting."""

from __future__ import annotations

from typing import Any

import pytest
from PyQt5.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PyQt5.QtWidgets import QMainWindow, QWidget

from tests.first_frames import SCREEN, image
from tests.waits import TIMEOUT_MS, gone_or_hidden
from viewer.settings.start import StartSettings
from viewer.settings.store import Settings
from viewer.startup.first_frame import FirstFrame
from viewer.startup.hand_over import HandOver, replay_keys
from viewer.ui.window import memory as window_memory


def place_in_window(view: QWidget) -> QRect:
    """Where a view is within its top-level window."""
    return QRect(view.mapTo(view.window(), QPoint(0, 0)), view.size())


def test_the_window_is_shown_in_the_frames_place_once_it_has_the_image(
    qtbot: Any, make_window: Any, frame: FirstFrame
) -> None:
    window = make_window()
    window.hide()
    frame.setGeometry(40, 30, 1000, 640)
    frame.deliver(image(), (3000, 2000))
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    handing = HandOver(frame, window, window.model.loadFailed)
    assert window.model.display_box == frame.view.display_box()
    assert not window.isVisible()  # nothing to show yet: the frame stays
    window.view.show_image(image(), QSize(3000, 2000))
    assert handing.is_done() and window.isVisible()
    assert window.geometry() == frame.geometry()
    qtbot.waitUntil(lambda: gone_or_hidden(frame), timeout=TIMEOUT_MS)


def test_a_hidden_windows_view_never_sets_the_display_box(qtbot: Any, make_window: Any) -> None:
    """Given the first image while hidden, its view (not laid out: 100×30) once set the box,
    and the image was decoded again for it and shown over the sharp one."""
    window = make_window()
    window.hide()
    window.model.set_display_box((1280, 800))  # what the hand-over takes from the first frame
    window.view.resize(100, 30)
    window.view.show_image(image(), QSize(3000, 2000))
    assert window.model.display_box == (1280, 800)
    window.show()  # shown, its own size counts
    qtbot.waitUntil(lambda: window.model.display_box == window.view.display_box(),
                    timeout=TIMEOUT_MS)  # fmt: skip


def test_the_image_does_not_move_when_the_window_takes_over(
    qtbot: Any, make_window: Any, frame: FirstFrame
) -> None:
    window = make_window()
    window.setGeometry(frame.geometry())
    assert place_in_window(window.view) == place_in_window(frame.view)


@pytest.mark.parametrize("event", ["failed", "timer"])
def test_the_window_is_shown_when_its_image_fails_or_takes_too_long(
    qtbot: Any, make_window: Any, frame: FirstFrame, event: str
) -> None:
    window = make_window()
    window.hide()
    handing = HandOver(frame, window, window.model.loadFailed)
    if event == "failed":
        window.model.loadFailed.emit(0, "1.jpg is damaged.")
    else:
        handing.timer.timeout.emit()
    assert window.isVisible()
    qtbot.waitUntil(lambda: gone_or_hidden(frame), timeout=TIMEOUT_MS)


def test_a_first_frame_in_full_screen_hands_over_a_full_screen_window(
    qtbot: Any, make_window: Any
) -> None:
    StartSettings().remember_window(QByteArray(), True)
    made = FirstFrame(StartSettings())
    qtbot.addWidget(made)
    made.show_placed([SCREEN])
    window = make_window()
    window.hide()
    handing = HandOver(made, window, window.model.loadFailed)
    handing.timer.timeout.emit()
    assert window.fullscreen.is_active()


def test_keys_pressed_meanwhile_become_the_commands_they_stand_for(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window()
    triggered: list[str] = []
    for name in ("next", "previous"):
        window.actions_by_name[name].triggered.disconnect()
        window.actions_by_name[name].triggered.connect(lambda _=False, n=name: triggered.append(n))
    keys = [(int(Qt.Key_Right), 0), (int(Qt.Key_A), 0), (int(Qt.Key_Left), 0),
            (int(Qt.Key_Right), 0)]  # fmt: skip
    replay_keys(keys, window.actions())
    assert triggered == ["next", "previous", "next"]


def test_a_window_never_shown_does_not_overwrite_the_saved_place(
    qtbot: Any, make_window: Any
) -> None:
    settings = Settings()
    saved = QMainWindow()
    qtbot.addWidget(saved)
    saved.setGeometry(100, 80, 900, 600)
    settings.remember_window(saved.saveGeometry(), False)
    window = make_window()
    window.hide()
    window_memory.remember(window, settings, window.fullscreen)
    assert settings.geometry() == saved.saveGeometry()
