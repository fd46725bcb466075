"""Loaders for the prefetch tests: instant, gated, failing or hung, all counting calls."""

from __future__ import annotations

import threading
from collections import Counter

import numpy as np

from viewer.core.io.cancel import check_cancelled
from viewer.core.io.reading import DecodeError
from viewer.core.prefetch import note_bytes_read

#: Bytes each fake value costs in the budget.
VALUE_BYTES = 100


class Loads:
    """``path -> array`` of ``VALUE_BYTES`` bytes whose first byte is the path's number.

    ``failing`` paths raise DecodeError; ``hung`` paths block until ``release()``
    (call it at the end of a test so no thread outlives it); ``gated`` paths block until
    ``open_gate(path)``. ``calls`` counts loads per path; ``entered`` is set for each path
    whose load has begun.
    """

    def __init__(self, failing: set[str] | None = None, hung: set[str] | None = None) -> None:
        self.calls: Counter[str] = Counter()
        self.failing = failing or set()
        self.hung = hung or set()
        self.gated: dict[str, threading.Event] = {}
        self.entered: dict[str, threading.Event] = {}
        self._release = threading.Event()
        self._lock = threading.Lock()

    def gate(self, path: str) -> None:
        self.gated[path] = threading.Event()

    def open_gate(self, path: str) -> None:
        self.gated[path].set()

    def release(self) -> None:
        self._release.set()
        for gate in self.gated.values():
            gate.set()

    def began(self, path: str) -> threading.Event:
        with self._lock:
            return self.entered.setdefault(path, threading.Event())

    def __call__(self, path: str) -> np.ndarray:
        with self._lock:
            self.calls[path] += 1
        self.began(path).set()
        if path in self.hung:
            self._release.wait()
        gate = self.gated.get(path)
        if gate is not None:
            gate.wait()
        check_cancelled()
        if path in self.failing:
            raise DecodeError(f"{path} is damaged")
        note_bytes_read(VALUE_BYTES)
        value = np.zeros(VALUE_BYTES, np.uint8)
        value[0] = int(path.split(".")[0]) % 256
        return value


def names(count: int) -> list[str]:
    return [f"{i}.png" for i in range(count)]


class PermitClock:
    """A clock that moves one second per call. While ``slow``, the loader it hands out
    (``load``) may finish only one load per two clock calls: the consumer reads the clock
    just before it waits and just after, so every item it asks for is still loading (run
    it with one worker) and each wait measures one second."""

    def __init__(self) -> None:
        self.now = 0.0
        self.calls = 0
        self.slow = True
        self._permits = threading.Semaphore(0)

    def __call__(self) -> float:
        self.calls += 1
        if self.calls % 2 == 1:
            self._permits.release()
        self.now += 1.0
        return self.now

    def go_fast(self) -> None:
        self.slow = False
        for _ in range(100):
            self._permits.release()

    def load(self, path: str) -> np.ndarray:
        if self.slow:
            self._permits.acquire()
        return np.zeros(VALUE_BYTES, np.uint8)
