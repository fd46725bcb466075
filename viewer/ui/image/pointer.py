"""The mouse and the touchpad over the image: wheel, side buttons, double-click, pinch, drag.

The wheel steps images unless the user chose "wheel zooms"; Ctrl+wheel always zooms at the
cursor (``ImageView`` does that itself). A smooth-scrolling touchpad sends many small wheel
events for one swipe: they are added up, and an image is stepped per notch's worth (120
eighths of a degree, Qt's ``angleDelta`` for one click of a mouse wheel), never per event.
"""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QObject, QPointF, Qt, pyqtSignal
from PyQt5.QtGui import QMouseEvent, QNativeGestureEvent, QWheelEvent
from PyQt5.QtWidgets import QGestureEvent, QPinchGesture

from viewer.ui.image.image_view import ZOOM_STEP, ImageView

#: Qt's wheel units for one notch of a mouse wheel (eighths of a degree).
NOTCH = 120
#: Pixels of a touchpad's pixel-precise scroll taken as one notch.
NOTCH_PIXELS = 120


class PointerControls(QObject):
    """Reads the pointer's events on ``view`` and turns them into steps, zooms and pans.

    Signals:
        stepRequested(int): move by this many images (+1 next, -1 previous).
        fullScreenToggled(): a double-click on the image.

    Attributes:
        wheel_zooms: the plain wheel zooms at the cursor instead of stepping images.
    """

    stepRequested = pyqtSignal(int)
    fullScreenToggled = pyqtSignal()

    def __init__(self, view: ImageView, *, wheel_zooms: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self.wheel_zooms = wheel_zooms
        self._owed = 0.0  # wheel units added up toward the next notch
        view.grabGesture(Qt.PinchGesture)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Wheel and isinstance(event, QWheelEvent):
            return self._on_wheel(event)
        if kind == QEvent.MouseButtonPress and isinstance(event, QMouseEvent):
            return self._on_button(event)
        if isinstance(event, QMouseEvent) and _is_left_double_click(event):
            self.fullScreenToggled.emit()
            return True
        if isinstance(event, QNativeGestureEvent) and event.gestureType() == Qt.ZoomNativeGesture:
            self._view.zoom_by(1 + event.value(), QPointF(event.localPos()))
            return True
        if kind == QEvent.Gesture and isinstance(event, QGestureEvent):
            return self._on_gesture(event)
        return False

    def _on_wheel(self, event: QWheelEvent) -> bool:
        if event.modifiers() & Qt.ControlModifier:
            return False  # the view zooms at the cursor
        units = float(event.angleDelta().y())
        if not units and not event.pixelDelta().isNull():
            units = event.pixelDelta().y() * NOTCH / NOTCH_PIXELS
        if not units:
            return False
        if self.wheel_zooms:
            self._view.zoom_by(ZOOM_STEP ** (units / NOTCH), event.position())
            return True
        if (units > 0) != (self._owed > 0):
            self._owed = 0.0  # turning back starts a new notch
        self._owed += units
        notches = int(self._owed / NOTCH)
        if notches:
            self._owed -= notches * NOTCH
            self.stepRequested.emit(-notches)  # wheel down (negative) goes forward
        return True

    def _on_button(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.BackButton:
            self.stepRequested.emit(-1)
            return True
        if event.button() == Qt.ForwardButton:
            self.stepRequested.emit(+1)
            return True
        return False

    def _on_gesture(self, event: QGestureEvent) -> bool:
        pinch = event.gesture(Qt.PinchGesture)
        if not isinstance(pinch, QPinchGesture):
            return False
        if pinch.changeFlags() & QPinchGesture.ScaleFactorChanged:
            centre = self._view.mapFromGlobal(pinch.centerPoint().toPoint())
            self._view.zoom_by(pinch.scaleFactor(), QPointF(centre))
        event.accept(pinch)
        return True


def _is_left_double_click(event: QMouseEvent) -> bool:
    return event.type() == QEvent.MouseButtonDblClick and event.button() == Qt.LeftButton
