"""Computes the aids for images on its own pool, never on the GUI thread.

The worker reads a QImage's pixels through a numpy view (no copy, and no QImage call that
holds the GIL for long), computes the aids with numpy and Pillow (``viewer.core.aids``), and
writes the marks straight into the QImage that shows them (allocated here, never copied).
Results carry the caller's token: a result for an image or region no longer shown is dropped
by the caller.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np
from PyQt5.QtCore import QObject, QRect, QRunnable, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.aids.histogram import Histogram
from viewer.core.aids.overlay import AidChoice, compute
from viewer.model.images.thread_nice import be_nice
from viewer.model.task_pools import task_pool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AidResult:
    """The aids of one region of one image.

    Attributes:
        token: what the caller asked with, to match the result to its ask.
        region: the region measured, in the image's pixels.
        marks: peaking and clipping marks over ``region`` (premultiplied ARGB32), or None.
        histogram: the region's histogram, or None.
        seconds: worker time taken.
    """

    token: int
    region: QRect
    marks: QImage | None
    histogram: Histogram | None
    seconds: float


def pixels_of(image: QImage, region: QRect, writable: bool = False) -> np.ndarray:
    """A ``(h, w, 4)`` BGRA view of ``region`` of a 32-bit ``image`` (no copy)."""
    bits = image.bits() if writable else image.constBits()
    bits.setsize(image.sizeInBytes())
    flat = np.frombuffer(memoryview(bits), dtype=np.uint8)  # type: ignore[arg-type]
    rows = flat.reshape(image.height(), image.bytesPerLine())
    full = rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    return full[region.top() : region.bottom() + 1, region.left() : region.right() + 1]


def measure(image: QImage, region: QRect, choice: AidChoice, token: int) -> AidResult:
    """The aids ``choice`` asks for over ``region`` of ``image`` (run on a worker)."""
    began = time.perf_counter()
    marks = None
    layer = None
    if choice.peaking or choice.clipping:
        marks = QImage(region.width(), region.height(), QImage.Format_ARGB32_Premultiplied)
        layer = pixels_of(marks, marks.rect(), writable=True)
    layers = compute(pixels_of(image, region), choice, marks=layer)
    return AidResult(token, region, marks, layers.histogram, time.perf_counter() - began)


class _Signals(QObject):
    done = pyqtSignal(object)


class _AidTask(QRunnable):
    def __init__(
        self, image: QImage, region: QRect, choice: AidChoice, token: int, signals: _Signals
    ) -> None:
        super().__init__()
        self._args = (image, region, choice, token)
        self._signals = signals

    def run(self) -> None:
        be_nice()  # the aids wait a frame rather than the paint
        try:
            result = measure(*self._args)
        except Exception:
            log.exception("focus aids failed")  # an aid missing is no reason to stop
            return
        self._signals.done.emit(result)


class AidWorker(QObject):
    """One pool thread for the aids (they take a core for a few milliseconds each).

    Signals:
        done(AidResult): aids computed (on the GUI thread).
    """

    done = pyqtSignal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._closed = False

    def ask(self, image: QImage, region: QRect, choice: AidChoice, token: int) -> None:
        """Compute the aids for ``region`` of ``image``, after what is already asked."""
        if self._closed:
            return
        self._pool.start(_AidTask(image, region, choice, token, self._signals))

    def close(self, wait: bool = True) -> None:
        self._closed = True
        self._pool.clear()
        if wait:
            self._pool.waitForDone()

    @pyqtSlot(object)
    def _on_done(self, result: AidResult) -> None:
        if not self._closed:
            self.done.emit(result)
