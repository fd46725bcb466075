"""The worker's side of playback: open the file once, then decode the frames asked for.

All tasks of one animation run on the player's one-thread pool, in the order queued, so the
``FrameReader`` (not thread-safe) is only ever used by one thread at a time. The frame is
decoded straight into a QImage's memory (``QImageAllocator``): no QImage operation runs
here, and no QPixmap.
"""

from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, pyqtSignal

from viewer.core.formats.animation import FrameReader, Opener
from viewer.model.images.load_task import PoolTask
from viewer.model.images.qimage_buffer import QImageAllocator

log = logging.getLogger(__name__)


class FrameSignals(QObject):
    """Carries frames from the pool thread to the GUI thread.

    Signals:
        decoded(FrameTask, object, int): the task, the frame's QImage, its duration in ms.
        failed(FrameTask, str): the task, and a sentence saying why the frame cannot be had.
    """

    decoded = pyqtSignal(object, object, int)
    failed = pyqtSignal(object, str)


class Animation:
    """One file being played: its reader, opened by the first task that needs it."""

    def __init__(self, path: str, opener: Opener) -> None:
        self.path = path
        self._opener = opener
        self._reader: FrameReader | None = None
        self.closed = False

    def reader(self) -> FrameReader:
        if self._reader is None:
            self._reader = FrameReader(self.path, self._opener)
        return self._reader

    def close(self) -> None:
        """Let the file go (queued after the last frame task, so never during a read)."""
        self.closed = True
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class FrameTask(PoolTask):
    """Decode frame ``index`` of ``animation``; every exception becomes ``failed``."""

    def __init__(
        self, animation: Animation, generation: int, index: int, signals: FrameSignals
    ) -> None:
        super().__init__(animation.path)
        self.animation = animation
        self.generation = generation
        self.index = index
        self._signals = signals

    def work(self) -> None:
        if self.animation.closed:
            return
        try:
            allocator = QImageAllocator()
            frame = self.animation.reader().read(self.index, allocator)
            image = allocator.image
            assert image is not None
        except Exception as error:  # Pillow raises many kinds on a damaged frame
            log.info("Frame %d of %s: %s", self.index + 1, self.path, error)
            self._signals.failed.emit(self, f"Frame {self.index + 1} cannot be shown: {error}")
        else:
            self._signals.decoded.emit(self, image, frame.duration_ms)


class CloseTask(PoolTask):
    """Close an animation's file after its last frame task (the player holds it until
    ``finished`` is set, as for every ``PoolTask``)."""

    def __init__(self, animation: Animation) -> None:
        super().__init__(animation.path)
        self._animation = animation

    def work(self) -> None:
        self._animation.close()
