"""Read-ahead for scripts: iterate over an image sequence while the next images load.

The same plan and store rules as the viewer, without Qt: a ``ThreadPoolExecutor`` reads and
decodes ahead of the caller, a bounded LRU store keeps recent results, and a failure is
raised to the caller for that image only (it is never cached).

Example::

    with Prefetcher(ImageSequence.from_folder("/mnt/scans")) as images:
        for loaded in images:
            process(loaded.image.pixels)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

from viewer.core.decode import LoadedFile, load_image
from viewer.core.readahead import Direction, ReadAheadPlan, direction_of
from viewer.core.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT, ImageStore

Loader = Callable[[str], LoadedFile]


class Prefetcher:
    """Loads ``paths[i]`` on demand and the plan's neighbours in the background.

    Thread-safe: ``get`` may be called from any thread. One lock guards the bookkeeping and
    is never held while reading or decoding.
    """

    def __init__(
        self,
        paths: Sequence[str],
        loader: Loader = load_image,
        plan: ReadAheadPlan = ReadAheadPlan(),
        workers: int = 2,
        max_images: int = DEFAULT_MAX_COUNT,
        max_bytes: int = DEFAULT_MAX_COST,
    ) -> None:
        self._paths = paths
        self._loader = loader
        self._plan = plan.fitted_to(max_images)
        self._store: ImageStore[str, LoadedFile] = ImageStore(max_images, max_bytes)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="prefetch")
        self._pending: dict[int, Future[LoadedFile]] = {}
        # Re-entrant: a future that is cancelled or already done runs its callback at once.
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._current: int | None = None
        self._direction = Direction.FORWARD
        self.loads_started = 0

    def __len__(self) -> int:
        return len(self._paths)

    def __iter__(self) -> Iterator[LoadedFile]:
        for index in range(len(self._paths)):
            yield self.get(index)

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(self, index: int) -> LoadedFile:
        """The loaded image at ``index``, waiting only for that image.

        Raises:
            DecodeError: the image cannot be read or decoded.
            IndexError: ``index`` is out of range.
        """
        if not 0 <= index < len(self._paths):
            raise IndexError(f"index {index} out of range 0..{len(self._paths) - 1}")
        with self._lock:
            self._direction = direction_of(self._current, index, self._direction)
            self._current = index
            cached = self._store.lookup(self._paths[index])
            future = None if cached is not None else self._start(index)
            self._schedule_read_ahead(index)
        if cached is not None:
            return cached
        assert future is not None
        return future.result()

    def cached(self, index: int) -> bool:
        """Whether ``index`` is in the store now (for tests and progress displays)."""
        with self._lock:
            return self._store.contains(self._paths[index])

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until no load is pending; True if that happened within ``timeout`` seconds."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._pending, timeout=timeout)

    def close(self) -> None:
        """Cancel queued read-ahead and wait for running loads to finish."""
        with self._lock:
            for future in self._pending.values():
                future.cancel()
        self._executor.shutdown(wait=True)

    def _schedule_read_ahead(self, index: int) -> None:
        """Load the images ahead; images behind are kept if stored, never read again here,
        as in the viewer: a script going forward has no use for them."""
        load, _behind = self._plan.split(index, len(self._paths), self._direction)
        for stale in [i for i in self._pending if i not in load]:
            if self._pending[stale].cancel():
                self._pending.pop(stale, None)
        for neighbour in load[1:]:
            if not self._store.contains(self._paths[neighbour]):
                self._start(neighbour)

    def _start(self, index: int) -> Future[LoadedFile]:
        """The load for ``index``: the one already pending, or a new one. Lock held."""
        future = self._pending.get(index)
        if future is None:
            self.loads_started += 1
            future = self._executor.submit(self._loader, self._paths[index])
            self._pending[index] = future
            future.add_done_callback(functools.partial(self._on_done, index))
        return future

    def _on_done(self, index: int, future: Future[LoadedFile]) -> None:
        with self._lock:
            if self._pending.get(index) is future:
                del self._pending[index]
            if not future.cancelled() and future.exception() is None:
                loaded = future.result()
                self._store.insert(loaded.path, loaded, loaded.cost)
            self._idle.notify_all()
