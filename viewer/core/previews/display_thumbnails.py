"""Thumbnails derived from display loads, saved on a thread of their own.

When the viewer reads a whole file to show it, a thumbnail costs no byte more: the display
image is copied (so the image can be freed at once), and reduced to the largest flavour and
written to the cache on a background thread, so the load's worker hands its image over at
once and goes straight on to the next read. A thumbnail already fresh in the cache is not
written again.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

from viewer.core.formats.decode import DecodedImage, LoadedFile
from viewer.core.formats.thumbnail_pixels import from_qt_layout, to_qt_layout
from viewer.core.io.reading import FileStamp
from viewer.core.previews.thumbcache import FLAVOURS, ThumbnailCache

_log = logging.getLogger(__name__)

#: Writes waiting beyond this are dropped: thumbnails are a convenience, memory is not free.
MAX_PENDING = 8
_LARGEST = FLAVOURS[-1][1]


class DisplayThumbnails:
    """Offers display loads to the thumbnail cache, off the loading threads.

    Attributes:
        written: thumbnails saved so far (tests and benchmarks count them).
    """

    def __init__(self, cache: ThumbnailCache, max_pending: int = MAX_PENDING) -> None:
        self._cache = cache
        self._max_pending = max_pending
        self._pending = 0
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="thumbnail-writer")
        self.written = 0

    @property
    def cache(self) -> ThumbnailCache:
        return self._cache

    def offer(self, loaded: LoadedFile) -> None:
        """Queue thumbnails of a finished display load (damaged or tiny ones are skipped)."""
        image = loaded.image
        if image.note.startswith("damaged") or not self._cache.writable:
            return
        if max(image.width, image.height) < FLAVOURS[0][1] and image.full_size is not None:
            return  # a display image smaller than a thumbnail is no source for one
        with self._lock:
            if self._pending >= self._max_pending:
                return
            self._pending += 1
        # A plain copy here (1-2 ms), the reduction on the writer: reduced here, it held up
        # the image the user waits for by 34 ms (a 1200×800 display image, LANCZOS to 512).
        copy = DecodedImage(np.array(image.pixels), image.has_alpha, image.format,
                            full_size=image.full_size or (image.width, image.height))  # fmt: skip
        self._executor.submit(self._write, loaded.path, loaded.stamp, copy)

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=not wait)

    def _write(self, path: str, stamp: FileStamp, image: DecodedImage) -> None:
        try:
            if not self._cache.is_fresh(path, stamp, _LARGEST):
                self._cache.store(path, stamp, _reduced(image, _LARGEST))
                with self._lock:
                    self.written += 1
        except Exception:
            _log.exception("Cannot save the thumbnail of %s", path)
        finally:
            with self._lock:
                self._pending -= 1


def _reduced(image: DecodedImage, size: int) -> DecodedImage:
    """The image at most ``size`` long."""
    picture = from_qt_layout(image.pixels, image.has_alpha)
    picture.thumbnail((size, size), Image.Resampling.LANCZOS)
    pixels, has_alpha = to_qt_layout(picture)
    full = image.full_size or (image.width, image.height)
    return DecodedImage(pixels, has_alpha, image.format, full_size=full)
