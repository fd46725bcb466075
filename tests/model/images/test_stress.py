"""10,000 random navigation steps over a loader that fails, hangs for a while, or succeeds.

Afterwards nothing is stuck: the pool drains, the store is within its limits, and the last
request ended with the right image or the right error. "Hangs for a while" means blocked until
the test lets it go at a random later step, so nothing depends on timing.
"""

from __future__ import annotations

import random
import threading
import zlib

from PyQt5.QtWidgets import QApplication

from tests.fakes import FakeClock
from viewer.core.formats.decode import DecodedImage, LoadedFile
from viewer.core.formats.geometry import Size
from viewer.core.formats.pixels import Allocator
from viewer.core.io.reading import DecodeError, FileStamp
from viewer.model.images.prefetch_model import PrefetchModel

PATHS = [f"/share/{n}.jpg" for n in range(1, 201)]
STEPS = 10_000


def expected(path: str) -> tuple[str, object]:
    """What a path always gives: ("failed", message) or ("ready", width)."""
    code = zlib.crc32(path.encode())
    if code % 7 == 0:
        return "failed", f"Cannot read {path}: Input/output error."
    return "ready", 20 + code % 50


class ChaosLoader:
    """Fails or succeeds by path; a random third of the calls block until ``release_some``."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._hung: list[threading.Event] = []
        self._calm = False

    def __call__(self, path: str, allocate: Allocator, fit: Size | None = None) -> LoadedFile:
        with self._lock:
            hang = not self._calm and self._random.random() < 0.3
            gate = threading.Event() if hang else None
            if gate is not None:
                self._hung.append(gate)
        if gate is not None and not gate.wait(timeout=60):
            raise AssertionError("never released")
        kind, value = expected(path)
        if kind == "failed":
            raise DecodeError(str(value))
        width = int(value)  # type: ignore[call-overload]
        pixels = allocate(10, width, False)
        pixels[...] = 0
        return LoadedFile(path, FileStamp(width, 0), DecodedImage(pixels, False, "FAKE"))

    def release_some(self, share: float) -> None:
        with self._lock:
            self._random.shuffle(self._hung)
            cut = int(len(self._hung) * share)
            released, self._hung = self._hung[:cut], self._hung[cut:]
        for gate in released:
            gate.set()

    def release_all(self) -> None:
        """Let every blocked call go, and block no more (the share has recovered)."""
        with self._lock:
            self._calm = True
        self.release_some(1.0)


def test_ten_thousand_random_steps(qtbot):
    rng = random.Random(6)
    loader = ChaosLoader(seed=6)
    model = PrefetchModel(
        loader, threads=2, max_images=10, max_bytes=10 * 4 * 10 * 60, clock=FakeClock()
    )
    model.set_paths(PATHS)
    events: list[tuple[str, int, object]] = []
    model.imageReady.connect(lambda i, image: events.append(("ready", i, image.width())))
    model.loadFailed.connect(lambda i, message: events.append(("failed", i, message)))
    index = 0
    for _ in range(STEPS):
        move = rng.choice(["next", "next", "next", "previous", "jump", "end", "home"])
        if move == "next":
            index = min(index + 1, len(PATHS) - 1)
        elif move == "previous":
            index = max(index - 1, 0)
        elif move == "jump":
            index = rng.randrange(len(PATHS))
        else:
            index = len(PATHS) - 1 if move == "end" else 0
        model.request(index)
        if rng.random() < 0.2:
            loader.release_some(rng.random())
        QApplication.processEvents()
        assert len(model.store) <= model.store.max_count
        assert model.store.total_cost() <= model.store.max_cost
    assert model.stats.loads_taken_back > 0
    settled = len(events)
    model.request(index)
    loader.release_all()
    qtbot.waitUntil(lambda: model.idle(), timeout=10_000)
    assert model.queue.wait_for_done(10_000), "a pool thread is stuck"
    QApplication.processEvents()
    # Counted at the end: on a busy machine the pool may finish few loads during the steps.
    kinds = {kind for kind, _, _ in events}
    assert kinds == {"ready", "failed"}, "the run exercised both outcomes"
    outcome = [(kind, value) for kind, i, value in events[settled:] if i == index]
    assert outcome, "the last request never ended"
    assert outcome[-1] == expected(PATHS[index])
    assert len(model.store) <= model.store.max_count
    assert model.store.total_cost() <= model.store.max_cost
