"""The culling keys in the window: Delete, Shift+Delete, F7, F8, F2, Ctrl+Z, M and Esc, the
chooser's answer, marks and batches, and where the view is after each operation."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from PyQt5.QtCore import Qt

from tests.core.fileops.faulty_fs import FaultyFs, sha256
from tests.ui.culling_fakes import ScriptedPrompts
from tests.ui.helpers import open_at, shown
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def fs() -> FaultyFs:
    return FaultyFs()


@pytest.fixture
def prompts(tmp_path: object) -> ScriptedPrompts:
    answers = ScriptedPrompts()
    answers.target = os.path.join(str(tmp_path), "keep")
    os.makedirs(answers.target)
    return answers


@pytest.fixture
def window(qtbot, fs, prompts, image_folder) -> Iterator[MainWindow]:
    model = PrefetchModel(plan=ReadAheadPlan(1, 1))
    made = MainWindow(model, lister=FolderLister(poll_seconds=0), file_system=fs)
    made.culling.use_prompts(prompts)
    qtbot.addWidget(made)
    with qtbot.waitActive(made):
        made.show()
        made.activateWindow()
    open_at(qtbot, made, image_folder, 0)
    yield made
    made.culling.close()
    model.shutdown(wait=True)
    made.lister.shutdown(wait=True)


def press(qtbot, window, key, modifier=Qt.NoModifier) -> None:
    """Press a culling key and wait for its operation to finish."""
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, key, modifier)


def names(window) -> list[str]:
    return list(window.sequence.names)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="undo reads the trash on Linux")
def test_delete_trashes_moves_on_and_ctrl_z_brings_it_back(qtbot, window, image_folder):
    path = os.path.join(image_folder, "1.jpg")
    before = sha256(path)
    press(qtbot, window, Qt.Key_Delete)
    assert not os.path.exists(path)
    assert "1.jpg" not in names(window) and len(names(window)) == 11  # no waiting for a poll
    assert window.current_path() == os.path.join(image_folder, "2.jpg")
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    assert window.status_area.notice_text() == "Moved 1.jpg to the trash. Ctrl+Z undoes it."
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert sha256(path) == before
    assert names(window)[0] == "1.jpg" and len(names(window)) == 12
    assert window.current_path() == os.path.join(image_folder, "2.jpg")


def test_delete_at_the_end_goes_to_the_previous(qtbot, window, image_folder):
    window.go_last()
    press(qtbot, window, Qt.Key_Delete)
    assert window.current_path() == os.path.join(image_folder, "11.jpg")
    assert window.current_index == 10


def test_shift_delete_asks_naming_the_file(qtbot, window, prompts, image_folder):
    prompts.yes = False
    qtbot.keyClick(window, Qt.Key_Delete, Qt.ShiftModifier)
    assert prompts.asked == ["Delete 1.jpg permanently? This cannot be undone."]
    assert len(os.listdir(image_folder)) == 12
    prompts.yes = True
    press(qtbot, window, Qt.Key_Delete, Qt.ShiftModifier)
    assert not os.path.exists(os.path.join(image_folder, "1.jpg"))
    assert window.status_area.notice_text() == "Deleted 1.jpg permanently."
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    cannot = "1.jpg was deleted permanently; that cannot be undone."
    assert window.status_area.notice_text() == cannot


def test_a_folder_without_trash_asks_before_deleting(qtbot, window, fs, prompts, image_folder):
    fs.trash_folders_missing.add(image_folder)
    prompts.no_trash_yes = False
    press(qtbot, window, Qt.Key_Delete)
    assert prompts.asked == [f"no trash: {image_folder}"]
    assert len(os.listdir(image_folder)) == 12 and fs.trashed == []


def test_f7_moves_to_the_chosen_folder_and_f8_copies(qtbot, window, prompts, image_folder):
    press(qtbot, window, Qt.Key_F7)
    assert os.listdir(prompts.target) == ["1.jpg"]
    assert window.current_path() == os.path.join(image_folder, "2.jpg")
    press(qtbot, window, Qt.Key_F8)
    assert sorted(os.listdir(prompts.target)) == ["1.jpg", "2.jpg"]
    assert window.current_path() == os.path.join(image_folder, "2.jpg")
    assert prompts.asked == ["Move to…", "Copy to…"]
    assert prompts.offered == [[], [prompts.target]]  # the nine targets remember it


def test_marks_are_shown_counted_and_act_together(qtbot, window, prompts, image_folder):
    qtbot.keyClick(window, Qt.Key_M)
    assert window.status_area.marked_text() == "1 marked"
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.keyClick(window, Qt.Key_M)
    assert window.status_area.marked_text() == "2 marked"
    assert window.culling.marks.paths() == [
        os.path.join(image_folder, "1.jpg"),
        os.path.join(image_folder, "3.jpg"),
    ]
    qtbot.keyClick(window, Qt.Key_Left)  # on 2.jpg, unmarked
    press(qtbot, window, Qt.Key_F7)
    assert sorted(os.listdir(prompts.target)) == ["1.jpg", "3.jpg"]
    assert window.current_path() == os.path.join(image_folder, "2.jpg")
    assert window.status_area.marked_text() == ""
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert len(os.listdir(image_folder)) == 12 and os.listdir(prompts.target) == []


def test_f2_renames_and_the_stored_image_follows(qtbot, window, prompts, image_folder):
    prompts.name = "zz.jpg"
    press(qtbot, window, Qt.Key_F2)
    assert window.current_path() == os.path.join(image_folder, "zz.jpg")
    assert window.current_index == 11
    assert window.model.is_cached(11)  # re-keyed, not read again
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.current_path() == os.path.join(image_folder, "1.jpg")
    assert window.model.is_cached(0)


def test_esc_cancels_a_move_while_browsing_goes_on(qtbot, window, fs, prompts, image_folder):
    fs.cross_device = True
    reached, release = fs.hold_writes(TIMEOUT_MS / 1000)
    path = os.path.join(image_folder, "1.jpg")
    before = sha256(path)
    qtbot.keyClick(window, Qt.Key_F7)
    qtbot.waitUntil(reached.is_set, timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: window.status_area.work_text().startswith("Moving 1.jpg"), timeout=TIMEOUT_MS
    )
    qtbot.keyClick(window, Qt.Key_Right)  # still browsable
    assert window.current_index == 1
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(window, Qt.Key_Escape)
        release.set()
    assert blocker.args[0].cancelled
    assert sha256(path) == before and os.listdir(prompts.target) == []
    assert window.status_area.work_text() == "" and len(names(window)) == 12
    assert window.current_index == 1
