"""AnimationPlayer: one animated file at its own timing, with few decoded frames held ahead.

A 500-frame GIF decoded whole would take gigabytes; here at most ``window`` frames are held
(decoded and waiting, or being decoded), where ``window`` frames fit in the byte budget. A
frame handed to the view leaves the count, and the next one is asked for. The frame times
come from the file; a frame late from the worker is shown as soon as it arrives. ``stop``
(the user stepped to another file) ends playback at once: the timer stops, queued decodes
are taken back, and a frame still being decoded is dropped when it arrives (generation).
"""

from __future__ import annotations

from PIL import Image
from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.formats.animation import Opener
from viewer.model.animation.frame_task import Animation, CloseTask, FrameSignals, FrameTask
from viewer.model.task_pools import task_pool

#: Most frames decoded ahead: enough to ride out a slow frame, few enough to stay small.
MOST_AHEAD = 6


class AnimationPlayer(QObject):
    """Plays one animation at a time; the GUI thread shows what ``frameShown`` hands over.

    Signals:
        frameShown(QImage, int): the frame to show now, and its index.
        failed(str): the animation cannot go on; the frame on screen stays.

    Attributes:
        timer: single-shot, due when the frame on screen has had its time. Tests emit its
            ``timeout`` instead of waiting for it.
        peak_frames_held, peak_bytes_held: the most frames (and their bytes) held at once
            since ``play``: decoded and waiting, or being decoded.
    """

    frameShown = pyqtSignal(QImage, int)
    failed = pyqtSignal(str)

    def __init__(
        self, budget_bytes: int, opener: Opener = Image.open, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._budget = budget_bytes
        self._opener = opener
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(1)  # the reader is used by one thread, in order
        self._signals = FrameSignals(self)
        self._signals.decoded.connect(self._on_decoded)
        self._signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_due)
        self._generation = 0
        self._animation: Animation | None = None
        self._count = 0
        self._frame_bytes = 0
        self._window = 0
        self._ready: dict[int, tuple[QImage, int]] = {}
        self._pending: dict[int, FrameTask] = {}
        self._tasks: list[FrameTask | CloseTask] = []  # held until run (see PoolTask)
        self._next_asked = 0  # the next frame to ask the worker for
        self._next_shown = 0  # the next frame to show
        self._due = False  # the frame on screen has had its time
        self._paused = False
        self.peak_frames_held = 0
        self.peak_bytes_held = 0

    # -- what the window asks ----------------------------------------------------------------

    def play(self, path: str, frame_count: int, size: tuple[int, int]) -> bool:
        """Play ``path`` (``frame_count`` frames of ``size``) from its first frame; False,
        playing nothing, if even two of its frames do not fit in the budget."""
        self.stop()
        self._frame_bytes = max(1, size[0] * size[1] * 4)
        self._window = min(MOST_AHEAD, frame_count, self._budget // self._frame_bytes)
        if self._window < 2:
            return False
        self._animation = Animation(path, self._opener)
        self._count = frame_count
        self._next_asked = self._next_shown = 0
        self._due = True  # the first frame shows as soon as it is decoded
        self._paused = False
        self.peak_frames_held = self.peak_bytes_held = 0
        self._fill()
        return True

    def stop(self) -> None:
        """End playback at once: nothing more is shown, decodes queued are taken back."""
        self._generation += 1
        self.timer.stop()
        self._ready.clear()
        for task in self._pending.values():
            if self._pool.tryTake(task):
                self._tasks.remove(task)
        self._pending.clear()
        if self._animation is not None:
            closer = CloseTask(self._animation)
            self._tasks.append(closer)
            self._pool.start(closer)
            self._animation = None
        self._tasks = [task for task in self._tasks if not task.finished.is_set()]

    def is_playing(self) -> bool:
        return self._animation is not None and not self._paused

    def is_paused(self) -> bool:
        return self._animation is not None and self._paused

    def set_paused(self, paused: bool) -> None:
        """Hold the frame on screen (or go on from it: it gets its whole time again)."""
        if self._animation is None or paused == self._paused:
            return
        self._paused = paused
        if paused:
            self.timer.stop()
        elif self._due:
            self._show_next()  # it was late, and may have come meanwhile
        else:
            self.timer.start()

    @property
    def window(self) -> int:
        """Most frames held at once for the animation playing (0 when none is)."""
        return self._window if self._animation is not None else 0

    def frames_held(self) -> int:
        """Frames decoded and waiting, plus those being decoded."""
        return len(self._ready) + len(self._pending)

    def bytes_held(self) -> int:
        waiting = sum(image.sizeInBytes() for image, _ in self._ready.values())
        return waiting + len(self._pending) * self._frame_bytes

    def shutdown(self, wait: bool = False) -> None:
        self.stop()
        if wait:
            self._pool.waitForDone()

    def has_running_work(self) -> bool:
        return self._pool.activeThreadCount() > 0

    # -- the worker's answers, the clock -----------------------------------------------------

    def _fill(self) -> None:
        """Ask for frames until the window is full."""
        assert self._animation is not None
        while self.frames_held() < self._window:
            index = self._next_asked
            self._next_asked = (index + 1) % self._count
            task = FrameTask(self._animation, self._generation, index, self._signals)
            self._pending[index] = task
            self._tasks.append(task)
            self._pool.start(task)
        self._count_held()

    def _count_held(self) -> None:
        self.peak_frames_held = max(self.peak_frames_held, self.frames_held())
        self.peak_bytes_held = max(self.peak_bytes_held, self.bytes_held())

    @pyqtSlot(object, object, int)
    def _on_decoded(self, task: FrameTask, image: QImage, duration_ms: int) -> None:
        self._tasks = [held for held in self._tasks if held is not task]
        if task.generation != self._generation:
            return  # stopped since: dropped
        del self._pending[task.index]
        self._ready[task.index] = (image, duration_ms)
        self._count_held()
        if self._due:
            self._show_next()

    @pyqtSlot(object, str)
    def _on_failed(self, task: FrameTask, message: str) -> None:
        self._tasks = [held for held in self._tasks if held is not task]
        if task.generation == self._generation:
            self.stop()
            self.failed.emit(message)

    @pyqtSlot()
    def _on_due(self) -> None:
        if self._paused or self._animation is None:
            return  # a timeout queued before the pause or the stop
        self._due = True
        self._show_next()

    def _show_next(self) -> None:
        if self._paused or self._next_shown not in self._ready:
            return  # late: shown as soon as it is decoded
        index = self._next_shown
        image, duration_ms = self._ready.pop(index)
        self._next_shown = (index + 1) % self._count
        self._due = False
        self.timer.start(duration_ms)
        self._fill()
        self.frameShown.emit(image, index)
