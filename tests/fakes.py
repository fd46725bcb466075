"""Loaders and listers for tests: instant, gated (slow on demand) and failing, all counting calls;
and a clock that moves only when told."""

from __future__ import annotations

import threading
from collections import Counter

from viewer.core.folder.sequence import Progress, SequenceError
from viewer.core.formats.decode import DecodedImage, LoadedFile
from viewer.core.formats.geometry import Size, fit_within
from viewer.core.formats.pixels import Allocator
from viewer.core.io.cancel import check_cancelled
from viewer.core.io.reading import DecodeError, FileStamp


class FakeLoader:
    """Makes a small solid image per path without touching the disk.

    Paths in ``gated`` block until ``release(path)``; paths in ``failing`` raise DecodeError.
    ``calls`` counts loads per path, so tests check work by counting, never by timing;
    ``display_boxes`` records the display box each load was asked for. Like the real decoder, a
    load with a box delivers the image fitted into it.
    """

    def __init__(self, size: tuple[int, int] = (40, 30)) -> None:
        self.size = size
        self.calls: Counter[str] = Counter()
        self.display_boxes: list[tuple[str, Size | None]] = []
        #: False simulates reads stuck in the kernel, which cannot notice being called off.
        self.cancellable = True
        self.gated: set[str] = set()
        self.failing: dict[str, str] = {}
        self.sizes: dict[str, tuple[int, int]] = {}
        self._gates: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def gate(self, *paths: str) -> None:
        with self._lock:
            for path in paths:
                self.gated.add(path)
                self._gates[path] = threading.Event()

    def gate_all(self, paths: list[str]) -> None:
        self.gate(*paths)

    def release(self, *paths: str) -> None:
        with self._lock:
            for path in paths:
                self.gated.discard(path)
                gate = self._gates.get(path)
                if gate is not None:
                    gate.set()

    def release_all(self) -> None:
        with self._lock:
            self.gated.clear()
            for gate in self._gates.values():
                gate.set()

    def count(self, path: str | None = None) -> int:
        with self._lock:
            return self.calls[path] if path is not None else sum(self.calls.values())

    def __call__(
        self, path: str, allocate: Allocator, display_box: Size | None = None
    ) -> LoadedFile:
        with self._lock:
            self.calls[path] += 1
            self.display_boxes.append((path, display_box))
            gate = self._gates.get(path) if path in self.gated else None
        if gate is not None:
            _wait_like_a_chunked_read(gate, self.cancellable)
        if path in self.failing:
            raise DecodeError(self.failing[path])
        full = self.sizes.get(path, self.size)
        width, height = full if display_box is None else fit_within(full, display_box)
        pixels = allocate(height, width, False)
        pixels[...] = 255
        image = DecodedImage(pixels, False, "FAKE", full_size=full)
        return LoadedFile(path, FileStamp(full[0] * full[1], 0), image)


def _wait_like_a_chunked_read(
    gate: threading.Event, cancellable: bool, limit_s: float = 30.0
) -> None:
    """Block on ``gate`` as a slow read would, stopping if the load is called off.

    A real read checks between chunks; this checks every few milliseconds of waiting.
    """
    for _ in range(int(limit_s / 0.005)):
        if cancellable:
            check_cancelled()
        if gate.wait(0.005):
            if cancellable:
                check_cancelled()  # as load_image checks once more before decoding
            return
    raise DecodeError("gate never opened")


class FakeClock:
    """A monotonic clock that moves only when a test sets ``now``."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeFolder:
    """A folder whose listing the test sets; ``gate()`` holds the next listings until released."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.gone = False
        self.calls = 0
        self._gate = threading.Event()
        self._gate.set()

    def gate(self) -> None:
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def __call__(self, folder: str, on_progress: Progress) -> list[str]:
        self.calls += 1
        on_progress(len(self.names))
        assert self._gate.wait(timeout=30)
        if self.gone:
            raise SequenceError(f"Folder not found: {folder}")
        return list(self.names)
