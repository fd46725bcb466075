"""The QRunnable that reads and decodes one image on a pool thread.

A QRunnable is not a QObject, so results travel through one long-lived ``TaskSignals``
object that the model owns and that lives on the GUI thread: emitting from a worker queues
the call to the GUI thread. ``run`` turns every exception into a ``failed`` emission, so a
bad file never takes down a worker.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional

from PyQt5.QtCore import QObject, QRunnable, pyqtSignal
from PyQt5.QtGui import QImage

from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.decode import LoadedFile
from viewer.core.formats.geometry import Size
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.formats.load import load_image
from viewer.core.formats.pixels import Allocator
from viewer.core.io.cancel import Cancelled, cancellable, check_cancelled
from viewer.core.io.reading import DecodeError, FileStamp
from viewer.core.io.right_of_way import RightOfWay
from viewer.core.metadata.image_info import ImageInfo
from viewer.model.images.qimage_buffer import QImageAllocator
from viewer.model.images.thread_nice import be_nice

log = logging.getLogger(__name__)

#: ``(path, allocate, display_box) -> LoadedFile``: ``display_box`` is in device pixels, or
#: None for full resolution. Tests inject slow or failing ones.
Loader = Callable[[str, Allocator, Optional[Size]], LoadedFile]


class FileLoader:
    """The real loader: read and decode files, each within ``max_bytes`` of pixels.

    Attributes:
        max_bytes: the per-image memory limit; each load reads it when it starts.
        colour: converts embedded colour profiles.
    """

    def __init__(
        self, max_bytes: int = DEFAULT_MAX_IMAGE_BYTES, colour: ColourSettings | None = None
    ) -> None:
        self.max_bytes = max_bytes
        self.colour = ColourManager(colour)

    def __call__(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
        return load_image(path, allocate, self.max_bytes, display_box, self.colour)

    def set_max_bytes(self, max_bytes: int) -> None:
        """Decode each image within ``max_bytes`` from the next load on."""
        self.max_bytes = max_bytes

    def set_colour(self, colour: ColourSettings) -> None:
        """Convert with ``colour`` from the next load on; images kept stay as they were made."""
        self.colour.settings = colour

    def set_thumbnail_budget(self, budget_bytes: int) -> None:
        """Where this loader leaves thumbnails, keep at most ``budget_bytes`` (it leaves
        none: nothing to do)."""


@dataclass
class LoadResult:
    """A finished load, ready for the GUI thread: a QImage that owns its pixels."""

    path: str
    image: QImage
    info: ImageInfo
    stamp: FileStamp
    display_box: Size | None = None  # what it was made for; None: full resolution
    seconds: float = 0.0  # from the start on a worker to the result: what one load costs

    @property
    def cost(self) -> int:
        return int(self.image.sizeInBytes())


class TaskSignals(QObject):
    """Carries results from pool threads to the model on the GUI thread.

    Signals:
        loaded(LoadTask, LoadResult): the task finished with an image.
        failed(LoadTask, str): the task failed; the string is a sentence for the user.
        cancelled(LoadTask): the task stopped because the model called it off.
    """

    loaded = pyqtSignal(object, object)
    failed = pyqtSignal(object, str)
    cancelled = pyqtSignal(object)


class PoolTask(QRunnable):
    """A runnable the model owns from ``start`` until its result signal arrives.

    Python, not Qt, owns it (``autoDelete`` is off): the model drops its reference only when
    the task has signalled, or after ``tryTake`` took it back out of the queue. Dropping it any
    earlier could free a task that a pool thread has dequeued but not yet begun to run.

    Attributes:
        path: the file the task works on.
        started: set once a pool thread has begun ``run``; a started task cannot be taken back.
        finished: set when ``run`` returns, before the model has handled its signal.
    """

    def __init__(self, path: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.path = path
        self.started = threading.Event()
        self.finished = threading.Event()

    def run(self) -> None:
        self.started.set()
        be_nice()
        try:
            self.work()
        finally:
            self.finished.set()  # its thread is free, though its signal may still be queued

    def work(self) -> None:
        raise NotImplementedError


class LoadTask(PoolTask):
    """Load one path with the injected loader; every exception becomes ``failed``.

    Attributes:
        call_off: set to stop the load between two chunks of its read; it also names the
            load to ``way`` (the right of way: while another load has it and runs, this
            one's reads wait between chunks).
        delivered: set once an image is on its way to the model; a task that finished
            without one (called off, or failed) holds no memory any more.
        display_box: the box to decode for, or None for full resolution. The model may change
            it while the task is still queued (a window resize retargets queued work instead
            of queueing more); the box actually used travels with the result.
    """

    def __init__(
        self,
        path: str,
        loader: Loader,
        signals: TaskSignals,
        display_box: Size | None = None,
        clock: Callable[[], float] = time.monotonic,
        way: RightOfWay | None = None,
    ) -> None:
        super().__init__(path)
        self.display_box = display_box
        self.call_off = threading.Event()
        self.delivered = False
        self._loader = loader
        self._signals = signals
        self._clock = clock
        self._way = way

    def work(self) -> None:
        display_box = self.display_box
        began = self._clock()
        try:
            allocator = QImageAllocator()
            with cancellable(self.call_off, self._way):
                check_cancelled()
                loaded = self._loader(self.path, allocator, display_box)
            image = allocator.take(loaded.image)
            seconds = self._clock() - began
            result = LoadResult(self.path, image, loaded.info(), loaded.stamp, display_box, seconds)
        except Cancelled:
            self._signals.cancelled.emit(self)
        except DecodeError as error:
            self._signals.failed.emit(self, str(error))
        except Exception as error:
            log.exception("Unexpected error loading %s", self.path)
            name = os.path.basename(self.path)
            self._signals.failed.emit(self, f"Cannot show {name}: {error}")
        else:
            self.delivered = True  # set before the signal: the model may read it at once
            self._signals.loaded.emit(self, result)


class StampSignals(QObject):
    """Carries file stamps from pool threads to the model.

    Signals:
        stamped(str, object): a path and its ``FileStamp``, or None if it cannot be read.
    """

    stamped = pyqtSignal(str, object)


class StampTask(PoolTask):
    """Stat one file, so a cached image that was edited in place is noticed and read again."""

    def __init__(self, path: str, signals: StampSignals) -> None:
        super().__init__(path)
        self._signals = signals

    def work(self) -> None:
        try:
            status = os.stat(self.path)
        except OSError:
            self._signals.stamped.emit(self.path, None)
        else:
            self._signals.stamped.emit(self.path, FileStamp.of(status))
