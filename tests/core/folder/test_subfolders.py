"""A folder with its subfolders as one sequence: by folder, then name, naturally; hidden
folders, folders past the depth cap and link loops left out; the first folder handed on
before the walk goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from viewer.core.folder.sequence import ImageSequence, SequenceError
from viewer.core.folder.subfolders import list_image_paths


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")


def test_ordered_by_folder_then_name_naturally(tmp_path: Path) -> None:
    touch(tmp_path, "b.jpg", "a10.jpg", "a2.jpg", "notes.txt",
          "DCIM/101CANON/IMG_2.JPG", "DCIM/100CANON/IMG_10.JPG", "DCIM/100CANON/IMG_9.JPG",
          "DCIM/99CANON/x.png", "empty/readme.txt")  # fmt: skip
    assert list_image_paths(str(tmp_path)) == [
        "a2.jpg", "a10.jpg", "b.jpg",
        os.path.join("DCIM", "99CANON", "x.png"),
        os.path.join("DCIM", "100CANON", "IMG_9.JPG"),
        os.path.join("DCIM", "100CANON", "IMG_10.JPG"),
        os.path.join("DCIM", "101CANON", "IMG_2.JPG"),
    ]  # fmt: skip


def test_hidden_folders_and_files_and_folders_past_the_cap_are_left_out(tmp_path: Path) -> None:
    touch(tmp_path, ".thumbnails/t.jpg", "a/.hidden.jpg", "a/1.jpg", "a/b/2.jpg", "a/b/c/3.jpg")
    assert list_image_paths(str(tmp_path), max_depth=2) == [
        os.path.join("a", "1.jpg"), os.path.join("a", "b", "2.jpg"),
    ]  # fmt: skip
    assert len(list_image_paths(str(tmp_path))) == 3


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    touch(tmp_path, "a/1.jpg", "b/2.jpg")
    os.symlink(tmp_path, tmp_path / "a" / "up")  # a/up → the root: a loop
    os.symlink(tmp_path / "b", tmp_path / "also_b")  # a second way into b
    assert list_image_paths(str(tmp_path), max_depth=50) == [
        os.path.join("a", "1.jpg"), os.path.join("also_b", "2.jpg"),
    ]  # fmt: skip


def test_the_first_folder_with_images_is_handed_on_before_the_walk_goes_on(
    tmp_path: Path,
) -> None:
    touch(tmp_path, "1/a.jpg", "1/b.jpg", "2/c.jpg", "3/d.jpg")
    listed: list[str] = []

    def scandir(folder: str):  # type: ignore[no-untyped-def]
        listed.append(os.path.relpath(folder, tmp_path))
        return os.scandir(folder)

    firsts: list[tuple[list[str], list[str]]] = []
    names = list_image_paths(
        str(tmp_path), on_first=lambda found: firsts.append((found, list(listed))),
        scandir=scandir,
    )  # fmt: skip
    assert firsts == [([os.path.join("1", "a.jpg"), os.path.join("1", "b.jpg")], [".", "1"])]
    assert listed == [".", "1", "2", "3"] and len(names) == 4


def test_an_unreadable_subfolder_is_skipped_and_a_missing_root_refused(tmp_path: Path) -> None:
    touch(tmp_path, "a/1.jpg", "b/2.jpg")

    def scandir(folder: str):  # type: ignore[no-untyped-def]
        if folder.endswith("a"):
            raise PermissionError(13, "Permission denied", folder)
        return os.scandir(folder)

    assert list_image_paths(str(tmp_path), scandir=scandir) == [os.path.join("b", "2.jpg")]
    with pytest.raises(SequenceError, match="Folder not found"):
        list_image_paths(str(tmp_path / "gone"))


def test_a_sequence_of_subfolders_finds_its_paths(tmp_path: Path) -> None:
    names = [os.path.join("a", "1.jpg"), "1.jpg"]
    sequence = ImageSequence(str(tmp_path), names)
    assert sequence.index_of(str(tmp_path / "a" / "1.jpg")) == 0
    assert sequence.index_of(str(tmp_path / "1.jpg")) == 1
    assert sequence[0] == str(tmp_path / "a" / "1.jpg")
