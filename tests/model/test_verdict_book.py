"""VerdictBook: verdicts in memory at once, read on workers with one listing, a failed write
put back with a sentence."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

from tests.waits import TIMEOUT_MS
from viewer.core.folder.sidecars import SidecarStyle
from viewer.core.verdicts.api import VerdictWrite
from viewer.core.verdicts.errors import SidecarError
from viewer.core.verdicts.model import Edit, Label, Verdict
from viewer.model.verdicts.book import VerdictBook
from viewer.model.verdicts.core_calls import VerdictIO

FOLDER = "/share/shoot"
IMAGES = [os.path.join(FOLDER, f"{n}.jpg") for n in range(1, 41)]


class FakeIO(VerdictIO):
    """Every 4th image has 3 stars; writes fail for images named in ``refuse``."""

    def __init__(self) -> None:
        super().__init__()
        self.listings = 0
        self.reads: list[str] = []
        self.refuse: set[str] = set()
        self.written: list[tuple[str, Edit]] = []
        self._lock = threading.Lock()

    def listdir(self, folder: str) -> list[str]:
        with self._lock:
            self.listings += 1
        return [os.path.basename(p) for p in IMAGES]

    def read(self, image: str, names: Sequence[str]) -> Verdict:
        with self._lock:
            self.reads.append(image)
        return Verdict(3) if IMAGES.index(image) % 4 == 0 else Verdict()

    def write(
        self, image: str, edit: Edit, names: Sequence[str] | None, style: SidecarStyle
    ) -> VerdictWrite:
        if image in self.refuse:
            raise SidecarError(f"{os.path.basename(image)}.xmp was not changed: it is malformed.")
        self.written.append((image, edit))
        return VerdictWrite(image, edit.applied_to(self.read(image, ())), ())


def test_a_folder_is_listed_once_and_each_image_read_once_on_several_threads(qtbot):
    io = FakeIO()
    book = VerdictBook(io, read_threads=3, read_batch=5)
    with qtbot.waitSignal(book.progress, timeout=TIMEOUT_MS,
                          check_params_cb=lambda done, total: done == total == 40):  # fmt: skip
        book.open_folder(FOLDER, IMAGES)
    qtbot.waitUntil(lambda: not book.is_reading(), timeout=TIMEOUT_MS)
    assert io.listings == 1
    assert sorted(io.reads) == sorted(IMAGES)
    assert sum(1 for p in IMAGES if book.verdict(p) == Verdict(3)) == 10
    book.add_images(IMAGES[:5])  # known already: not read again
    assert not book.is_reading() and len(io.reads) == 40
    book.shutdown()


def test_a_decision_is_in_memory_at_once_and_a_failed_write_is_put_back(qtbot):
    io = FakeIO()
    book = VerdictBook(io)
    with qtbot.waitSignal(book.progress, timeout=TIMEOUT_MS,
                          check_params_cb=lambda done, total: done == total):  # fmt: skip
        book.open_folder(FOLDER, IMAGES)
    io.refuse = {IMAGES[1]}
    changed: list[object] = []
    book.changed.connect(changed.append)
    with qtbot.waitSignal(book.problem, timeout=TIMEOUT_MS) as problem:
        book.apply([(IMAGES[0], Edit(label=Label.BLUE)), (IMAGES[1], Edit(rating=5))])
        assert changed == [[IMAGES[0], IMAGES[1]]]  # at once, before any write
        assert book.verdict(IMAGES[0]) == Verdict(3, Label.BLUE)
        assert book.verdict(IMAGES[1]) == Verdict(5)
    assert problem.args == ["2.jpg.xmp was not changed: it is malformed."]
    qtbot.waitUntil(lambda: book.pending_writes == 0, timeout=TIMEOUT_MS)
    assert book.verdict(IMAGES[1]) == Verdict()  # what the sidecar still says
    assert book.verdict(IMAGES[0]) == Verdict(3, Label.BLUE)
    assert io.written == [(IMAGES[0], Edit(label=Label.BLUE))]
    book.shutdown()


def test_each_image_is_read_with_the_names_that_can_be_its_sidecars():
    from viewer.model.verdicts.tasks import NamesByStem

    names = ["IMG_1.JPG", "IMG_1.CR2", "IMG_1.xmp", "IMG_1.JPG.xmp", "IMG_10.JPG", "a.b.jpg",
             "a.b.jpg.xmp", "a.jpg", "a.xmp"]  # fmt: skip
    nearby = NamesByStem(names)
    assert nearby.near("/f/IMG_1.JPG") == ["IMG_1.JPG", "IMG_1.CR2", "IMG_1.xmp", "IMG_1.JPG.xmp"]
    assert nearby.near("/f/a.b.jpg") == ["a.b.jpg", "a.b.jpg.xmp"]
    assert nearby.near("/f/a.jpg") == ["a.b.jpg", "a.b.jpg.xmp", "a.jpg", "a.xmp"]
