"""Renderings: the store of decoded images, keyed by file version and display box.

One file may be stored at several display boxes (the window was resized, or a full-resolution
copy was made for zooming in), but only for the version of the file read last: an edit in
place changes the file's ``FileStamp``, and ``purge_if_edited`` drops every rendering of the
old version. The sizes of images seen so far are kept after their pixels are evicted, so the
cost of loading one again can be estimated before it is read.

Qt-free, like the ``ImageStore`` it wraps: values are whatever the caller keeps (the Qt model
keeps ``LoadResult``s holding a QImage). Not thread-safe: the viewer uses it from the GUI
thread only.
"""

from __future__ import annotations

from typing import Callable, Generic, NamedTuple, TypeVar

from viewer.core.formats.geometry import Size, fit_within
from viewer.core.io.reading import FileStamp
from viewer.core.metadata.image_info import ImageInfo
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT, ImageStore

V = TypeVar("V")


class RenderingKey(NamedTuple):
    """One rendering of one file: its version, and the display box its pixels fit."""

    path: str
    stamp: FileStamp
    display_box: Size | None  # None: full resolution


class Renderings(Generic[V]):
    """Stored renderings by ``RenderingKey``, with the sizes and versions of files seen.

    Attributes:
        on_drop: optional callback with the path of each rendering evicted or purged.
    """

    def __init__(
        self,
        max_count: int = DEFAULT_MAX_COUNT,
        max_cost: int = DEFAULT_MAX_COST,
        on_drop: Callable[[str], None] | None = None,
    ) -> None:
        self.on_drop = on_drop
        self._store: ImageStore[RenderingKey, V] = ImageStore(max_count, max_cost, self._evicted)
        self._stamps: dict[str, FileStamp] = {}
        self._infos: dict[str, ImageInfo] = {}
        # Cost of the last rendering kept: the estimate for a file not loaded before.
        self._last_cost: int | None = None

    @property
    def store(self) -> ImageStore[RenderingKey, V]:
        """The underlying LRU store (read it; write through ``Renderings``)."""
        return self._store

    def set_limits(self, max_count: int, max_cost: int) -> None:
        """Change the store's bounds now, evicting least recently used renderings."""
        self._store.set_limits(max_count, max_cost)

    def key(self, path: str, display_box: Size | None) -> RenderingKey | None:
        """The key of ``path``'s current version at ``display_box``; None if never read."""
        stamp = self._stamps.get(path)
        return None if stamp is None else RenderingKey(path, stamp, display_box)

    def has(self, path: str, display_box: Size | None) -> bool:
        """Whether ``path`` is stored at ``display_box``; does not change the LRU order."""
        key = self.key(path, display_box)
        return key is not None and self._store.contains(key)

    def lookup(self, path: str, display_box: Size | None) -> V | None:
        """The rendering at ``display_box``, marking it most recently used; None if absent."""
        key = self.key(path, display_box)
        return None if key is None else self._store.lookup(key)

    def peek(self, path: str, display_box: Size | None) -> V | None:
        """The rendering at ``display_box`` without changing the LRU order."""
        key = self.key(path, display_box)
        return None if key is None else self._store.peek(key)

    def lookup_any(self, path: str) -> V | None:
        """The largest stored rendering of ``path``'s current version, at any box."""
        stamp = self._stamps.get(path)
        keys = [key for key in self._store if key.path == path and key.stamp == stamp]
        best = max(keys, key=self._store.cost, default=None)
        return None if best is None else self._store.peek(best)

    def add(self, key: RenderingKey, info: ImageInfo, value: V, cost: int) -> bool:
        """Store a finished rendering and remember its file's version and size.

        Returns False when the rendering is too big to keep at all (see ``ImageStore``).
        """
        self._stamps[key.path] = key.stamp
        self._infos[key.path] = info
        kept = self._store.insert(key, value, cost)
        if kept:
            self._last_cost = cost  # an image too big to keep says little about the next
        return kept

    def info(self, path: str) -> ImageInfo | None:
        """Size and format of ``path`` once it has been loaded (kept after eviction)."""
        return self._infos.get(path)

    def knows_a_size(self) -> bool:
        """Whether any rendering has been kept yet, so estimates mean something."""
        return self._last_cost is not None

    def estimate(self, path: str, display_box: Size | None) -> int:
        """Bytes ``path`` will take at ``display_box``: known from an earlier load, else the
        last rendering's."""
        info = self._infos.get(path)
        if info is None:
            return self._last_cost or 0
        size = (info.width, info.height)
        width, height = size if display_box is None else fit_within(size, display_box)
        return width * height * 4

    def evict_to_fit(self, budget: int, protected: set[str]) -> bool:
        """Evict renderings, least recently used first, until the total cost is within
        ``budget``; renderings of paths in ``protected`` stay. False if it cannot fit."""
        for key in self._store:  # least recently used first
            if self._store.total_cost() <= budget:
                break
            if key.path not in protected:
                self._drop(key)
        return self._store.total_cost() <= budget

    def purge_if_edited(self, path: str, stamp: FileStamp | None) -> bool:
        """``path`` was seen on disk with ``stamp``: if that is not the version stored,
        drop every rendering of it and forget its version. True if something was dropped.

        A file that could not be stat'ed (``stamp`` None) keeps its renderings: the next
        load of it says what is wrong.
        """
        known = self._stamps.get(path)
        if stamp is None or known is None or stamp == known:
            return False
        for key in self._store:
            if key.path == path:
                self._drop(key)
        del self._stamps[path]
        return True

    def stamp(self, path: str) -> FileStamp | None:
        """The version of ``path`` read last, or None if it was never read."""
        return self._stamps.get(path)

    def rename(self, old: str, new: str | None) -> None:
        """The viewer renamed ``old`` to ``new`` (None: moved away or deleted): its renderings
        and what is known of it follow the file, or go."""
        for key in [key for key in self._store if key.path == old]:
            value, cost = self._store.peek(key), self._store.cost(key)
            self._drop(key)
            if new is not None and value is not None:
                self._store.insert(key._replace(path=new), value, cost)
        stamp, info = self._stamps.pop(old, None), self._infos.pop(old, None)
        if new is not None and stamp is not None and info is not None:
            self._stamps[new], self._infos[new] = stamp, info

    def _drop(self, key: RenderingKey) -> None:
        self._store.remove(key)
        self._evicted(key, None)

    def _evicted(self, key: RenderingKey, value: object) -> None:
        if self.on_drop is not None:
            self.on_drop(key.path)
