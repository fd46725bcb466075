"""Every operation and its undo on real temporary folders, checked by sha256 and place."""

from __future__ import annotations

import os

import pytest

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import leftovers, sha256
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.journal import Change, undo
from viewer.core.fileops.transfer import STEPS


def sources(place: Place, *names: str) -> list[Source]:
    return [Source(place.path(name), place.fs.stamp(place.path(name))) for name in names]


@pytest.mark.parametrize("cross", [False, True], ids=["rename", "cross-device"])
def test_move_then_undo(place: Place, cross: bool) -> None:
    place.fs.cross_device = cross
    old = place.path("1.jpg")
    new = os.path.join(place.target, "1.jpg")
    outcome = batch.transfer(place.ctx, "move", sources(place, "1.jpg"), place.target)
    assert outcome.problems == []
    assert outcome.changes == [Change(old, new)]
    assert not os.path.exists(old)
    assert sha256(new) == place.hashes[old]
    assert leftovers(place.target) == []
    steps = {progress.step for progress in place.steps}
    assert steps == (set(STEPS) if cross else {"place"})
    assert outcome.entry is not None
    back = undo(place.ctx, outcome.entry)
    assert back.problems == []
    assert back.changes == [Change(new, old)]
    assert sha256(old) == place.hashes[old]
    assert os.listdir(place.target) == []


def test_cross_device_move_keeps_the_modification_time(place: Place) -> None:
    place.fs.cross_device = True
    old = place.path("3.jpg")
    os.utime(old, ns=(1_000_000_000_000, 1_234_000_000_000))
    batch.transfer(place.ctx, "move", [Source(old)], place.target)
    assert os.stat(os.path.join(place.target, "3.jpg")).st_mtime_ns == 1_234_000_000_000


def test_copy_then_undo_removes_the_copy(place: Place) -> None:
    old = place.path("3.jpg")
    outcome = batch.transfer(place.ctx, "copy", sources(place, "3.jpg"), place.target)
    copy = os.path.join(place.target, "3.jpg")
    assert outcome.changes == [Change(None, copy)]
    assert sha256(copy) == sha256(old) == place.hashes[old]
    assert outcome.entry is not None
    back = undo(place.ctx, outcome.entry)
    assert back.changes == [Change(copy, None)]
    assert not os.path.exists(copy)
    assert sha256(old) == place.hashes[old]


def test_undo_keeps_a_copy_edited_since(place: Place) -> None:
    outcome = batch.transfer(place.ctx, "copy", sources(place, "2.jpg"), place.target)
    copy = os.path.join(place.target, "2.jpg")
    with open(copy, "ab") as writer:
        writer.write(b"edited")
    assert outcome.entry is not None
    back = undo(place.ctx, outcome.entry)
    assert os.path.exists(copy)
    assert back.problems == [f"The copy {copy} has changed since, so it was kept."]


def test_rename_then_undo(place: Place) -> None:
    old = place.path("2.jpg")
    outcome = batch.rename(place.ctx, Source(old), "keeper.jpg")
    new = place.path("keeper.jpg")
    assert outcome.changes == [Change(old, new)]
    assert sha256(new) == place.hashes[old]
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert sha256(old) == place.hashes[old]
    assert not os.path.exists(new)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("3.jpg", "A file named 3.jpg already exists here."),
        ("a/b.jpg", "A file name cannot contain /."),
        ("", "A file name cannot be empty."),
        ("nul.jpg", "“nul.jpg” is a name Windows reserves."),
        ("end.", "A file name cannot end with a space or a dot."),
    ],
)
def test_rename_refuses_with_a_sentence(place: Place, name: str, sentence: str) -> None:
    old = place.path("2.jpg")
    outcome = batch.rename(place.ctx, Source(old), name)
    assert outcome.problems == [sentence]
    assert outcome.entry is None
    assert sha256(old) == place.hashes[old]
    assert sha256(place.path("3.jpg")) == place.hashes[place.path("3.jpg")]


def test_rename_to_the_same_name_does_nothing(place: Place) -> None:
    outcome = batch.rename(place.ctx, Source(place.path("2.jpg")), "2.jpg")
    assert (outcome.changes, outcome.problems, outcome.entry) == ([], [], None)


def test_batch_undo_restores_every_file(place: Place) -> None:
    place.fs.cross_device = True
    names = ("1.jpg", "2.jpg", "3.jpg")
    outcome = batch.transfer(place.ctx, "move", sources(place, *names), place.target)
    assert sorted(os.listdir(place.target)) == list(names)
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert {place.path(n): sha256(place.path(n)) for n in names} == place.hashes
    assert os.listdir(place.target) == []


def test_move_into_its_own_folder_is_refused(place: Place) -> None:
    outcome = batch.transfer(place.ctx, "move", sources(place, "2.jpg"), place.source)
    assert outcome.problems == [f"2.jpg is already in {place.source}."]


def test_permanent_delete_cannot_be_undone(place: Place) -> None:
    old = place.path("2.jpg")
    outcome = batch.delete(place.ctx, sources(place, "2.jpg"))
    assert not os.path.exists(old)
    assert outcome.entry is not None and not outcome.entry.undoable
    back = undo(place.ctx, outcome.entry)
    assert back.problems == ["2.jpg was deleted permanently; that cannot be undone."]


def test_changes_in_the_open_folder(place: Place) -> None:
    outcome = batch.transfer(place.ctx, "move", sources(place, "2.jpg"), place.target)
    assert batch.changes_in(outcome, place.source) == [Change(place.path("2.jpg"), None)]
    assert batch.changes_in(outcome, "/elsewhere") == []


def test_an_undo_that_fails_for_lack_of_space_can_be_tried_again(place: Place) -> None:
    old = place.path("1.jpg")
    outcome = batch.transfer(place.ctx, "move", sources(place, "1.jpg"), place.target)
    assert outcome.entry is not None
    place.fs.cross_device = True
    place.fs.space = 1000
    failed = undo(place.ctx, outcome.entry)
    assert failed.problems == [f"Could not undo 1.jpg: there is no space left in {place.source}."]
    assert failed.entry == outcome.entry
    place.fs.space = None
    assert undo(place.ctx, failed.entry).problems == []
    assert sha256(old) == place.hashes[old]
