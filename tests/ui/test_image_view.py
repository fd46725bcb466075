from __future__ import annotations

import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PyQt5.QtGui import QImage, QMouseEvent, QWheelEvent
from PyQt5.QtWidgets import QApplication

from viewer.ui.image.image_view import ImageView


@pytest.fixture
def view(qtbot):
    widget = ImageView()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


def solid(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format_RGB32)
    image.fill(0xFF336699)
    return image


def test_fit_keeps_aspect_ratio_and_centres(view):
    view.show_image(solid(6000, 4000))
    rect = view.image_rect()
    assert (rect.width(), rect.height()) == pytest.approx((800, 533.33), abs=0.01)
    assert rect.center().y() == pytest.approx(300)


def test_fit_never_enlarges(view):
    view.show_image(solid(300, 200))
    ratio = view.devicePixelRatioF()
    assert view.image_rect().width() * ratio == pytest.approx(300)
    assert view.zoom_percent() == pytest.approx(100)


def test_zoom_keeps_the_point_under_the_cursor(view):
    view.show_image(solid(6000, 4000))
    cursor = QPointF(200, 150)
    before = view.zoom().image_point(cursor.x(), cursor.y())
    view.zoom_by(3.0, cursor)
    assert view.zoom().image_point(cursor.x(), cursor.y()) == pytest.approx(before)
    assert not view.is_fitted()


def test_actual_size_and_fit(view):
    view.show_image(solid(6000, 4000))
    view.actual_size()
    assert view.zoom_percent() == pytest.approx(100)
    view.fit_to_window()
    assert view.is_fitted() and view.zoom_percent() < 100


def test_refinement_keeps_the_geometry(view):
    """A display image, zoomed, then replaced by the full-resolution pixels: nothing moves."""
    view.show_image(solid(1500, 1000), source=QSize(6000, 4000))
    view.zoom_by(4.0, QPointF(300, 200))
    rect = view.image_rect()
    assert view.wants_full_resolution()
    view.show_image(solid(6000, 4000), source=QSize(6000, 4000), keep_view=True)
    assert view.image_rect() == rect
    assert not view.wants_full_resolution()


def test_new_image_resets_zoom_unless_kept(view):
    view.show_image(solid(6000, 4000))
    view.zoom_by(2.0)
    view.show_image(solid(6000, 4000))
    assert view.is_fitted()
    view.zoom_by(2.0)
    zoom = view.zoom()
    view.show_image(solid(6000, 4000), keep_view=True)
    assert view.zoom() == zoom


def test_ctrl_wheel_zooms_and_drag_pans(qtbot, view):
    view.show_image(solid(6000, 4000))
    fitted = view.zoom_percent()
    position = QPointF(400, 300)
    global_position = QPointF(view.mapToGlobal(position.toPoint()))
    wheel = QWheelEvent(position, global_position, QPoint(), QPoint(0, 120),
                        Qt.NoButton, Qt.ControlModifier, Qt.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(view, wheel)
    assert view.zoom_percent() == pytest.approx(fitted * 1.25)
    view.actual_size()
    left = view.zoom().left
    qtbot.mousePress(view, Qt.LeftButton, pos=QPoint(400, 300))
    drag = QMouseEvent(
        QEvent.MouseMove, QPointF(350, 300), Qt.NoButton, Qt.LeftButton, Qt.NoModifier
    )
    QApplication.sendEvent(view, drag)  # QTest's mouseMove moves the cursor, not a held button
    qtbot.mouseRelease(view, Qt.LeftButton, pos=QPoint(350, 300))
    assert view.zoom().left == pytest.approx(left - 50)


def test_pan_is_clamped_to_the_image(view):
    view.show_image(solid(6000, 4000))
    view.actual_size()
    view.pan_by(10_000, 10_000)
    assert (view.zoom().left, view.zoom().top) == (0.0, 0.0)
