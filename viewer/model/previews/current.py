"""The preview of the image the user is on, for exactly as long as its real image is missing.

The window tells ``CurrentPreview`` where the user moved and whether the model served the
image at once. If not, the preview comes, best first:

- from memory (a preview kept from before);
- from the image's own load, which reads the file's head first and announces the EXIF
  thumbnail in it (``headPreview``): no extra byte, no extra round trip;
- from the preview pool, when no load of the image is under way (a held key outruns the
  loads), or the loader does not announce heads; it reads nothing before the image's own
  load has started, so it never stands before it on the link. While other loads are under
  way it only looks in the thumbnail cache: on a share mounted with read-ahead (rclone's
  16 MB buffer, the SMB client's), a 64 KB read pulls megabytes over the link, which
  delayed the sharp image of the place a held key stopped by about 300 ms.

``previewReady`` is emitted only for the current index and path, and never after that
image's real pixels arrived: a preview never replaces a sharp image, and a late one never
shows under another index.
"""

from __future__ import annotations

import threading
from typing import Callable, Optional

from PyQt5.QtCore import QObject, QSize, pyqtBoundSignal, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.formats.geometry import Size
from viewer.model.previews.queue import Preview, PreviewQueue

#: ``path -> threading.Event | None``: the "started" flag of the load under way for a path.
LoadStarted = Callable[[str], Optional[threading.Event]]


class CurrentPreview(QObject):
    """Decides when the current image's preview may be shown.

    Signals:
        previewReady(int, QImage, QSize): show this preview for the current index, fitted as
            an image of the given full, upright size.
    """

    previewReady = pyqtSignal(int, QImage, QSize)

    def __init__(
        self,
        image_ready: pyqtBoundSignal,  # the model's imageReady(int, QImage)
        queue: PreviewQueue,
        load_started: LoadStarted,
        head_previews: pyqtBoundSignal | None = None,  # the loader's headPreview(str, object)
        loads_in_flight: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._load_started = load_started
        self._in_flight = loads_in_flight
        self._heads = head_previews is not None
        self._index: int | None = None
        self._path = ""
        self._sharp = True
        self._shown_width = 0  # of the preview on screen: a smaller one never replaces it
        image_ready.connect(self._on_image_ready)
        queue.previewReady.connect(self._on_preview_ready)
        if head_previews is not None:
            head_previews.connect(self._on_head_preview)

    @property
    def queue(self) -> PreviewQueue:
        return self._queue

    @property
    def waiting(self) -> bool:
        """Whether the current image's real pixels are still to come."""
        return not self._sharp

    def moved(self, index: int, path: str, served: bool, box: Size) -> None:
        """The user is now at ``index``; ``served`` if the model had its image at once."""
        self._index, self._path = index, path
        self._sharp = served
        if served:
            self._queue.call_off()
            return
        self._shown_width = 0
        load = self._load_started(path)
        if self._heads and load is not None:
            # Its load brings the EXIF preview with the file's first bytes; meanwhile only
            # the thumbnail cache is looked in, which reads nothing of the file.
            self._queue.request(index, path, box, embedded=False)
            return
        others = 0 if self._in_flight is None else self._in_flight() - (load is not None)
        self._queue.request(index, path, box, after=load, embedded=others <= 0)

    def reset(self) -> None:
        """No image is current (another folder, or none)."""
        self._index, self._path, self._sharp = None, "", True
        self._queue.call_off()

    @pyqtSlot(int, QImage)
    def _on_image_ready(self, index: int, image: QImage) -> None:
        if index == self._index and not self._sharp:
            self._sharp = True
            self._queue.call_off()

    @pyqtSlot(str, object)
    def _on_head_preview(self, path: str, preview: Preview) -> None:
        kept = self._queue.cached(path)
        if kept is None or kept.image.width() < preview.image.width():
            self._queue.keep(path, preview)
        if self._index is not None:
            self._show(self._index, path, preview)

    @pyqtSlot(int, str, object)
    def _on_preview_ready(self, index: int, path: str, preview: Preview) -> None:
        self._show(index, path, preview)

    def _show(self, index: int, path: str, preview: Preview) -> None:
        """Announce a preview of the current image, unless its real pixels or a sharper
        preview are on screen already."""
        width = preview.image.width()
        current = index == self._index and path == self._path and not self._sharp
        if current and width > self._shown_width:
            self._shown_width = width
            self.previewReady.emit(index, preview.image, preview.full_size)
