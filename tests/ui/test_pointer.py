"""The mouse and touchpad over the image: the wheel steps (or zooms), the side buttons step,
a double-click goes full screen, a pinch zooms, a middle-drag pans."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QMouseEvent, QNativeGestureEvent, QWheelEvent
from PyQt5.QtWidgets import QAction, QApplication

from tests.ui.helpers import open_at

POSITION = QPointF(300, 200)


def wheel(view, angle: int = 0, pixels: int = 0, modifiers=Qt.NoModifier) -> None:
    """One wheel event over the view: a mouse's notch, or a touchpad's small nudge."""
    global_position = QPointF(view.mapToGlobal(POSITION.toPoint()))
    event = QWheelEvent(POSITION, global_position, QPoint(0, pixels), QPoint(0, angle),
                        Qt.NoButton, modifiers, Qt.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(view, event)


def press(view, button) -> None:
    event = QMouseEvent(QEvent.MouseButtonPress, POSITION, button, button, Qt.NoModifier)
    QApplication.sendEvent(view, event)


@pytest.fixture
def window(qtbot, make_window, image_folder):
    window = make_window()
    open_at(qtbot, window, image_folder, 3)
    return window


def test_a_wheel_notch_steps_one_image_each_way(window):
    wheel(window.view, angle=-120)
    assert window.current_index == 4
    wheel(window.view, angle=120)
    wheel(window.view, angle=120)
    assert window.current_index == 2


def test_a_smooth_touchpad_steps_once_per_notch_not_per_event(window):
    for _ in range(11):
        wheel(window.view, angle=-10)  # 110 units: not a notch yet
    assert window.current_index == 3
    wheel(window.view, angle=-10)
    assert window.current_index == 4
    for _ in range(24):
        wheel(window.view, angle=-10)
    assert window.current_index == 6


def test_a_touchpad_sending_only_pixels_steps_per_notch_too(window):
    for _ in range(5):
        wheel(window.view, pixels=-20)
    assert window.current_index == 3
    wheel(window.view, pixels=-20)
    assert window.current_index == 4


def test_turning_back_starts_a_new_notch(window):
    for _ in range(10):
        wheel(window.view, angle=-10)
    for _ in range(11):
        wheel(window.view, angle=10)
    assert window.current_index == 3  # neither 100 units down nor 110 up make a notch


def test_ctrl_wheel_zooms_and_never_steps(window):
    fitted = window.view.zoom_percent()
    wheel(window.view, angle=120, modifiers=Qt.ControlModifier)
    assert window.current_index == 3
    assert window.view.zoom_percent() > fitted


def test_wheel_zooms_when_chosen_and_is_remembered(window, make_window):
    choice = window.findChild(QAction, "wheel_zooms")
    assert not choice.isChecked()
    choice.trigger()
    fitted = window.view.zoom_percent()
    wheel(window.view, angle=-120)
    assert window.current_index == 3
    assert window.view.zoom_percent() < fitted
    assert make_window().findChild(QAction, "wheel_zooms").isChecked()


def test_back_and_forward_buttons_step(window):
    press(window.view, Qt.ForwardButton)
    press(window.view, Qt.ForwardButton)
    assert window.current_index == 5
    press(window.view, Qt.BackButton)
    assert window.current_index == 4


def test_double_click_toggles_full_screen(qtbot, window):
    qtbot.mouseDClick(window.view, Qt.LeftButton, pos=POSITION.toPoint())
    assert window.fullscreen.is_active()
    qtbot.mouseDClick(window.view, Qt.LeftButton, pos=POSITION.toPoint())
    assert not window.fullscreen.is_active()


def test_a_pinch_zooms_at_the_fingers(window):
    fitted = window.view.zoom_percent()
    screen = QPointF(window.view.mapToGlobal(POSITION.toPoint()))
    pinch = QNativeGestureEvent(Qt.ZoomNativeGesture, POSITION, POSITION, screen, 0.5, 0, 0)
    QApplication.sendEvent(window.view, pinch)
    assert window.view.zoom_percent() == pytest.approx(fitted * 1.5)
    assert window.current_index == 3


def test_middle_drag_pans_when_zoomed(qtbot, window):
    view = window.view
    view.zoom_by(30.0)  # the small image, now larger than the view
    left = view.zoom().left
    qtbot.mousePress(view, Qt.MiddleButton, pos=QPoint(40, 30))
    drag = QMouseEvent(QEvent.MouseMove, QPointF(30, 30), Qt.NoButton, Qt.MiddleButton,
                       Qt.NoModifier)  # fmt: skip
    QApplication.sendEvent(view, drag)
    qtbot.mouseRelease(view, Qt.MiddleButton, pos=QPoint(30, 30))
    assert view.zoom().left == pytest.approx(left - 10)
