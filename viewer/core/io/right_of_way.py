"""One load at a time has the link: the image the user is waiting for.

On a share the bandwidth is shared by every read on it, so a read-ahead beside the current
image's read halves its speed, and after a held key or a jump a read the user has moved past
still has its next chunk queued ahead of the image they stopped on. The model gives the right
of way to the current image's load; every other load, between two chunks of its read
(``viewer.core.io.cancel.check_cancelled``), waits while that load runs, and goes on where it
stopped once it has finished (or stops at once if it is called off meanwhile).

A load that holds the right of way but is not running (queued, or already done) makes nobody
wait, so a paused read can never keep the pool's threads from the load it waits for.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RightOfWay:
    """Which load's reads go first, and which loads are running now.

    A load is named by its call-off flag (one ``threading.Event`` per load). Thread-safe:
    the model gives the right of way on the GUI thread, loads ask on their own threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: threading.Event | None = None
        self._running: set[threading.Event] = set()

    def give_to(self, owner: threading.Event | None) -> None:
        """The load named by ``owner`` goes first from now on; None: nobody does."""
        with self._lock:
            self._owner = owner

    @contextmanager
    def running(self, load: threading.Event) -> Iterator[None]:
        """While the load named ``load`` runs on this thread."""
        with self._lock:
            self._running.add(load)
        try:
            yield
        finally:
            with self._lock:
                self._running.discard(load)

    def has_it(self, load: threading.Event) -> bool:
        """Whether the load named ``load`` has the right of way."""
        with self._lock:
            return self._owner is load

    def must_wait(self, load: threading.Event) -> bool:
        """Whether ``load`` should wait: another load has the right of way and is running."""
        with self._lock:
            owner = self._owner
            return owner is not None and owner is not load and owner in self._running
