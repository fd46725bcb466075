"""The file-operation runner: jobs on its own thread, questions answered from the GUI thread,
cancel, and the undo journal."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest

from tests.core.fileops.faulty_fs import FaultyFs, sha256, write_bytes
from tests.waits import TIMEOUT_MS
from viewer.core.fileops.batch import Source
from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.core.fileops.journal import Change
from viewer.core.fileops.transfer import Progress
from viewer.model.files.operations import FileOpRunner


@pytest.fixture
def folders(tmp_path: object) -> tuple[str, str]:
    source = os.path.join(str(tmp_path), "a")
    target = os.path.join(str(tmp_path), "b")
    os.makedirs(source)
    os.makedirs(target)
    for number in (1, 2, 3):
        write_bytes(os.path.join(source, f"{number}.jpg"), 3_000_000, seed=number)
    return source, target


@pytest.fixture
def fs() -> FaultyFs:
    return FaultyFs()


@pytest.fixture
def runner(qtbot: object, fs: FaultyFs) -> Iterator[FileOpRunner]:
    made = FileOpRunner(fs)
    yield made
    made.shutdown(wait=True)


def test_move_reports_progress_and_undo_moves_back(
    qtbot: object, runner: FileOpRunner, folders: tuple[str, str], fs: FaultyFs
) -> None:
    source, target = folders
    fs.cross_device = True
    path = os.path.join(source, "1.jpg")
    before = sha256(path)
    seen: list[Progress] = []
    runner.progressed.connect(seen.append)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:  # type: ignore[attr-defined]
        runner.transfer("move", [Source(path)], target)
    outcome = blocker.args[0]
    assert outcome.changes == [Change(path, os.path.join(target, "1.jpg"))]
    assert {p.step for p in seen} >= {"copy", "place", "remove"}
    assert runner.undo_count == 1 and not runner.busy
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):  # type: ignore[attr-defined]
        assert runner.undo()
    assert sha256(path) == before
    assert runner.undo_count == 0
    assert not runner.undo()


def test_a_clash_is_asked_on_the_gui_thread_and_answered(
    qtbot: object, runner: FileOpRunner, folders: tuple[str, str]
) -> None:
    source, target = folders
    write_bytes(os.path.join(target, "2.jpg"), 10)
    asked: list[tuple[Clash, bool]] = []

    def on_clash(clash: Clash) -> None:
        asked.append((clash, threading.current_thread() is threading.main_thread()))
        runner.answer_clash(Answer(Choice.KEEP_BOTH))

    runner.clashAsked.connect(on_clash)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:  # type: ignore[attr-defined]
        runner.transfer("copy", [Source(os.path.join(source, "2.jpg"))], target)
    assert [main for _clash, main in asked] == [True]
    assert blocker.args[0].changes == [Change(None, os.path.join(target, "2 (2).jpg"))]


def test_cancel_while_asked_stops_and_loses_nothing(
    qtbot: object, runner: FileOpRunner, folders: tuple[str, str], fs: FaultyFs
) -> None:
    source, _target = folders
    fs.trash_folders_missing.add(source)
    runner.permanentAsked.connect(lambda folder: runner.cancel())
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:  # type: ignore[attr-defined]
        runner.trash([Source(os.path.join(source, n)) for n in ("1.jpg", "2.jpg")])
    assert blocker.args[0].entry is None
    assert sorted(os.listdir(source)) == ["1.jpg", "2.jpg", "3.jpg"]


def test_esc_mid_copy_cancels(
    qtbot: object, runner: FileOpRunner, folders: tuple[str, str], fs: FaultyFs
) -> None:
    source, target = folders
    fs.cross_device = True
    reached, release = fs.hold_writes(TIMEOUT_MS / 1000)
    path = os.path.join(source, "1.jpg")
    before = sha256(path)
    runner.transfer("move", [Source(path)], target)
    qtbot.waitUntil(reached.is_set, timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    assert runner.busy
    runner.cancel()
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:  # type: ignore[attr-defined]
        release.set()
    assert blocker.args[0].cancelled
    assert sha256(path) == before
    assert os.listdir(target) == []


def test_a_broken_job_fails_with_a_sentence(qtbot: object, folders: tuple[str, str]) -> None:
    class Broken(FaultyFs):
        def is_dir(self, path: str) -> bool:
            raise RuntimeError("broken")

    runner = FileOpRunner(Broken())
    source, target = folders
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as blocker:  # type: ignore[attr-defined]
        runner.transfer("move", [Source(os.path.join(source, "1.jpg"))], target)
    assert blocker.args == ["The file operation stopped: broken."]
    assert not runner.busy
    runner.shutdown()
