"""Previews on a pool of their own, so they never take a thread from the images being read.

While the current image is not ready, the window asks for its preview (a cached thumbnail or
the embedded EXIF/MPF preview: kilobytes, not the whole file). Only the newest request
matters: asking for another image takes back queued previews and calls off the one being
read. A preview may be told to wait until the real load of its image has started, so its
bytes never stand before that load's on the link.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Optional

from PyQt5.QtCore import QObject, QSize, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.geometry import Size
from viewer.core.io.cancel import Cancelled, cancellable, check_cancelled
from viewer.core.io.reading import DecodeError
from viewer.core.readahead.store import ImageStore
from viewer.model.images.load_task import PoolTask
from viewer.model.images.qimage_buffer import to_qimage
from viewer.model.task_pools import task_pool

log = logging.getLogger(__name__)

#: ``(path, display_box, embedded) -> DecodedImage | None``: a preview, or None when there is
#: none cheap enough; without ``embedded`` only cached thumbnails count (no read of the file).
#: Runs on the preview pool; ``check_cancelled`` stops it between reads.
PreviewMaker = Callable[[str, Size, bool], Optional[DecodedImage]]

DEFAULT_MAX_PREVIEWS = 64
DEFAULT_MAX_PREVIEW_BYTES = 128 * 1024 * 1024
#: How often a preview waiting for its image's load to start checks whether it was called off.
_WAIT_STEP_S = 0.005


@dataclass(frozen=True)
class Preview:
    """A preview and the full, upright size of the image it stands for (to fit it alike)."""

    image: QImage
    full_size: QSize


@dataclass
class PreviewStats:
    """Counters for tests and benchmarks."""

    started: int = 0
    taken_back: int = 0
    called_off: int = 0


class PreviewSignals(QObject):
    """Carries finished previews from the pool thread to the GUI thread.

    Signals:
        done(PreviewTask, object): the task finished; the object is a ``Preview`` or None.
    """

    done = pyqtSignal(object, object)


class PreviewTask(PoolTask):
    """Make one preview; every failure is just "no preview" (the real load reports errors)."""

    def __init__(
        self,
        index: int,
        path: str,
        box: Size,
        maker: PreviewMaker,
        signals: PreviewSignals,
        after: threading.Event | None,
        embedded: bool,
    ) -> None:
        super().__init__(path)
        self.embedded = embedded
        self.index = index
        self.call_off = threading.Event()
        self._box = box
        self._maker = maker
        self._signals = signals
        self._after = after

    def work(self) -> None:
        preview: Preview | None = None
        try:
            with cancellable(self.call_off):
                while self._after is not None and not self._after.wait(_WAIT_STEP_S):
                    check_cancelled()
                check_cancelled()
                decoded = self._maker(self.path, self._box, self.embedded)
            if decoded is not None:
                width, height = decoded.full_size or (decoded.width, decoded.height)
                preview = Preview(to_qimage(decoded), QSize(width, height))
        except (Cancelled, DecodeError):
            pass
        except Exception:
            log.exception("Unexpected error making a preview of %s", self.path)
        self._signals.done.emit(self, preview)


class PreviewQueue(QObject):
    """Owns the preview pool (one thread) and the previews kept in memory.

    Signals:
        previewReady(int, str, object): a ``Preview`` for the index and path asked for. It
            may arrive after the user moved on: listeners check both.

    Attributes:
        stats: previews started, taken back and called off.
    """

    previewReady = pyqtSignal(int, str, object)

    def __init__(
        self,
        maker: PreviewMaker,
        *,
        threads: int = 1,
        max_previews: int = DEFAULT_MAX_PREVIEWS,
        max_bytes: int = DEFAULT_MAX_PREVIEW_BYTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._maker = maker
        self._pool = task_pool(self)
        self._pool.setMaxThreadCount(threads)
        self._memory: ImageStore[str, Preview] = ImageStore(max_previews, max_bytes)
        self._tasks: dict[str, PreviewTask] = {}
        self._signals = PreviewSignals(self)
        self._signals.done.connect(self._on_done)
        self.stats = PreviewStats()

    def cached(self, path: str) -> Preview | None:
        """The preview of ``path`` kept in memory, if any."""
        return self._memory.lookup(path)

    def request(
        self,
        index: int,
        path: str,
        box: Size,
        after: threading.Event | None = None,
        embedded: bool = True,
    ) -> bool:
        """Make ``path``'s preview for ``index``; True if it was announced from memory at once.

        Args:
            after: read nothing until this is set (the real load of the image has started).
            embedded: False to look only in the thumbnail cache (the file is not read).
        """
        self.call_off(keep=path)
        kept = self._memory.lookup(path)
        if kept is not None:
            self.previewReady.emit(index, path, kept)
            return True
        task = self._tasks.get(path)
        if task is not None and not task.call_off.is_set() and task.embedded >= embedded:
            task.index = index  # the same file at another index after a re-list
            return False
        task = PreviewTask(index, path, box, self._maker, self._signals, after, embedded)
        self._tasks[path] = task
        self.stats.started += 1
        self._pool.start(task)
        return False

    def call_off(self, keep: str | None = None) -> None:
        """Take back queued previews and stop those being made, except ``keep``'s."""
        for path, task in list(self._tasks.items()):
            if path == keep or task.call_off.is_set():
                continue
            if self._pool.tryTake(task):
                del self._tasks[path]
                self.stats.taken_back += 1
            else:
                task.call_off.set()
                self.stats.called_off += 1

    def keep(self, path: str, preview: Preview) -> None:
        """Keep a preview found elsewhere (in the head of a load) for later requests."""
        self._memory.insert(path, preview, int(preview.image.sizeInBytes()))

    def forget(self, path: str) -> None:
        """Drop a kept preview (its file changed)."""
        self._memory.remove(path)

    def idle(self) -> bool:
        return not self._tasks

    def has_running_work(self) -> bool:
        """Whether the pool thread is still inside a preview (a read that may never return)."""
        return self._pool.activeThreadCount() > 0

    def shutdown(self, wait: bool = False) -> None:
        """Call everything off; with ``wait``, until the pool thread is free (tests, quitting)."""
        self.call_off()
        self._pool.clear()
        if wait:
            self._pool.waitForDone()

    @pyqtSlot(object, object)
    def _on_done(self, task: PreviewTask, preview: Preview | None) -> None:
        if self._tasks.get(task.path) is task:
            del self._tasks[task.path]
        if preview is None:
            return
        self.keep(task.path, preview)
        if not task.call_off.is_set():
            self.previewReady.emit(task.index, task.path, preview)
