"""The designs people write by hand, shaped like ``PrefetchModel`` so the same window drives them.

Both answer ``request(index)`` by emitting ``imageReady`` before returning (they load on the
GUI thread when the image is not cached), which is exactly what makes them stall.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtGui import QImage

from viewer.core.formats.geometry import Size
from viewer.core.io.reading import DecodeError
from viewer.core.metadata.image_info import ImageInfo
from viewer.core.readahead.store import ImageStore
from viewer.model.images.load_state import LoadState
from viewer.model.images.load_task import Loader
from viewer.model.images.qimage_buffer import QImageAllocator

CACHE_IMAGES = 10


class BaselineModel(QObject):
    """What the window needs from a model, loading synchronously through ``load``.

    Signals:
        imageReady(int, QImage): the image at an index, emitted from ``request``.
        loadFailed(int, str): the image at an index cannot be shown.
        stateChanged(int): ``request`` moved to an index (what the cache indicator follows).
    """

    imageReady = pyqtSignal(int, QImage)
    loadFailed = pyqtSignal(int, str)
    stateChanged = pyqtSignal(int)

    def __init__(self, loader: Loader) -> None:
        super().__init__()
        self._loader = loader
        self._paths: Sequence[str] = ()
        self._infos: dict[int, ImageInfo] = {}
        self._current: int | None = None
        self._running = 0
        self._count_lock = threading.Lock()

    #: What the window's cache indicator reads: baselines report no read-ahead and no store.
    store: ImageStore[str, QImage] = ImageStore()

    @property
    def current_index(self) -> int | None:
        return self._current

    def wanted_span(self) -> range:
        """Only the current image: a baseline reads nothing ahead that the indicator shows."""
        return range(0) if self._current is None else range(self._current, self._current + 1)

    def set_paths(self, paths: Sequence[str]) -> None:
        self._paths = paths
        self._current = None

    def reindex(self, paths: Sequence[str]) -> int | None:
        """A changed listing of the same folder: what is kept by index follows its path.

        Returns the current image's new index, or None if it is gone, as ``PrefetchModel`` does.
        """
        moved = self._moves(paths)
        self._infos = {moved[i]: info for i, info in self._infos.items() if i in moved}
        self._paths = paths
        self._current = None if self._current is None else moved.get(self._current)
        return self._current

    def _moves(self, paths: Sequence[str]) -> dict[int, int]:
        """Old index -> new index of every path in both listings."""
        new_index = {path: i for i, path in enumerate(paths)}
        return {i: new_index[p] for i, p in enumerate(self._paths) if p in new_index}

    def count(self) -> int:
        return len(self._paths)

    def state(self, index: int) -> LoadState:
        return LoadState.ABSENT

    def image_info(self, index: int) -> ImageInfo | None:
        return self._infos.get(index)

    def in_flight(self) -> int:
        return self._running

    def set_display_box(self, box: Size | None) -> None:
        """Baselines decode every image whole and let the view scale it on the GUI thread."""

    def request_full(self, index: int) -> None:
        """Already full size: nothing finer to load."""

    def shutdown(self, wait: bool = False) -> None:
        """Nothing to take back: a baseline's loads run to the end."""

    def load(self, index: int) -> QImage:
        with self._count_lock:
            self._running += 1
        try:
            allocator = QImageAllocator()
            loaded = self._loader(self._paths[index], allocator, None)  # full size, as drawn
            self._infos[index] = loaded.info()
            return allocator.take(loaded.image)
        finally:
            with self._count_lock:
                self._running -= 1

    def request(self, index: int) -> bool:
        self._current = index
        self.stateChanged.emit(index)
        try:
            image = self.fetch(index)
        except DecodeError as error:
            self.loadFailed.emit(index, str(error))
            return True
        self.imageReady.emit(index, image)
        return True

    def fetch(self, index: int) -> QImage:
        return self.load(index)


class NaiveModel(BaselineModel):
    """Decode on the key press, on the GUI thread, with no cache."""


class ThreadPerImageModel(BaselineModel):
    """The textbook answer: load n under a lock if not cached, then a daemon thread loads n+1
    into a dict of the last 10. The lock is held across the load, as such code usually does."""

    def __init__(self, loader: Loader) -> None:
        super().__init__(loader)
        self._cache: dict[int, QImage] = {}
        self._lock = threading.Lock()

    def reindex(self, paths: Sequence[str]) -> int | None:
        with self._lock:  # a prefetch thread keys its result by an index of the old listing
            moved = self._moves(paths)
            self._cache = {moved[i]: image for i, image in self._cache.items() if i in moved}
            return super().reindex(paths)

    def fetch(self, index: int) -> QImage:
        with self._lock:
            image = self._cache.get(index)
            if image is None:
                image = self._keep(index, self.load(index))
        following = index + 1
        if following < len(self._paths) and following not in self._cache:
            threading.Thread(target=self._prefetch, args=(following,), daemon=True).start()
        return image

    def _prefetch(self, index: int) -> None:
        with self._lock:
            if index not in self._cache:
                with contextlib.suppress(DecodeError):  # shown when requested, as naive does
                    self._keep(index, self.load(index))

    def _keep(self, index: int, image: QImage) -> QImage:
        self._cache.pop(index, None)
        self._cache[index] = image
        while len(self._cache) > CACHE_IMAGES:
            del self._cache[next(iter(self._cache))]
        return image
