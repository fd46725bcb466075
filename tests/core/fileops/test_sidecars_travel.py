"""XMP sidecars travel with their image through trash, delete, move, copy and rename, and
come back with undo; a RAW+JPEG pair's shared NAME.xmp stays with the RAW."""

from __future__ import annotations

import os
from typing import BinaryIO

import pytest

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import FaultyFs, leftovers, sha256, write_bytes
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.journal import undo
from viewer.core.fileops.report import done_text


@pytest.fixture
def sidecars(place: Place) -> dict[str, str]:
    """``1.jpg.xmp`` (darktable's) and ``1.xmp`` (Lightroom's) beside ``1.jpg``."""
    made = {}
    for number, name in enumerate(["1.jpg.xmp", "1.xmp"]):
        path = place.path(name)
        made[path] = write_bytes(path, 2000 + number, seed=10 + number)
    return made


def _everything(place: Place) -> dict[str, str]:
    return {
        os.path.join(folder, name): sha256(os.path.join(folder, name))
        for folder in (place.source, place.target)
        for name in os.listdir(folder)
    }


@pytest.mark.parametrize("cross", [False, True], ids=["rename", "cross-device"])
def test_move_carries_sidecars_and_undo_brings_them_back(
    place: Place, sidecars: dict[str, str], cross: bool
) -> None:
    place.fs.cross_device = cross
    before = _everything(place)
    outcome = batch.transfer(place.ctx, "move", [Source(place.path("1.jpg"))], place.target)
    assert outcome.problems == []
    assert sorted(os.listdir(place.target)) == ["1.jpg", "1.jpg.xmp", "1.xmp"]
    assert sha256(os.path.join(place.target, "1.xmp")) == sidecars[place.path("1.xmp")]
    assert done_text(outcome) == f"Moved 1.jpg to {place.target}. Ctrl+Z undoes it."
    assert leftovers(place.target) == []
    assert outcome.entry is not None
    assert undo(place.ctx, outcome.entry).problems == []
    assert _everything(place) == before


def test_copy_carries_sidecars_and_undo_removes_the_copies(
    place: Place, sidecars: dict[str, str]
) -> None:
    before = _everything(place)
    outcome = batch.transfer(place.ctx, "copy", [Source(place.path("1.jpg"))], place.target)
    assert sorted(os.listdir(place.target)) == ["1.jpg", "1.jpg.xmp", "1.xmp"]
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert _everything(place) == before


def test_rename_renames_sidecars_and_undo_renames_them_back(
    place: Place, sidecars: dict[str, str]
) -> None:
    before = _everything(place)
    outcome = batch.rename(place.ctx, Source(place.path("1.jpg")), "keeper.jpg")
    assert outcome.problems == []
    names = sorted(os.listdir(place.source))
    assert names == ["2.jpg", "3.jpg", "keeper.jpg", "keeper.jpg.xmp", "keeper.xmp"]
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert _everything(place) == before


def test_trash_takes_sidecars_and_undo_restores_them(
    place: Place, sidecars: dict[str, str]
) -> None:
    before = _everything(place)
    outcome = batch.trash(place.ctx, [Source(place.path("1.jpg"))], lambda folder: True)
    assert place.fs.trashed == [place.path(n) for n in ("1.jpg", "1.jpg.xmp", "1.xmp")]
    assert done_text(outcome) == "Moved 1.jpg to the trash. Ctrl+Z undoes it."
    assert outcome.entry is not None
    assert undo(place.ctx, outcome.entry).problems == []
    assert _everything(place) == before


def test_delete_deletes_sidecars(place: Place, sidecars: dict[str, str]) -> None:
    batch.delete(place.ctx, [Source(place.path("1.jpg"))])
    assert sorted(os.listdir(place.source)) == ["2.jpg", "3.jpg"]


def test_a_pairs_shared_sidecar_stays_with_the_raw(place: Place) -> None:
    raw = place.path("2.CR2")
    write_bytes(raw, 3000, seed=5)
    shared = place.path("2.xmp")
    write_bytes(shared, 300, seed=6)
    batch.transfer(place.ctx, "move", [Source(place.path("2.jpg"))], place.target)
    assert os.path.exists(shared)
    outcome = batch.transfer(place.ctx, "move", [Source(raw)], place.target)
    assert sorted(os.listdir(place.target)) == ["2.CR2", "2.jpg", "2.xmp"]
    assert outcome.entry is not None and len(outcome.entry.records) == 2


def test_a_group_moves_and_comes_back_whole(place: Place) -> None:
    raw = place.path("3.NEF")
    write_bytes(raw, 3000, seed=7)
    write_bytes(place.path("3.NEF.xmp"), 300, seed=8)
    write_bytes(place.path("3.jpg.xmp"), 300, seed=9)
    before = _everything(place)
    group = [Source(place.path("3.jpg")), Source(raw)]
    outcome = batch.transfer(place.ctx, "move", group, place.target)
    assert sorted(os.listdir(place.target)) == ["3.NEF", "3.NEF.xmp", "3.jpg", "3.jpg.xmp"]
    assert done_text(outcome) == f"Moved 2 images to {place.target}. Ctrl+Z undoes it."
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert _everything(place) == before


def test_a_sidecar_name_taken_in_the_target_stays_behind_with_a_sentence(
    place: Place, sidecars: dict[str, str]
) -> None:
    theirs = write_bytes(os.path.join(place.target, "1.jpg.xmp"), 100, seed=99)
    outcome = batch.transfer(place.ctx, "move", [Source(place.path("1.jpg"))], place.target)
    assert outcome.problems == [
        "The sidecar of 1.jpg stayed behind: a file named 1.jpg.xmp is already there."
    ]
    assert sha256(os.path.join(place.target, "1.jpg.xmp")) == theirs
    assert sha256(place.path("1.jpg.xmp")) == sidecars[place.path("1.jpg.xmp")]
    assert os.path.exists(os.path.join(place.target, "1.xmp"))


def test_a_fault_on_a_sidecar_loses_nothing(place: Place, sidecars: dict[str, str]) -> None:
    class FullForSidecars(FaultyFs):
        def create_new(self, path: str) -> BinaryIO:
            if ".xmp." in os.path.basename(path):  # the image went; its sidecars meet a full disk
                self.space = 10
            return super().create_new(path)

    place.ctx.fs = FullForSidecars()
    place.ctx.fs.cross_device = True
    outcome = batch.transfer(place.ctx, "move", [Source(place.path("1.jpg"))], place.target)
    assert outcome.problems == [
        f"Could not move 1.jpg.xmp: there is no space left in {place.target}.",
        f"Could not move 1.xmp: there is no space left in {place.target}.",
    ]
    assert sha256(os.path.join(place.target, "1.jpg")) == place.hashes[place.path("1.jpg")]
    for path, digest in sidecars.items():
        assert sha256(path) == digest
    assert leftovers(place.target) == []
