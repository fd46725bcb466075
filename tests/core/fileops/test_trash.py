"""The trash: really used on Linux (a temporary XDG_DATA_HOME) and restored by undo; a volume
without a trash (injected) asks before any permanent delete."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import sha256, write_bytes
from viewer.core.fileops import batch, trash_probe
from viewer.core.fileops.batch import Source
from viewer.core.fileops.errors import FileOpError
from viewer.core.fileops.journal import undo
from viewer.core.fileops.trash import TrashEntry, restore

linux_only = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the freedesktop trash is Linux's"
)


class Child:
    """trash_child.py with HOME and XDG_DATA_HOME under ``home``."""

    def __init__(self, home: str, *paths: str) -> None:
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"))
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
        env["PYTHONPATH"] = root
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.core.fileops.trash_child", *paths],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True, cwd=root,
        )  # fmt: skip

    def answer(self, line: str = "\n") -> dict[str, list[str]]:
        """Tell the child to go on (if it waits), then read its next line."""
        assert self.process.stdin is not None and self.process.stdout is not None
        if line:
            self.process.stdin.write(line)
            self.process.stdin.flush()
        result: dict[str, list[str]] = json.loads(self.process.stdout.readline())
        return result

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        assert self.process.wait() == 0
        self.process.stdout.close()


@linux_only
def test_trash_and_undo_through_the_real_trash(tmp_path: object) -> None:
    home = str(tmp_path)
    folder = os.path.join(home, "pictures")
    os.makedirs(folder)
    path = os.path.join(folder, "x.jpg")
    first = write_bytes(path, 5000, seed=1)
    child = Child(home, path, path)
    trashed = child.answer("")
    trash = os.path.join(home, "data", "Trash")
    assert trashed["problems"] == []
    assert not os.path.exists(path)
    assert os.path.dirname(trashed["stored"][0]) == os.path.join(trash, "files")
    assert sha256(trashed["stored"][0]) == first
    second = write_bytes(path, 7000, seed=2)  # a new x.jpg, trashed beside the first
    again = child.answer()
    assert again["stored"][0] != trashed["stored"][0]
    assert len(os.listdir(os.path.join(trash, "info"))) == 2
    assert child.answer() == {"problems": []}  # undo the second: the newer x.jpg returns
    assert sha256(path) == second
    assert os.listdir(os.path.join(trash, "files")) == [os.path.basename(trashed["stored"][0])]
    taken = child.answer()  # undo the first: its name is taken now, so it stays in the trash
    assert taken == {"problems": ["x.jpg stays in the trash: another file has taken its name."]}
    assert sha256(trashed["stored"][0]) == first
    child.close()


@linux_only
def test_a_local_folder_has_a_trash(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", os.path.join(str(tmp_path), "data"))
    assert trash_probe.has_trash(str(tmp_path))


def test_without_trash_asks_once_per_folder_before_deleting(place: Place) -> None:
    place.fs.trash_folders_missing.add(place.source)
    asked: list[str] = []
    names = ["1.jpg", "2.jpg", "3.jpg"]

    def refuse(folder: str) -> bool:
        asked.append(folder)
        return False

    outcome = batch.trash(place.ctx, [Source(place.path(n)) for n in names], refuse)
    assert asked == [place.source]
    assert outcome.entry is None and outcome.problems == []
    assert {place.path(n): sha256(place.path(n)) for n in names} == place.hashes
    assert place.fs.trashed == [] and place.fs.unlinked == []

    outcome = batch.trash(place.ctx, [Source(place.path(n)) for n in names], lambda f: True)
    assert os.listdir(place.source) == []
    assert place.fs.trashed == []
    assert outcome.entry is not None and outcome.entry.kind == "delete"
    assert not outcome.entry.undoable
    assert undo(place.ctx, outcome.entry).problems[0].endswith("that cannot be undone.")


def test_undo_says_so_where_the_trash_cannot_be_read(place: Place) -> None:
    with pytest.raises(FileOpError, match=r"restore it from there"):
        restore(place.ctx, TrashEntry(place.path("gone.jpg")))


def test_trash_refuses_a_file_changed_since_listed(place: Place) -> None:
    path = place.path("2.jpg")
    stale = Source(path, place.fs.stamp(path))
    with open(path, "ab") as writer:
        writer.write(b"!")
    outcome = batch.trash(place.ctx, [stale], lambda folder: True)
    assert outcome.problems == [
        "2.jpg changed since it was listed, so it was not moved to the trash."
    ]
    assert os.path.exists(path) and place.fs.trashed == []


def test_a_failing_trash_gets_a_sentence(place: Place) -> None:
    class Refusing(type(place.fs)):  # type: ignore[misc]
        def has_trash(self, folder: str) -> bool:
            return True

        def trash(self, path: str) -> None:
            raise PermissionError(13, "Permission denied", path)

    place.ctx.fs = Refusing()
    outcome = batch.trash(place.ctx, [Source(place.path("2.jpg"))], lambda folder: True)
    assert outcome.problems == ["Could not move 2.jpg to the trash: permission denied."]
    assert sha256(place.path("2.jpg")) == place.hashes[place.path("2.jpg")]
