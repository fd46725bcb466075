"""FolderOpening with an injected probe and folder: no real file system, no widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeFolder
from tests.waits import TIMEOUT_MS
from viewer.model.folder_lister import FolderLister
from viewer.ui.folder_opening import FolderOpening, PathKind


class FakeProbe:
    """Says what each path is, and counts the questions."""

    def __init__(self, kinds: dict[str, PathKind]) -> None:
        self.kinds = kinds
        self.asked: list[str] = []

    def __call__(self, path: str) -> PathKind:
        self.asked.append(path)
        return self.kinds.get(path, PathKind.NOTHING)


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
        assert opening.open("/share", 2) is PathKind.FOLDER
        assert opening.is_awaiting()
    sequence, start = first.args
    assert (sequence.names, start) == (["1.jpg", "2.jpg", "3.jpg"], 2)
    assert opened.args == [3] and not opening.is_awaiting()


def test_an_image_is_not_listed_until_watched_and_its_listing_is_a_relist(qtbot, opening, folder):
    with qtbot.assertNotEmitted(opening.firstListing, wait=50):
        assert opening.open("/share/2.jpg") is PathKind.IMAGE
        assert folder.calls == 0  # the window shows the image first, then asks for its folder
        with qtbot.waitSignals([opening.relisted, opening.opened], timeout=TIMEOUT_MS):
            opening.watch("/share")


def test_nothing_to_open_starts_nothing(qtbot, opening, folder):
    assert opening.open("/share/notes.txt") is PathKind.NOTHING
    assert folder.calls == 0 and not opening.is_awaiting()


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
    from viewer.ui.folder_opening import probe_path

    (tmp_path / "a.jpg").write_bytes(b"")
    (tmp_path / "a.txt").write_bytes(b"")
    kinds = [probe_path(str(tmp_path / name)) for name in ("", "a.jpg", "a.txt", "gone.jpg")]
    assert kinds == [PathKind.FOLDER, PathKind.IMAGE, PathKind.NOTHING, PathKind.NOTHING]
