"""The current image's read owns the link: after a move, read-ahead that is called off stops
before its next chunk, and read-ahead still wanted waits while the current image loads.
A fake link records the order in which chunks are read; nothing is timed."""

from __future__ import annotations

import threading

from tests.fakes import FakeClock, FakeLoader
from tests.model.conftest import PATHS
from tests.waits import TIMEOUT_MS
from viewer.core.formats.decode import LoadedFile
from viewer.core.formats.geometry import Size
from viewer.core.formats.pixels import Allocator
from viewer.core.io.cancel import check_cancelled
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel

CHUNKS = 3


class ChunkedLink(FakeLoader):
    """Reads each file in ``CHUNKS`` chunks, recording each as it crosses the link.

    Reads of ``held`` paths stop after their first chunk until ``let_through``; like a
    real read, every chunk is preceded by the check that stops a load called off.
    """

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, int]] = []
        self.held: dict[str, threading.Event] = {}

    def hold(self, *paths: str) -> None:
        for path in paths:
            self.held[path] = threading.Event()

    def let_through(self, *paths: str) -> None:
        for path in paths:
            self.held[path].set()

    def chunks_of(self, path: str) -> list[int]:
        return [number for sent, number in list(self.sent) if sent == path]

    def __call__(self, path: str, allocate: Allocator, display_box: Size | None = None
                 ) -> LoadedFile:  # fmt: skip
        for number in range(CHUNKS):
            check_cancelled()
            self.sent.append((path, number))
            gate = self.held.get(path)
            while number == 0 and gate is not None and not gate.wait(0.005):
                check_cancelled()
        return super().__call__(path, allocate, display_box)


def model_over(qtbot: object, link: ChunkedLink, plan: ReadAheadPlan) -> PrefetchModel:
    model = PrefetchModel(link, plan=plan, threads=2, clock=FakeClock())
    model.set_paths(PATHS)
    return model


def rest_on_first_image_with_read_ahead_held(qtbot, link: ChunkedLink) -> PrefetchModel:
    """Image 0 sharp; read-ahead of 1 and 2 has sent its first chunk and is held there."""
    link.hold(PATHS[1], PATHS[2])
    model = model_over(qtbot, link, ReadAheadPlan(2, 0))
    model.request(0)
    qtbot.waitUntil(lambda: model.is_cached(0), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: link.chunks_of(PATHS[1]) == [0] and link.chunks_of(PATHS[2]) == [0],
                    timeout=TIMEOUT_MS)  # fmt: skip
    return model


def test_read_ahead_still_wanted_waits_while_the_current_image_reads(qtbot):
    link = ChunkedLink()
    model = rest_on_first_image_with_read_ahead_held(qtbot, link)
    model.request(1)  # its read, under way, now has the right of way; 2 is still wanted
    link.let_through(PATHS[1], PATHS[2])
    qtbot.waitUntil(lambda: model.is_cached(1) and model.is_cached(2), timeout=TIMEOUT_MS)
    after_release = [(p, n) for p, n in link.sent if n > 0 and p in (PATHS[1], PATHS[2])]
    first_of_two = after_release.index((PATHS[2], 1))
    assert after_release[:first_of_two] == [(PATHS[1], 1), (PATHS[1], 2)]


def test_after_a_jump_called_off_read_ahead_sends_no_further_chunk(qtbot):
    link = ChunkedLink()
    model = rest_on_first_image_with_read_ahead_held(qtbot, link)
    model.request(10)  # a jump: 1 and 2 are neither wanted nor about to be passed
    qtbot.waitUntil(lambda: model.is_cached(10), timeout=TIMEOUT_MS)
    link.let_through(PATHS[1], PATHS[2])
    qtbot.waitUntil(lambda: not model.is_loading(1) and not model.is_loading(2),
                    timeout=TIMEOUT_MS)  # fmt: skip
    assert link.chunks_of(PATHS[1]) == [0] and link.chunks_of(PATHS[2]) == [0]
    assert link.sent.index((PATHS[10], 0)) > link.sent.index((PATHS[2], 0))
    assert model.stats.loads_called_off >= 2


def test_a_held_key_reads_the_image_under_it_and_nothing_ahead(qtbot):
    """Each press starts the read of the image pressed to (its first bytes bring the
    preview); passed images are called off, and no read-ahead starts until one is sharp."""
    link = ChunkedLink()
    link.hold(*PATHS[1:])
    model = model_over(qtbot, link, ReadAheadPlan(2, 1))
    model.request(0)
    qtbot.waitUntil(lambda: model.is_cached(0), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: link.chunks_of(PATHS[1]) == [0], timeout=TIMEOUT_MS)
    for index in range(1, 8):
        model.request(index)
        qtbot.waitUntil(lambda i=index: link.chunks_of(PATHS[i]) == [0], timeout=TIMEOUT_MS)
        going_on = [p for p, off in model.queue.tracked_loads().items() if not off]
        assert set(going_on) <= {PATHS[index - 1], PATHS[index], PATHS[index + 1]}
    link.let_through(*PATHS[1:])
    qtbot.waitUntil(lambda: model.is_cached(7), timeout=TIMEOUT_MS)
    read_whole = {path for path, number in link.sent if number == CHUNKS - 1}
    assert read_whole <= {PATHS[0], PATHS[6], PATHS[7], PATHS[8], PATHS[9]}
    assert not any(model.is_cached(i) for i in range(3, 6))


def test_the_current_image_never_waits_for_a_thread_behind_a_read_it_would_pause(qtbot):
    """With every thread reading for another image that is still of use (here the one
    behind), the current image's load would wait for a thread while those reads went on;
    the last one started gives way."""
    link = ChunkedLink()
    link.hold(PATHS[1])
    model = PrefetchModel(link, plan=ReadAheadPlan(1, 1), threads=1, clock=FakeClock())
    model.set_paths(PATHS)
    model.request(0)
    qtbot.waitUntil(lambda: model.is_cached(0), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: link.chunks_of(PATHS[1]) == [0], timeout=TIMEOUT_MS)
    model.request(2)  # 1 is now the image behind: worth keeping, but not a thread's wait
    qtbot.waitUntil(lambda: model.is_cached(2), timeout=TIMEOUT_MS)
    assert link.chunks_of(PATHS[1]) == [0]
    assert model.stats.loads_called_off == 1
