"""Culling against a small host standing in for the window: sources (current or marked),
questions, the folder and position updated after each operation."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.core.fileops.faulty_fs import FaultyFs, sha256, write_bytes
from tests.ui.culling_fakes import ScriptedPrompts
from tests.waits import TIMEOUT_MS
from viewer.core.fileops.journal import Change
from viewer.core.fileops.listing import names_after, position_after, renamed_to
from viewer.core.io.reading import FileStamp
from viewer.model.files.operations import FileOpRunner
from viewer.settings.store import Settings
from viewer.ui.culling.culling import Culling


class Host:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.names = sorted(os.listdir(folder))
        self.index: int | None = 0
        self.notices: list[str] = []
        self.problems: list[str] = []

    def current_path(self) -> str | None:
        return None if self.index is None else os.path.join(self.folder, self.names[self.index])

    def listed_paths(self) -> list[str]:
        return [os.path.join(self.folder, n) for n in self.names]

    def stamp_of(self, path: str) -> FileStamp | None:
        return None

    def members(self, path: str) -> list[str]:
        return [path]

    def take_changes(self, changes: list[Change]) -> None:
        current = None if self.index is None else self.names[self.index]
        after = names_after(self.names, changes)
        moved = renamed_to(changes, current) if current else None
        self.index = position_after(self.names, after, current, moved)
        self.names = after

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def problem(self, text: str) -> None:
        self.problems.append(text)


@dataclass
class Setup:
    culling: Culling
    host: Host
    prompts: ScriptedPrompts
    target: str
    fs: FaultyFs

    def run(self, qtbot: object, command: str, *args: str) -> None:
        with qtbot.waitSignal(self.culling.runner.finished, timeout=TIMEOUT_MS):  # type: ignore[attr-defined]
            getattr(self.culling, command)(*args)


@pytest.fixture
def setup(qtbot: object, tmp_path: object) -> Iterator[Setup]:
    folder = os.path.join(str(tmp_path), "shots")
    target = os.path.join(str(tmp_path), "keep")
    os.makedirs(folder)
    os.makedirs(target)
    for number in range(1, 6):
        write_bytes(os.path.join(folder, f"{number}.jpg"), 2000, seed=number)
    host = Host(folder)
    prompts = ScriptedPrompts()
    prompts.target = target
    fs = FaultyFs()
    runner = FileOpRunner(fs)
    yield Setup(Culling(host, runner, prompts, Settings()), host, prompts, target, fs)
    runner.shutdown(wait=True)


def test_move_of_the_last_image_goes_to_the_previous(qtbot: object, setup: Setup) -> None:
    setup.host.index = 4
    setup.run(qtbot, "transfer", "move")
    assert os.listdir(setup.target) == ["5.jpg"]
    assert setup.host.names == ["1.jpg", "2.jpg", "3.jpg", "4.jpg"] and setup.host.index == 3
    assert setup.host.notices[-1] == f"Moved 5.jpg to {setup.target}. Ctrl+Z undoes it."
    assert Settings().file_targets() == [setup.target]
    assert setup.prompts.offered == [[]]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="undo reads the trash on Linux")
def test_marked_images_go_together_and_undo_brings_them_back(qtbot: object, setup: Setup) -> None:
    host, culling = setup.host, setup.culling
    for index in (1, 3):  # 2.jpg and 4.jpg
        host.index = index
        culling.toggle_mark()
    host.index = 1
    setup.run(qtbot, "trash")
    assert host.names == ["1.jpg", "3.jpg", "5.jpg"]
    assert host.index == 1  # on to 3.jpg, the next one left
    assert len(culling.marks) == 0
    setup.run(qtbot, "undo")
    assert sorted(os.listdir(host.folder)) == [f"{n}.jpg" for n in range(1, 6)]
    assert host.names == [f"{n}.jpg" for n in range(1, 6)]


def test_shift_delete_names_the_file_and_no_means_nothing(qtbot: object, setup: Setup) -> None:
    setup.prompts.yes = False
    setup.culling.delete()
    assert setup.prompts.asked == ["Delete 1.jpg permanently? This cannot be undone."]
    assert not setup.culling.busy and len(os.listdir(setup.host.folder)) == 5


def test_no_trash_is_asked_once_per_folder(qtbot: object, setup: Setup) -> None:
    setup.fs.trash_folders_missing.add(setup.host.folder)
    setup.prompts.no_trash_yes = False
    setup.run(qtbot, "trash")
    assert len(os.listdir(setup.host.folder)) == 5
    setup.prompts.no_trash_yes = True
    setup.run(qtbot, "trash")
    setup.run(qtbot, "trash")
    folder = setup.host.folder
    assert setup.prompts.asked == [f"no trash: {folder}", f"no trash: {folder}"]
    assert sorted(os.listdir(folder)) == ["3.jpg", "4.jpg", "5.jpg"]
    assert setup.fs.trashed == []
    assert setup.host.notices[-1] == "Deleted 2.jpg permanently."


def test_rename_keeps_the_position_on_the_renamed_file(qtbot: object, setup: Setup) -> None:
    setup.host.index = 2
    setup.prompts.name = "9.jpg"
    before = sha256(os.path.join(setup.host.folder, "3.jpg"))
    setup.run(qtbot, "rename")
    assert setup.host.names == ["1.jpg", "2.jpg", "4.jpg", "5.jpg", "9.jpg"]
    assert setup.host.current_path() == os.path.join(setup.host.folder, "9.jpg")
    assert sha256(os.path.join(setup.host.folder, "9.jpg")) == before


def test_copy_clash_is_asked_and_the_position_stays(qtbot: object, setup: Setup) -> None:
    write_bytes(os.path.join(setup.target, "1.jpg"), 10)
    setup.run(qtbot, "transfer", "copy")
    assert setup.prompts.asked == ["Copy to…", f"clash: {os.path.join(setup.target, '1.jpg')}"]
    assert sorted(os.listdir(setup.target)) == ["1 (2).jpg", "1.jpg"]
    assert setup.host.index == 0 and len(setup.host.names) == 5


def test_nothing_to_undo_says_so(setup: Setup) -> None:
    setup.culling.undo()
    assert setup.host.notices == ["Nothing to undo."]


def test_a_failure_is_a_problem_sentence(qtbot: object, setup: Setup) -> None:
    setup.fs.deny_create = True
    setup.fs.cross_device = True
    setup.run(qtbot, "transfer", "copy")
    assert setup.host.problems == ["Could not copy 1.jpg: permission denied."]
