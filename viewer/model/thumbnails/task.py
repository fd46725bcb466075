"""The QRunnable that makes one thumbnail on the thumbnail pool, and the loaders it runs.

The task runs the injected loader inside ``cancellable`` (``viewer.core.io.cancel``), so a read
of an item the user scrolled away from stops at its next chunk. The loader's pixels become a
QImage that owns its memory; the QPixmap is made later, on the GUI thread, by the model.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Callable

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtGui import QImage

from viewer.core.formats.decode import DecodedImage
from viewer.core.io.cancel import Cancelled, cancellable, check_cancelled
from viewer.core.io.reading import DecodeError
from viewer.model.images.load_task import PoolTask
from viewer.model.images.qimage_buffer import to_qimage

log = logging.getLogger(__name__)

#: ``(path, size) -> DecodedImage``: pixels in the decoder's layout, upright, longest side at
#: most ``size``. The thumbnailer (``make_thumbnail`` with its cache bound) has this shape;
#: tests inject counting, gated and failing ones.
ThumbnailLoader = Callable[[str, int], DecodedImage]


class ThumbnailSignals(QObject):
    """Carries thumbnails from the pool thread to the model on the GUI thread.

    Signals:
        made(ThumbnailTask, QImage): the thumbnail is ready.
        failed(ThumbnailTask, str): no thumbnail; the string is a sentence for the user.
        cancelled(ThumbnailTask): the model called the task off before it finished.
    """

    made = pyqtSignal(object, QImage)
    failed = pyqtSignal(object, str)
    cancelled = pyqtSignal(object)


class ThumbnailTask(PoolTask):
    """Make one thumbnail of ``path`` at ``size``; every exception becomes ``failed``.

    Attributes:
        size: the longest side asked for.
        generation: the model's folder generation when the task was made; a result from an
            older folder is dropped.
        call_off: set by the model to stop a running read at its next chunk.
    """

    def __init__(
        self,
        path: str,
        size: int,
        generation: int,
        loader: ThumbnailLoader,
        signals: ThumbnailSignals,
    ) -> None:
        super().__init__(path)
        self.size = size
        self.generation = generation
        self._loader = loader
        self._signals = signals
        self.call_off = threading.Event()

    def work(self) -> None:
        try:
            with cancellable(self.call_off):
                check_cancelled()
                decoded = self._loader(self.path, self.size)
                check_cancelled()
            image = to_qimage(decoded)  # a thumbnail is small: one copy is cheap
        except Cancelled:
            self._signals.cancelled.emit(self)
        except DecodeError as error:
            self._signals.failed.emit(self, str(error))
        except Exception as error:
            log.exception("Unexpected error making a thumbnail of %s", self.path)
            name = os.path.basename(self.path)
            self._signals.failed.emit(self, f"No thumbnail for {name}: {error}")
        else:
            self._signals.made.emit(self, image)
