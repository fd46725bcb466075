"""``Prefetch``: a sequence of loaded items that reads ahead of the loop using it.

The viewer's rules, without Qt: ``ReadAheadPlan`` says which indexes to have ready given
the direction of travel, ``ImageStore`` keeps recent results within a count and a byte
budget, and ``WorkerPool`` loads on daemon threads. Iterating forwards reads ahead forwards;
``reversed()`` reads ahead backwards; ``seq[i]`` after a jump works out the direction from
the move, as the viewer does with keys.

Safe to use from one consumer thread at a time (the pool's condition guards the state).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from viewer.core.prefetch.depth import Ahead, Depth, ceiling_for
from viewer.core.prefetch.items import Item, OnError, check_on_error, failed, timeout_error
from viewer.core.prefetch.loaders import cost_of
from viewer.core.prefetch.pool import Outcome, WorkerPool
from viewer.core.prefetch.progress import progress_bar
from viewer.core.prefetch.sources import Source, resolve_paths
from viewer.core.prefetch.stats import Counters, Stats
from viewer.core.readahead.plan import Direction, ReadAheadPlan, direction_of
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT, ImageStore

T = TypeVar("T")
logger = logging.getLogger(__name__)

Clock = Callable[[], float]


class Prefetch(Generic[T]):
    """``loader(path)`` for every path, read ahead of the consumer on worker threads.

    Args:
        source: a folder, a glob pattern, or a list of paths (see ``resolve_paths``).
        loader: ``path -> value``, run on a worker (the transform already folded in).
        ahead: images to read ahead in the direction of travel, or ``"auto"``.
        behind: images the other way to keep (never read again for them).
        workers: loads at once.
        max_items, max_bytes: the store's bounds; ``cost(value)`` is what counts as bytes.
        ordered: False hands items out as they finish (the next ``ahead + 1`` at a time).
        on_error: ``"raise"`` the load's exception, ``"skip"`` the item, or ``"return"``
            it as an ``Item`` whose ``error`` is set.
        timeout: seconds a read may take before it fails with ``TimeoutError``; None waits.
        progress: show a tqdm bar while iterating (if tqdm is installed).
        natural: natural order for a folder or a glob.
        clock: what the consumer's waits are measured with (stats and ``ahead="auto"``).
    """

    def __init__(
        self,
        source: Source,
        loader: Callable[[str], T],
        *,
        ahead: Ahead = 2,
        behind: int = 1,
        workers: int = 2,
        max_items: int = DEFAULT_MAX_COUNT,
        max_bytes: int = DEFAULT_MAX_COST,
        ordered: bool = True,
        on_error: OnError = "raise",
        timeout: float | None = None,
        progress: bool = False,
        natural: bool = True,
        cost: Callable[[Any], int] = cost_of,
        clock: Clock = time.perf_counter,
    ) -> None:
        self.paths: list[str] = resolve_paths(source, natural)
        self.loader = loader
        self._depth = Depth(ahead)
        self._behind = behind
        ReadAheadPlan(0, behind)  # checks behind
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be positive (or None to wait for ever)")
        self._timeout = timeout
        self._ordered = ordered
        self._on_error = check_on_error(on_error)
        self._progress = progress
        self._clock = clock
        self._store: ImageStore[int, T] = ImageStore(max_items, max_bytes)
        self._pool = WorkerPool(self.paths, loader, self._store, cost, workers)
        self._counters = Counters()
        self._current: int | None = None
        self._direction = Direction.FORWARD

    # --- the sequence ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> Item[T]:
        """The item at ``index`` (negative counts from the end), reading ahead from there
        in the direction of the move. A failure raises, unless ``on_error="return"``."""
        if not -len(self.paths) <= index < len(self.paths):
            raise IndexError(f"index {index} out of range for {len(self.paths)} paths")
        index %= len(self.paths)
        with self._pool.cond:
            direction = direction_of(self._current, index, self._direction)
        item = self._get(index, direction)
        if item.error is not None and self._on_error != "return":
            raise item.error
        return item

    def __iter__(self) -> Iterator[Item[T]]:
        return self.iter_from(0)

    def __reversed__(self) -> Iterator[Item[T]]:
        return self.iter_from(len(self.paths) - 1, reverse=True)

    def iter_from(self, start: int, reverse: bool = False) -> Iterator[Item[T]]:
        """Items from ``start`` to the end (or, with ``reverse``, down to the first)."""
        if self.paths and not 0 <= start < len(self.paths):
            raise IndexError(f"start {start} out of range for {len(self.paths)} paths")
        step = -1 if reverse else 1
        stop = -1 if reverse else len(self.paths)
        order = list(range(start, stop, step)) if self.paths else []
        direction = Direction.BACKWARD if reverse else Direction.FORWARD
        items: Iterator[Item[T]]
        if self._ordered:
            items = (self._get(index, direction) for index in order)
        else:
            items = self._as_finished(order, direction)
        return self._handed_out(items, len(order))

    # --- lifetime --------------------------------------------------------------------------

    def __enter__(self) -> Prefetch[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and free the store. Returns at once, even with a read blocked: the
        workers are daemon threads that are never waited on."""
        with self._pool.cond:
            self._pool.close()

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until the read-ahead asked for is done (hung reads aside); True if it was
        within ``timeout`` seconds. For tests and for scripts that want a warm store."""
        with self._pool.cond:
            return self._pool.cond.wait_for(self._pool.idle, timeout)

    def cached(self, index: int) -> bool:
        """Whether the item at ``index`` is stored now."""
        with self._pool.cond:
            return index in self._store

    @property
    def stats(self) -> Stats:
        """The counters now (see ``Stats``)."""
        with self._pool.cond:
            counts, pool = self._counters, self._pool
            return Stats(
                counts.hits, counts.misses, counts.wait_s, pool.bytes_read, pool.loads,
                counts.errors, counts.timeouts, pool.in_flight(), pool.hung(),
                self._plan().ahead, len(self._store), self._store.total_cost(),
            )  # fmt: skip

    # --- ordered access --------------------------------------------------------------------

    def _get(self, index: int, direction: Direction) -> Item[T]:
        """Move to ``index``, read ahead from there, and wait for its own load."""
        with self._pool.cond:
            self._check_open()
            self._current, self._direction = index, direction
            wanted = self._plan().split(index, len(self.paths), direction)[0]
            # A cold miss (the first item, a jump) reads alone, as in the viewer: on a share
            # it gets the whole link instead of sharing it with the read-ahead.
            cold = not self._pool.ready(index) and self._pool.started(index) is None
            self._pool.want(wanted, alone=cold)
            outcome = self._pool.take(index)
            if outcome is not None:
                self._counters.hits += 1
                self._depth.observe(0.0, self._ceiling())
            else:
                began = self._clock()
                outcome = self._wait_for([index])[1]
                waited = self._clock() - began
                self._counters.waited(waited)
                self._depth.observe(waited, self._ceiling())
                if cold and not self._pool.closed:
                    self._pool.want(self._plan().split(index, len(self.paths), direction)[0])
            return self._item(index, outcome)

    def _plan(self) -> ReadAheadPlan:
        return ReadAheadPlan(min(self._depth.ahead, self._ceiling()), self._behind)

    def _ceiling(self) -> int:
        """The deepest read-ahead the store holds, by count and by a typical item's bytes."""
        store = self._store
        typical = store.total_cost() // len(store) if len(store) else 0
        return ceiling_for(store.max_count, store.max_cost, self._behind, typical)

    def _wait_for(self, indexes: Sequence[int]) -> tuple[int, Outcome[T]]:
        """The first of ``indexes`` to finish, or to outlive the timeout. Condition held."""
        pool = self._pool
        while True:
            self._check_open()
            for index in indexes:
                outcome = pool.take(index) if pool.ready(index) else None
                if outcome is not None:
                    return index, outcome
            wait: float | None = None
            for index in indexes:
                left = self._time_left(index)
                if left is not None and left <= 0:
                    pool.abandon(index)
                    self._counters.timeouts += 1
                    return index, Outcome(
                        error=timeout_error(self.paths[index], self._timeout or 0)
                    )
                if left is not None:
                    wait = left if wait is None else min(wait, left)
            pool.cond.wait(wait)

    def _time_left(self, index: int) -> float | None:
        started = self._pool.started(index)
        if self._timeout is None or started is None:
            return None
        return started + self._timeout - time.monotonic()

    def _item(self, index: int, outcome: Outcome[T]) -> Item[T]:
        path = self.paths[index]
        if outcome.error is None:
            return Item(index, path, outcome.value)
        self._counters.errors += 1
        return failed(index, path, outcome.error)

    def _check_open(self) -> None:
        if self._pool.closed:
            raise ValueError("the prefetcher is closed")

    # --- iteration -------------------------------------------------------------------------

    def _as_finished(self, order: list[int], direction: Direction) -> Iterator[Item[T]]:
        """Items in the order their loads finish, ``ahead + 1`` under way at a time."""
        pending = list(order)
        while pending:
            with self._pool.cond:
                self._check_open()
                self._direction = direction
                window = pending[: self._plan().ahead + 1]
                self._pool.want(window)
                ready = [i for i in window if self._pool.ready(i)]
                waited = 0.0
                if ready:
                    index, outcome = self._wait_for(ready)
                    self._counters.hits += 1
                else:
                    began = self._clock()
                    index, outcome = self._wait_for(window)
                    waited = self._clock() - began
                    self._counters.waited(waited)
                self._depth.observe(waited, self._ceiling())
                self._current = index
                item = self._item(index, outcome)
            pending.remove(index)
            yield item

    def _handed_out(self, items: Iterator[Item[T]], total: int) -> Iterator[Item[T]]:
        """Apply the error policy and advance the progress bar."""
        bar = progress_bar(
            self._progress,
            total,
            os.path.basename(os.path.dirname(self.paths[0])) if self.paths else "images",
        )
        try:
            for item in items:
                bar.update()
                if item.error is None or self._on_error == "return":
                    yield item
                elif self._on_error == "skip":
                    logger.warning("skipped %s: %s", item.path, item.error)
                else:
                    raise item.error
        finally:
            bar.close()
