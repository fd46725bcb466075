"""FolderOpening with an injected probe and folder: no real file system, no widgets."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.fakes import FakeFolder
from tests.waits import TIMEOUT_MS
from viewer.model.folder.lister import FolderLister
from viewer.ui.browsing.folder_opening import FolderOpening, PathKind


class FakeProbe:
    """Says what each path is, counts the questions and the threads they were asked on; a
    path in ``hung`` is answered only once ``release`` is called (a dead share)."""

    def __init__(self, kinds: dict[str, PathKind], hung: set[str] | None = None) -> None:
        self.kinds = kinds
        self.asked: list[str] = []
        self.threads: list[threading.Thread] = []
        self.hung = hung or set()
        self._released = threading.Event()

    def __call__(self, path: str) -> PathKind:
        self.asked.append(path)
        self.threads.append(threading.current_thread())
        if path in self.hung:
            self._released.wait()
        return self.kinds.get(path, PathKind.NOTHING)

    def release(self) -> None:
        self._released.set()


def probed(qtbot, opening, path: str, start: int = 0) -> PathKind:
    """Open ``path`` and wait for the answer to what it is."""
    with qtbot.waitSignal(opening.probed, timeout=TIMEOUT_MS) as answer:
        opening.open(path, start)
    assert answer.args[0] == path
    kind: PathKind = answer.args[1]
    return kind


@pytest.fixture
def folder() -> FakeFolder:
    return FakeFolder(["1.jpg", "2.jpg", "3.jpg"])


@pytest.fixture
def opening(qtbot, folder) -> Iterator[FolderOpening]:
    lister = FolderLister(folder, poll_seconds=0)
    probe = FakeProbe({"/share": PathKind.FOLDER, "/share/2.jpg": PathKind.IMAGE})
    yield FolderOpening(lister, probe=probe)
    folder.release()
    lister.shutdown(wait=True)


def test_a_folder_is_listed_and_shown_at_its_start(qtbot, opening):
    with (
        qtbot.waitSignal(opening.opened, timeout=TIMEOUT_MS) as opened,
        qtbot.waitSignal(opening.firstListing, timeout=TIMEOUT_MS) as first,
    ):
        assert probed(qtbot, opening, "/share", 2) is PathKind.FOLDER
        assert opening.is_awaiting()
    sequence, start = first.args
    assert (sequence.names, start) == (["1.jpg", "2.jpg", "3.jpg"], 2)
    assert opened.args == [3] and not opening.is_awaiting()


def test_an_image_is_not_listed_until_watched_and_its_listing_is_a_relist(qtbot, opening, folder):
    with qtbot.assertNotEmitted(opening.firstListing, wait=50):
        assert probed(qtbot, opening, "/share/2.jpg") is PathKind.IMAGE
        assert folder.calls == 0  # the window shows the image first, then asks for its folder
        with qtbot.waitSignals([opening.relisted, opening.opened], timeout=TIMEOUT_MS):
            opening.watch("/share")


def test_nothing_to_open_starts_nothing(qtbot, opening, folder):
    assert probed(qtbot, opening, "/share/notes.txt") is PathKind.NOTHING
    assert folder.calls == 0 and not opening.is_awaiting()


def test_the_probe_runs_off_the_gui_thread(qtbot, folder):
    lister = FolderLister(folder, poll_seconds=0)
    probe = FakeProbe({"/share": PathKind.FOLDER})
    opening = FolderOpening(lister, probe=probe)
    probed(qtbot, opening, "/share")
    assert probe.threads and threading.main_thread() not in probe.threads
    lister.shutdown(wait=True)


def test_a_hung_probe_is_superseded_by_the_next_open(qtbot, folder):
    lister = FolderLister(folder, poll_seconds=0)
    probe = FakeProbe({"/dead": PathKind.FOLDER, "/share": PathKind.FOLDER}, hung={"/dead"})
    opening = FolderOpening(lister, probe=probe)
    try:
        opening.open("/dead")
        assert opening.has_running_work() and opening.is_awaiting()
        with qtbot.waitSignal(opening.firstListing, timeout=TIMEOUT_MS) as first:
            assert probed(qtbot, opening, "/share") is PathKind.FOLDER
        assert first.args[0].folder == "/share"
        with qtbot.assertNotEmitted(opening.probed, wait=50):
            probe.release()  # the answer about /dead comes after /share was opened
            qtbot.waitUntil(lambda: not opening.has_running_work(), timeout=TIMEOUT_MS)
    finally:
        probe.release()
        lister.shutdown(wait=True)


def test_an_empty_folder_fails_the_open(qtbot, opening, folder):
    folder.names = []
    with qtbot.waitSignal(opening.failed, timeout=TIMEOUT_MS) as failed:
        opening.open("/share")
    assert failed.args == ["No images in folder: /share"]


def test_a_failure_fails_the_open_first_and_later_says_the_folder_is_unavailable(
    qtbot, opening, folder
):
    folder.gone = True
    with qtbot.waitSignal(opening.failed, timeout=TIMEOUT_MS) as failed:
        opening.open("/share")
    assert failed.args == ["Folder not found: /share"]
    with qtbot.waitSignal(opening.unavailable, timeout=TIMEOUT_MS) as unavailable:
        opening.watch("/share")
    assert unavailable.args == ["Folder not found: /share"]


def test_the_real_probe_tells_folders_images_and_the_rest(tmp_path):
    from viewer.ui.browsing.folder_opening import probe_path

    (tmp_path / "a.jpg").write_bytes(b"")
    (tmp_path / "a.txt").write_bytes(b"")
    kinds = [probe_path(str(tmp_path / name)) for name in ("", "a.jpg", "a.txt", "gone.jpg")]
    assert kinds == [PathKind.FOLDER, PathKind.IMAGE, PathKind.NOTHING, PathKind.NOTHING]
