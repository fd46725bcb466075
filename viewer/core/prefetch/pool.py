"""The worker threads: they pull the most urgent wanted path, load it, and file the result.

Why not ``ThreadPoolExecutor``: its threads are joined at interpreter exit, so one read
blocked on a hung share keeps a finished script from exiting, and ``shutdown`` waits for it.
These workers are daemon threads that nobody joins. A read that outlives its timeout is
abandoned: its thread is left blocked, a fresh thread takes its place, and if the read ever
returns its result is dropped and the thread ends.

Work is pulled, not pushed: the consumer publishes the indexes it wants, most urgent first,
and an idle worker takes the first one that is neither stored nor under way. Moving on
therefore needs no queue surgery: what is no longer wanted is simply never started, and a
load under way that is no longer wanted is called off (``viewer.core.io.cancel``), so it stops
between chunks and leaves the bandwidth to the images still wanted.

One condition guards all of it, and it is never held while loading. The store is not
thread-safe on its own; it is only touched with the condition held.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from viewer.core.io.cancel import Cancelled, cancellable
from viewer.core.prefetch.stats import take_bytes_read
from viewer.core.readahead.store import ImageStore

T = TypeVar("T")
logger = logging.getLogger(__name__)

#: Abandoned reads that get a replacement thread; past this the pool works on with fewer.
MAX_ABANDONED = 16


@dataclass
class Load:
    """One load under way. ``started`` is ``time.monotonic()`` when a worker took it."""

    index: int
    started: float
    flag: threading.Event = field(default_factory=threading.Event)
    abandoned: bool = False


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A finished load as the consumer takes it: a value, or the exception it raised."""

    value: T | None = None
    error: BaseException | None = None


class WorkerPool(Generic[T]):
    """Daemon workers loading ``work(paths[i])`` for the wanted indexes into ``store``.

    Attributes:
        cond: the one condition; hold it to call any method here, and wait on it for
            results (every change of state notifies it).
    """

    def __init__(
        self,
        paths: Sequence[str],
        work: Callable[[str], T],
        store: ImageStore[int, T],
        cost: Callable[[Any], int],
        workers: int,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.cond = threading.Condition()
        self._paths = paths
        self._work = work
        self._store = store
        self._cost = cost
        self._wanted: list[int] = []
        self._wanted_set: set[int] = set()
        self._startable = 0
        self._running: dict[int, Load] = {}
        self._hung: dict[int, Load] = {}
        self._failed: dict[int, BaseException] = {}
        self._unstored: dict[int, T] = {}  # wanted results too large for the store
        self._closed = False
        self._abandoned_total = 0
        self.loads = 0
        self.bytes_read = 0
        for _ in range(workers):
            self._spawn()

    # --- the consumer's side (condition held) -------------------------------------------

    def want(self, indexes: Sequence[int], alone: bool = False) -> None:
        """Load these, most urgent first; call off loads under way that are not among them.

        With ``alone``, only the first may start for now (the rest stay wanted, so loads of
        them already under way go on): on a share it then has the whole link to itself.
        """
        self._wanted = list(indexes)
        self._wanted_set = set(indexes)
        self._startable = 1 if alone else len(self._wanted)
        for index, load in self._running.items():
            if index not in self._wanted_set:
                load.flag.set()
        for kept in (self._failed, self._unstored):
            for index in [i for i in kept if i not in self._wanted_set]:
                del kept[index]
        self.cond.notify_all()

    def take(self, index: int) -> Outcome[T] | None:
        """The finished load of ``index`` (a stored value stays stored), or None."""
        value = self._store.lookup(index)
        if value is not None:
            return Outcome(value)
        if index in self._failed:
            return Outcome(error=self._failed.pop(index))
        if index in self._unstored:
            return Outcome(self._unstored.pop(index))
        return None

    def ready(self, index: int) -> bool:
        """Whether ``take(index)`` would answer now, without changing the LRU order."""
        return index in self._store or index in self._failed or index in self._unstored

    def started(self, index: int) -> float | None:
        """When the read of ``index`` began (``time.monotonic``); None if not under way.
        A read already abandoned counts as begun long ago."""
        if index in self._hung:
            return float("-inf")
        load = self._running.get(index)
        return None if load is None else load.started

    def abandon(self, index: int) -> None:
        """Give up on the read of ``index``: leave its thread blocked, start another."""
        load = self._running.pop(index, None)
        if load is None:
            return
        load.abandoned = True
        load.flag.set()
        self._hung[index] = load
        self._abandoned_total += 1
        if self._abandoned_total <= MAX_ABANDONED:
            self._spawn()
        else:
            logger.warning("%d reads hung; no more spare threads", self._abandoned_total)
        self.cond.notify_all()

    def close(self) -> None:
        """Stop starting loads, call off those under way, and drop what is stored.
        Returns at once: no thread is waited on."""
        self._closed = True
        self.want([])
        self._store.clear()

    @property
    def closed(self) -> bool:
        return self._closed

    def in_flight(self) -> int:
        return len(self._running)

    def hung(self) -> int:
        return len(self._hung)

    def idle(self) -> bool:
        """Nothing wanted is left to start or under way (hung reads excepted)."""
        return not self._running and self._next_index() is None

    # --- the workers' side ---------------------------------------------------------------

    def _spawn(self) -> None:
        thread = threading.Thread(target=self._serve, name="prefetch-worker", daemon=True)
        thread.start()

    def _next_index(self) -> int | None:
        if self._closed:
            return None
        for index in self._wanted[: self._startable]:
            if not (index in self._running or index in self._hung or self.ready(index)):
                return index
        return None

    def _serve(self) -> None:
        """One worker: take the most urgent wanted index, load it, file it; until closed."""
        while True:
            with self.cond:
                index = self._next_index()
                while index is None:
                    if self._closed:
                        return
                    self.cond.wait()
                    index = self._next_index()
                load = Load(index, time.monotonic())
                self._running[index] = load
                self.loads += 1
                self.cond.notify_all()  # a consumer waiting with a timeout now has a deadline
            value, error = self._run(load)
            with self.cond:
                self._file(load, value, error)
                if load.abandoned:
                    return  # a replacement took this thread's place

    def _run(self, load: Load) -> tuple[T | None, BaseException | None]:
        take_bytes_read()
        try:
            with cancellable(load.flag):
                return self._work(self._paths[load.index]), None
        except Exception as error:  # every failure is the item's, never the worker's
            return None, error

    def _file(self, load: Load, value: T | None, error: BaseException | None) -> None:
        """Record a finished load (condition held)."""
        self.bytes_read += take_bytes_read()
        index = load.index
        if load.abandoned:
            self._hung.pop(index, None)
        elif self._running.get(index) is load:
            del self._running[index]
            self._keep(index, value, error)
        self.cond.notify_all()

    def _keep(self, index: int, value: T | None, error: BaseException | None) -> None:
        if isinstance(error, Cancelled) or self._closed:
            return
        if error is not None:
            if index in self._wanted_set:
                self._failed[index] = error
            return
        stored = value is not None and self._store.insert(index, value, self._cost(value))
        if not stored and index in self._wanted_set:
            self._unstored[index] = value  # type: ignore[assignment]  # T, possibly None
