import os
import subprocess
import sys
from pathlib import PureWindowsPath

import pytest

from viewer.core.folder.sequence import (
    ImageSequence,
    SequenceError,
    check_readable,
    is_image_name,
    list_image_names,
)


def touch(folder: str, *names: str) -> None:
    for name in names:
        with open(os.path.join(folder, name), "wb") as file:
            file.write(b"x")


def test_natural_order(tmp_path):
    touch(str(tmp_path), "10.png", "2.png", "1.png", "img11.jpg", "img9.jpg", "B.png", "a.png")
    assert list_image_names(str(tmp_path)) == [
        "1.png", "2.png", "10.png", "a.png", "B.png", "img9.jpg", "img11.jpg",
    ]  # fmt: skip


def test_extensions_matched_without_case(tmp_path):
    touch(str(tmp_path), "a.JPG", "b.Jpeg", "c.TIFF", "d.webp", "e.GIF", "f.bmp", "g.txt", "h")
    assert list_image_names(str(tmp_path)) == [
        "a.JPG",
        "b.Jpeg",
        "c.TIFF",
        "d.webp",
        "e.GIF",
        "f.bmp",
    ]


def test_hidden_files_and_folders_are_skipped(tmp_path):
    touch(str(tmp_path), ".hidden.jpg", "._resource.jpg", "shown.jpg")
    os.mkdir(tmp_path / "folder.jpg")
    assert list_image_names(str(tmp_path)) == ["shown.jpg"]


def test_symlinks_followed_and_dangling_skipped(tmp_path):
    touch(str(tmp_path), "real.png")
    os.symlink(tmp_path / "real.png", tmp_path / "link.png")
    os.symlink(tmp_path / "missing.png", tmp_path / "dangling.png")
    assert list_image_names(str(tmp_path)) == ["link.png", "real.png"]


def test_sequence_paths_and_index(tmp_path):
    touch(str(tmp_path), "1.png", "2.png", "10.png")
    sequence = ImageSequence.from_folder(str(tmp_path))
    assert len(sequence) == 3
    assert sequence[2] == os.path.join(str(tmp_path), "10.png")
    assert sequence.name(1) == "2.png"
    assert sequence.index_of(os.path.join(str(tmp_path), "10.png")) == 2
    with pytest.raises(ValueError):
        sequence.index_of("11.png")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "absent", "not found"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "No images"),
        (lambda p: (p / "f.png").write_bytes(b"x") and p / "f.png", "Not a folder"),
    ],
)
def test_errors_are_sentences(tmp_path, make, message):
    with pytest.raises(SequenceError, match=message):
        ImageSequence.from_folder(str(make(tmp_path)))


def test_unreadable_folder(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("viewer.core.folder.sequence.os.scandir", refuse)
    with pytest.raises(SequenceError, match="Permission denied reading folder"):
        ImageSequence.from_folder(str(tmp_path))


def test_is_image_name():
    assert is_image_name("IMG_0001.JPG")
    assert not is_image_name(".IMG_0001.JPG")
    assert not is_image_name("notes.txt")


def test_unc_paths_survive_windows_path_handling():
    # The core joins with os.path; on Windows that is ntpath, which keeps UNC roots intact.
    import ntpath

    folder = r"\\server\share\scans"
    path = ntpath.join(folder, "42.png")
    assert path == r"\\server\share\scans\42.png"
    assert ntpath.dirname(path) == folder
    assert PureWindowsPath(path).anchor == "\\\\server\\share\\"


def test_core_imports_no_qt():
    code = (
        "import sys, viewer.core, viewer.core.metadata.formatting, viewer.demo.samples;"
        "bad = [m for m in sys.modules if m.startswith(('PyQt5', 'sip'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_link_loops_cannot_hang_the_listing(tmp_path):
    touch(str(tmp_path), "1.png")
    os.symlink(tmp_path / "b.png", tmp_path / "a.png")
    os.symlink(tmp_path / "a.png", tmp_path / "b.png")  # a.png → b.png → a.png
    os.symlink(tmp_path, tmp_path / "self.png")  # a folder that contains itself
    assert list_image_names(str(tmp_path)) == ["1.png"]


class FakeEntry:
    def __init__(self, name: str) -> None:
        self.name = name

    def is_file(self) -> bool:
        return True


class FakeScandir:
    """A folder listing without a disk; records it was closed."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.closed = False

    def __call__(self, folder: str) -> "FakeScandir":
        return self

    def __enter__(self):
        return iter([FakeEntry(name) for name in self.names])

    def __exit__(self, *exc_info: object) -> None:
        self.closed = True


def test_progress_is_reported_while_listing():
    names = [f"{n}.jpg" for n in range(1234)] + ["notes.txt"]
    scandir = FakeScandir(names)
    seen: list[int] = []
    listed = list_image_names("/share", seen.append, scandir=scandir)
    assert len(listed) == 1234 and listed[:3] == ["0.jpg", "1.jpg", "2.jpg"]
    assert seen == [500, 1000, 1235]
    assert scandir.closed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["1.jpg", "3.jpg", "10.jpg"], ["1.jpg", "2.jpg", "3.jpg", "10.jpg", "20.jpg"]),  # insert
        (["1.jpg", "2.jpg", "3.jpg", "10.jpg"], ["1.jpg", "10.jpg"]),  # remove
        (["a2.jpg", "a10.jpg"], ["a1.jpg", "a10.jpg", "a11.jpg"]),  # both
    ],
)
def test_order_under_insert_and_remove(before, after):
    first = list_image_names("/share", scandir=FakeScandir(list(reversed(before))))
    again = list_image_names("/share", scandir=FakeScandir(list(reversed(after))))
    assert (first, again) == (before, after)


def test_position_for_a_removed_name():
    sequence = ImageSequence("/share", ["1.jpg", "3.jpg", "10.jpg"])
    assert sequence.position_for("2.jpg") == 1
    assert sequence.position_for("0.jpg") == 0
    assert sequence.position_for("11.jpg") == 3


def test_check_readable(tmp_path):
    check_readable(str(tmp_path))
    with pytest.raises(SequenceError, match="not found"):
        check_readable(str(tmp_path / "absent"))
