"""The preview pool: newest request first, nothing read before the real load starts."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import numpy as np
import pytest

from tests.waits import TIMEOUT_MS
from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.geometry import Size
from viewer.core.io.cancel import check_cancelled
from viewer.model.previews.queue import Preview, PreviewQueue


class FakePreviews:
    """A preview maker that counts calls; gated paths wait until released."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()  # previews read from the file
        self.cache_looks: Counter[str] = Counter()
        self.missing: set[str] = set()
        self.full_size = (4000, 3000)
        self._gates: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self.heed_call_off = threading.Event()  # cleared: a gated read notices no call-off yet
        self.heed_call_off.set()

    def gate(self, path: str) -> None:
        self._gates[path] = threading.Event()

    def release_all(self) -> None:
        for gate in self._gates.values():
            gate.set()

    def count(self, path: str) -> int:
        with self._lock:
            return self.calls[path]

    def __call__(self, path: str, box: Size, embedded: bool = True) -> DecodedImage | None:
        with self._lock:
            if not embedded:  # a look in an empty thumbnail cache: no read of the file
                self.cache_looks[path] += 1
                return None
            self.calls[path] += 1
        gate = self._gates.get(path)
        while gate is not None and not gate.wait(0.005):
            if self.heed_call_off.is_set():
                check_cancelled()
        if path in self.missing:
            return None
        pixels = np.full((30, 40, 4), 200, np.uint8)
        return DecodedImage(pixels, False, "JPEG", full_size=self.full_size)


@pytest.fixture
def previews() -> FakePreviews:
    return FakePreviews()


@pytest.fixture
def queue(qtbot: object, previews: FakePreviews) -> Iterator[PreviewQueue]:
    made = PreviewQueue(previews)
    yield made
    previews.release_all()
    made.shutdown(wait=True)


def _for(index: int, path: str):
    return lambda i, p, preview: i == index and p == path


def test_preview_is_announced_with_its_index_path_and_full_size(qtbot, queue) -> None:
    with qtbot.waitSignal(queue.previewReady, check_params_cb=_for(3, "/s/3.jpg"),
                          timeout=TIMEOUT_MS) as blocker:  # fmt: skip
        assert queue.request(3, "/s/3.jpg", (800, 600)) is False
    preview = blocker.args[2]
    assert isinstance(preview, Preview)
    assert (preview.image.width(), preview.full_size.width()) == (40, 4000)


def test_a_kept_preview_is_announced_at_once_without_a_read(qtbot, queue, previews) -> None:
    with qtbot.waitSignal(queue.previewReady, timeout=TIMEOUT_MS):
        queue.request(3, "/s/3.jpg", (800, 600))
    with qtbot.waitSignal(queue.previewReady, check_params_cb=_for(7, "/s/3.jpg"), timeout=0):
        assert queue.request(7, "/s/3.jpg", (800, 600)) is True
    assert previews.count("/s/3.jpg") == 1


def test_newest_request_takes_back_the_queued_ones(qtbot, queue, previews) -> None:
    previews.gate("/s/1.jpg")
    previews.heed_call_off.clear()  # the pool thread stays busy until every press is made
    queue.request(1, "/s/1.jpg", (800, 600))
    qtbot.waitUntil(lambda: previews.count("/s/1.jpg") == 1, timeout=TIMEOUT_MS)
    for number in (2, 3, 4):  # a held key
        queue.request(number, f"/s/{number}.jpg", (800, 600))
    previews.heed_call_off.set()
    with qtbot.waitSignal(queue.previewReady, check_params_cb=_for(4, "/s/4.jpg"),
                          timeout=TIMEOUT_MS):  # fmt: skip
        pass  # the one being read was called off; the last press's preview came next
    assert previews.count("/s/2.jpg") == previews.count("/s/3.jpg") == 0
    assert queue.stats.taken_back == 2
    assert queue.stats.called_off == 1


def test_a_called_off_preview_is_not_announced(qtbot, queue, previews) -> None:
    previews.gate("/s/1.jpg")
    queue.request(1, "/s/1.jpg", (800, 600))
    qtbot.waitUntil(lambda: previews.count("/s/1.jpg") == 1, timeout=TIMEOUT_MS)
    queue.call_off()
    with qtbot.assertNotEmitted(queue.previewReady, wait=50):
        previews.release_all()
        qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)


def test_nothing_is_read_before_the_real_load_starts(qtbot, queue, previews) -> None:
    load_started = threading.Event()
    queue.request(5, "/s/5.jpg", (800, 600), after=load_started)
    with qtbot.assertNotEmitted(queue.previewReady, wait=50):
        pass
    assert previews.count("/s/5.jpg") == 0
    with qtbot.waitSignal(queue.previewReady, check_params_cb=_for(5, "/s/5.jpg"),
                          timeout=TIMEOUT_MS):  # fmt: skip
        load_started.set()
    assert previews.count("/s/5.jpg") == 1


def test_no_preview_is_no_signal(qtbot, queue, previews) -> None:
    previews.missing.add("/s/9.jpg")
    with qtbot.assertNotEmitted(queue.previewReady, wait=50):
        queue.request(9, "/s/9.jpg", (800, 600))
        qtbot.waitUntil(queue.idle, timeout=TIMEOUT_MS)
    assert previews.count("/s/9.jpg") == 1
