"""Faults injected through the file system: the source stays intact, no partial file sits
under the final name, and the user gets a sentence."""

from __future__ import annotations

import errno
import os
import shutil
from typing import BinaryIO

import pytest

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import FaultyFs, leftovers, sha256
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.transfer import STEPS, Progress

BIG = "1.jpg"


def listed(place: Place, name: str = BIG) -> list[Source]:
    return [Source(place.path(name), place.fs.stamp(place.path(name)))]


def assert_nothing_lost(place: Place, kind: str = "move") -> None:
    source = place.path(BIG)
    assert sha256(source) == place.hashes[source]
    assert not os.path.exists(os.path.join(place.target, BIG))
    if os.path.isdir(place.target):
        assert leftovers(place.target) == []


@pytest.mark.parametrize("kind", ["move", "copy"])
def test_no_space_halfway(place: Place, kind: str) -> None:
    place.fs.cross_device = True
    place.fs.space = 1_700_000
    outcome = batch.transfer(place.ctx, kind, listed(place), place.target)
    assert outcome.problems == [
        f"Could not {kind} 1.jpg: there is no space left in {place.target}."
    ]
    assert outcome.entry is None
    assert_nothing_lost(place)


def test_permission_denied_on_the_target(place: Place) -> None:
    place.fs.cross_device = True
    place.fs.deny_create = True
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert outcome.problems == ["Could not move 1.jpg: permission denied."]
    assert_nothing_lost(place)


def test_permission_denied_on_a_real_folder(place: Place) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    place.fs.cross_device = True
    os.chmod(place.target, 0o500)
    try:
        outcome = batch.transfer(place.ctx, "copy", listed(place), place.target)
    finally:
        os.chmod(place.target, 0o700)
    assert outcome.problems == ["Could not copy 1.jpg: permission denied."]
    assert_nothing_lost(place)


def test_target_folder_removed_mid_copy(place: Place) -> None:
    place.fs.cross_device = True
    place.fs.after_write = lambda written: shutil.rmtree(place.target, ignore_errors=True)
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert outcome.problems == [
        f"Could not move 1.jpg: the folder {place.target} is no longer there."
    ]
    assert_nothing_lost(place)


def test_target_folder_gone_before_start(place: Place) -> None:
    shutil.rmtree(place.target)
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert outcome.problems == [f"Could not move 1.jpg: the folder {place.target} is not there."]
    assert_nothing_lost(place)


@pytest.mark.parametrize("cross", [False, True], ids=["rename", "cross-device"])
def test_source_changed_since_listed(place: Place, cross: bool) -> None:
    place.fs.cross_device = cross
    stale = listed(place)
    with open(place.path(BIG), "ab") as writer:
        writer.write(b"more")
    place.hashes[place.path(BIG)] = sha256(place.path(BIG))
    outcome = batch.transfer(place.ctx, "move", stale, place.target)
    assert outcome.problems == ["1.jpg changed since it was listed, so it was not moved."]
    assert_nothing_lost(place)


def test_source_changed_during_the_copy(place: Place) -> None:
    place.fs.cross_device = True

    def edit(written: int) -> None:
        with open(place.path(BIG), "r+b") as writer:
            writer.write(b"X")
        os.utime(place.path(BIG), ns=(1, 1))

    place.fs.after_write = edit
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert outcome.problems == ["1.jpg changed since it was listed, so it was not moved."]
    place.hashes[place.path(BIG)] = sha256(place.path(BIG))
    assert_nothing_lost(place)


@pytest.mark.parametrize("step", STEPS)
def test_cancel_at_every_step_of_a_cross_device_move(place: Place, step: str) -> None:
    place.fs.cross_device = True
    seen: list[str] = []

    def cancel_at(progress: Progress) -> None:
        seen.append(progress.step)
        if progress.step == step:
            place.ctx.token.cancel()

    place.ctx.progress = cancel_at
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert step in seen
    assert outcome.cancelled
    assert outcome.entry is None and outcome.changes == []
    assert_nothing_lost(place)


def test_cancel_stops_the_rest_of_a_batch_and_keeps_what_was_done(place: Place) -> None:
    names = ["2.jpg", "3.jpg", "1.jpg"]

    def cancel_on_second(progress: Progress) -> None:
        if progress.index == 1:
            place.ctx.token.cancel()

    place.ctx.progress = cancel_on_second
    outcome = batch.transfer(
        place.ctx, "copy", [Source(place.path(n)) for n in names], place.target
    )
    assert outcome.cancelled
    assert os.listdir(place.target) == ["2.jpg"]
    assert outcome.entry is not None and len(outcome.entry.records) == 1


def test_a_file_that_vanished_gets_a_sentence_and_the_rest_go_on(place: Place) -> None:
    gone = Source(os.path.join(place.source, "gone.jpg"))
    outcome = batch.transfer(place.ctx, "move", [gone, Source(place.path("2.jpg"))], place.target)
    assert outcome.problems == ["Could not move gone.jpg: the file is no longer there."]
    assert os.listdir(place.target) == ["2.jpg"]


def test_a_copy_that_does_not_match_is_not_placed(place: Place) -> None:
    place.fs.cross_device = True

    def corrupt(written: int) -> None:
        partial = next(n for n in os.listdir(place.target) if n.endswith(".viewer-part"))
        with open(os.path.join(place.target, partial), "r+b") as writer:
            writer.write(b"\0")

    place.fs.after_write = corrupt
    outcome = batch.transfer(place.ctx, "move", listed(place, "3.jpg"), place.target)
    assert outcome.problems == ["The copy of 3.jpg did not match the original."]
    assert sha256(place.path("3.jpg")) == place.hashes[place.path("3.jpg")]
    assert os.listdir(place.target) == []


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "the disk or share is read-only"),
        (errno.EIO, "the share stopped answering"),
        (errno.ENOSPC, "there is no space left in {target}"),
    ],
)
def test_errors_on_the_target_are_sentences(place: Place, code: int, reason: str) -> None:
    class Refusing(FaultyFs):
        def create_new(self, path: str) -> BinaryIO:
            raise OSError(code, os.strerror(code), path)

    place.ctx.fs = Refusing()
    place.ctx.fs.cross_device = True
    outcome = batch.transfer(place.ctx, "move", listed(place), place.target)
    assert outcome.problems == [f"Could not move 1.jpg: {reason.format(target=place.target)}."]
    assert_nothing_lost(place)
