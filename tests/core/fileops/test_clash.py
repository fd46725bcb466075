"""Name clashes: replace, keep both as ``name (2).jpg``, skip, for the rest of a batch, cancel."""

from __future__ import annotations

import os
import shutil

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import sha256, write_bytes
from viewer.core.fileops import batch
from viewer.core.fileops.batch import Source
from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.core.fileops.journal import undo


class Asker:
    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.asked: list[Clash] = []

    def __call__(self, clash: Clash) -> Answer:
        self.asked.append(clash)
        return self.answers.pop(0)


def occupy(place: Place, *names: str) -> dict[str, str]:
    """Files of other bytes already in the target, under these names."""
    return {n: write_bytes(os.path.join(place.target, n), 500, seed=99) for n in names}


def test_keep_both_numbers_the_new_file(place: Place) -> None:
    occupy(place, "2.jpg", "2 (2).jpg")
    ask = Asker(Answer(Choice.KEEP_BOTH))
    outcome = batch.transfer(place.ctx, "copy", [Source(place.path("2.jpg"))], place.target, ask)
    made = os.path.join(place.target, "2 (3).jpg")
    assert ask.asked == [Clash(place.path("2.jpg"), os.path.join(place.target, "2.jpg"))]
    assert sha256(made) == place.hashes[place.path("2.jpg")]
    assert outcome.entry is not None
    undo(place.ctx, outcome.entry)
    assert sorted(os.listdir(place.target)) == ["2 (2).jpg", "2.jpg"]


def test_replace_overwrites_only_when_chosen(place: Place) -> None:
    place.fs.cross_device = True
    occupy(place, "2.jpg")
    ask = Asker(Answer(Choice.REPLACE))
    batch.transfer(place.ctx, "move", [Source(place.path("2.jpg"))], place.target, ask)
    assert sha256(os.path.join(place.target, "2.jpg")) == place.hashes[place.path("2.jpg")]
    assert os.listdir(place.target) == ["2.jpg"]


def test_skip_leaves_both_files(place: Place) -> None:
    theirs = occupy(place, "2.jpg")
    ask = Asker(Answer(Choice.SKIP))
    outcome = batch.transfer(place.ctx, "move", [Source(place.path("2.jpg"))], place.target, ask)
    assert outcome.entry is None and outcome.problems == []
    assert sha256(os.path.join(place.target, "2.jpg")) == theirs["2.jpg"]
    assert sha256(place.path("2.jpg")) == place.hashes[place.path("2.jpg")]


def test_an_answer_for_the_rest_is_asked_once(place: Place) -> None:
    occupy(place, "1.jpg", "2.jpg", "3.jpg")
    ask = Asker(Answer(Choice.SKIP, for_rest=True))
    names = ["1.jpg", "2.jpg", "3.jpg"]
    outcome = batch.transfer(
        place.ctx, "move", [Source(place.path(n)) for n in names], place.target, ask
    )
    assert len(ask.asked) == 1
    assert outcome.entry is None
    assert sorted(os.listdir(place.source)) == names


def test_cancel_from_the_question_stops_the_batch(place: Place) -> None:
    occupy(place, "2.jpg")
    ask = Asker(Answer(Choice.CANCEL))
    names = ["3.jpg", "2.jpg", "1.jpg"]
    outcome = batch.transfer(
        place.ctx, "copy", [Source(place.path(n)) for n in names], place.target, ask
    )
    assert outcome.cancelled
    assert sorted(os.listdir(place.target)) == ["2.jpg", "3.jpg"]


def test_a_name_taken_while_copying_is_never_overwritten(place: Place) -> None:
    place.fs.cross_device = True
    taken = os.path.join(place.target, "1.jpg")

    def someone_writes(written: int) -> None:
        if not os.path.exists(taken):
            write_bytes(taken, 10, seed=7)

    place.fs.after_write = someone_writes
    outcome = batch.transfer(place.ctx, "move", [Source(place.path("1.jpg"))], place.target)
    assert outcome.problems == [
        "Could not move 1.jpg: a file with that name appeared in the target meanwhile."
    ]
    assert os.path.getsize(taken) == 10
    assert sha256(place.path("1.jpg")) == place.hashes[place.path("1.jpg")]
    shutil.rmtree(place.target)
