"""A thumbnail loader for tests: instant, gated or failing per path, recording every call in
order, so tests check which thumbnails were made and in what order, never how fast."""

from __future__ import annotations

import threading

import numpy as np

from tests.fakes import _wait_like_a_chunked_read
from viewer.core.formats.decode import DecodedImage
from viewer.core.io.reading import DecodeError


class FakeThumbnailer:
    """Makes a solid ``size``-bounded image per path without touching the disk.

    Paths in ``gated`` (or every path after ``gate_everything``) block until released, and
    stop if their load is called off, as a chunked read does; paths in ``failing`` raise
    DecodeError with the given sentence. ``calls`` lists ``(path, size)`` in call order.
    """

    def __init__(self, aspect: tuple[int, int] = (3, 2)) -> None:
        self.aspect = aspect
        self.calls: list[tuple[str, int]] = []
        self.failing: dict[str, str] = {}
        self._gates: dict[str, threading.Event] = {}
        self._gate_everything = False
        self._lock = threading.Lock()

    def gate(self, *paths: str) -> None:
        with self._lock:
            for path in paths:
                self._gates[path] = threading.Event()

    def gate_everything(self) -> None:
        with self._lock:
            self._gate_everything = True

    def release_all(self) -> None:
        with self._lock:
            self._gate_everything = False
            for gate in self._gates.values():
                gate.set()

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.calls]

    def __call__(self, path: str, size: int) -> DecodedImage:
        with self._lock:
            self.calls.append((path, size))
            if self._gate_everything and path not in self._gates:
                self._gates[path] = threading.Event()
            gate = self._gates.get(path)
        if gate is not None:
            _wait_like_a_chunked_read(gate, cancellable=True)
        if path in self.failing:
            raise DecodeError(self.failing[path])
        wide, tall = self.aspect
        width = size if wide >= tall else max(1, size * wide // tall)
        height = size if tall >= wide else max(1, size * tall // wide)
        pixels = np.full((height, width, 4), 200, dtype=np.uint8)
        return DecodedImage(pixels, False, "FAKE")
