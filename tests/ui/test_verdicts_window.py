"""Verdicts in the window: the keys set, clear and toggle them, on the marked images too;
they show at once in the status bar, on the image and on cells; Ctrl+Z puts the sidecar's
bytes back; View ▸ Show filters and refines as verdicts arrive; RAW+JPEG pairs are one item
and move together; an unsafe sidecar is named in a sentence while the image still shows."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator, Sequence

import pytest
from PyQt5.QtCore import Qt

from tests.ui.culling_fakes import ScriptedPrompts
from tests.ui.helpers import shown
from tests.waits import TIMEOUT_MS
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.core.verdicts.api import read_verdict
from viewer.core.verdicts.model import Label, Verdict
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.verdicts.book import VerdictBook
from viewer.model.verdicts.core_calls import VerdictIO
from viewer.model.verdicts.show_filter import ShowFilter, ShowKind
from viewer.ui.window.main_window import MainWindow

LIGHTROOM_SIDECAR = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmp:Rating="2" crs:Exposure2012="+0.35"/>
 </rdf:RDF>
</x:xmpmeta>
"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<x:xmpmeta xmlns:x="adobe:ns:meta/">&lol2;</x:xmpmeta>
"""


class GatedIO(VerdictIO):
    """Reads wait for ``gate``; each read is counted."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.reads = 0

    def read(self, image: str, names: Sequence[str]) -> Verdict:
        self.gate.wait(TIMEOUT_MS / 1000)
        self.reads += 1
        return super().read(image, names)


@pytest.fixture
def prompts(tmp_path) -> ScriptedPrompts:
    answers = ScriptedPrompts()
    answers.target = os.path.join(str(tmp_path), "keep")
    os.makedirs(answers.target)
    return answers


def _open(qtbot, prompts, folder, book: VerdictBook | None = None) -> MainWindow:
    model = PrefetchModel(plan=ReadAheadPlan(1, 1))
    window = MainWindow(model, lister=FolderLister(poll_seconds=0), verdicts=book)
    window.culling.use_prompts(prompts)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_path(folder)
    qtbot.waitUntil(lambda: shown(window, 0), timeout=TIMEOUT_MS)
    return window


def _read_all(qtbot, window: MainWindow) -> None:
    book = window.verdicts.book
    qtbot.waitUntil(lambda: book.wanted() and book.known() == book.wanted(), timeout=TIMEOUT_MS)


@pytest.fixture
def window(qtbot, prompts, image_folder) -> Iterator[MainWindow]:
    made = _open(qtbot, prompts, image_folder)
    _read_all(qtbot, made)
    yield made
    _close(made)


def _close(window: MainWindow) -> None:
    window.verdicts.close()
    window.culling.close()
    window.model.shutdown(wait=True)
    window.lister.shutdown(wait=True)


def key(qtbot, window, which, modifier=Qt.NoModifier) -> None:
    """Press a verdict key and wait for its sidecar to be written."""
    with qtbot.waitSignal(window.verdicts.book.idle, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, which, modifier)


def on_disk(path: str) -> Verdict:
    return read_verdict(path).verdict


def test_keys_set_clear_and_toggle_verdicts_in_memory_and_sidecar(qtbot, window, image_folder):
    path = os.path.join(image_folder, "1.jpg")
    key(qtbot, window, Qt.Key_3)
    assert window.status_area.verdict_text() == "★★★☆☆"
    assert "★★★☆☆" in window.verdicts.badge.plain_text()
    assert on_disk(path) == Verdict(3)
    assert os.path.exists(path + ".xmp")  # NAME.EXT.xmp by default
    key(qtbot, window, Qt.Key_3)  # the same key again clears
    assert on_disk(path) == Verdict(0)
    assert window.status_area.verdict_text() == ""
    key(qtbot, window, Qt.Key_6)
    key(qtbot, window, Qt.Key_X)
    assert on_disk(path) == Verdict(-1, Label.RED)
    assert "Rejected" in window.verdicts.badge.plain_text()
    assert window.status_area.verdict_text() == "Rejected · Red"
    key(qtbot, window, Qt.Key_X)
    key(qtbot, window, Qt.Key_6)
    assert on_disk(path) == Verdict(0, None)


def test_a_verdict_shows_at_once_before_its_sidecar_is_written(qtbot, prompts, image_folder):
    io = GatedIO()
    io.gate.set()
    book = VerdictBook(io)
    window = _open(qtbot, prompts, image_folder, book)
    _read_all(qtbot, window)
    writing = threading.Event()
    original = io.write

    def slow_write(*args, **kwargs):
        writing.wait(TIMEOUT_MS / 1000)
        return original(*args, **kwargs)

    io.write = slow_write  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key_5)
    assert window.status_area.verdict_text() == "★★★★★"  # before the share answered
    assert window.verdicts.cell_badges(window.current_path()).verdict == Verdict(5)
    assert book.pending_writes == 1
    with qtbot.waitSignal(book.idle, timeout=TIMEOUT_MS):
        writing.set()
    _close(window)


def test_a_verdict_key_applies_to_every_marked_image(qtbot, window, image_folder):
    qtbot.keyClick(window, Qt.Key_M)
    window.go_next()
    window.go_next()
    qtbot.keyClick(window, Qt.Key_M)
    key(qtbot, window, Qt.Key_4)
    rated = [name for name in window.sequence.names
             if on_disk(os.path.join(image_folder, name)).stars == 4]  # fmt: skip
    assert rated == ["1.jpg", "3.jpg"]
    assert window.verdicts.cell_badges(os.path.join(image_folder, "1.jpg")).verdict == Verdict(4)
    assert "2 marked images" in window.status_area.notice_text()


def test_ctrl_z_restores_the_sidecars_exact_bytes_or_removes_the_new_one(
    qtbot, window, image_folder
):
    path = os.path.join(image_folder, "1.jpg")
    existing = os.path.join(image_folder, "2.jpg.xmp")
    with open(existing, "wb") as file:
        file.write(LIGHTROOM_SIDECAR)
    key(qtbot, window, Qt.Key_5)
    assert os.path.exists(path + ".xmp")
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert not os.path.exists(path + ".xmp")  # the viewer made it: undo removes it
    qtbot.waitUntil(lambda: window.status_area.verdict_text() == "", timeout=TIMEOUT_MS)
    window.go_next()
    window.verdicts.book.reread([os.path.join(image_folder, "2.jpg")])
    qtbot.waitUntil(lambda: window.status_area.verdict_text() == "★★☆☆☆", timeout=TIMEOUT_MS)
    key(qtbot, window, Qt.Key_1)
    with open(existing, "rb") as file:
        assert file.read() != LIGHTROOM_SIDECAR
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    with open(existing, "rb") as file:
        assert file.read() == LIGHTROOM_SIDECAR
    qtbot.waitUntil(lambda: window.status_area.verdict_text() == "★★☆☆☆", timeout=TIMEOUT_MS)


def test_the_filter_shows_and_counts_rated_images_and_navigation_follows(
    qtbot, window, image_folder
):
    for _ in range(3):
        window.go_next()
    key(qtbot, window, Qt.Key_3)  # 4.jpg
    window.go_next()
    window.go_next()
    key(qtbot, window, Qt.Key_5)  # 6.jpg
    window.go_first()
    window.verdicts.set_filter(ShowFilter(ShowKind.AT_LEAST, stars=3))
    # 1.jpg is current, so it stays until the user moves; the rest are the rated ones.
    assert window.sequence.names == ["1.jpg", "4.jpg", "6.jpg"]
    assert window.status_area.shown_text() == "3 of 12 shown"
    window.go_next()
    assert window.current_path() == os.path.join(image_folder, "4.jpg")
    window.verdicts.toggle_filter()  # the toggle key: everything again
    assert len(window.sequence) == 12 and window.status_area.shown_text() == ""
    window.verdicts.toggle_filter()
    assert window.status_area.shown_text() == "2 of 12 shown"


def test_next_unrated_skips_rated_images(qtbot, window, image_folder):
    key(qtbot, window, Qt.Key_2)
    window.go_next()
    key(qtbot, window, Qt.Key_X)
    window.go_first()
    qtbot.keyClick(window, Qt.Key_U)
    assert window.current_path() == os.path.join(image_folder, "3.jpg")


def test_the_filter_refines_as_verdicts_arrive(qtbot, prompts, image_folder):
    for number in (3, 7, 9):
        with open(os.path.join(image_folder, f"{number}.jpg.xmp"), "wb") as file:
            file.write(LIGHTROOM_SIDECAR)  # 2 stars
    io = GatedIO()
    book = VerdictBook(io, read_batch=1)
    window = _open(qtbot, prompts, image_folder, book)
    window.verdicts.set_filter(ShowFilter(ShowKind.AT_LEAST, stars=2))
    assert window.sequence.names == ["1.jpg"]  # only the current image: nothing read yet
    assert "1 of 12 shown" in window.status_area.shown_text()
    io.gate.set()
    qtbot.waitUntil(lambda: window.sequence.names == ["1.jpg", "3.jpg", "7.jpg", "9.jpg"],
                    timeout=TIMEOUT_MS)  # fmt: skip
    qtbot.waitUntil(lambda: window.status_area.shown_text() == "4 of 12 shown", timeout=TIMEOUT_MS)
    assert io.reads == 12
    _close(window)


def test_raw_and_jpeg_are_one_item_and_move_together(qtbot, prompts, image_folder):
    for name in ("1.jpg", "2.jpg"):
        raw = os.path.join(image_folder, name.replace(".jpg", ".cr2"))
        shutil.copyfile(os.path.join(image_folder, "12.jpg"), raw)  # only its name matters
    window = _open(qtbot, prompts, image_folder)
    _read_all(qtbot, window)
    assert len(window.sequence) == 12  # 14 files, 12 items
    assert "RAW+JPEG" in window.verdicts.badge.plain_text()
    key(qtbot, window, Qt.Key_4)
    assert on_disk(os.path.join(image_folder, "1.cr2")) == Verdict(4)
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_F7)
    keep = prompts.target
    assert sorted(os.listdir(keep)) == ["1.cr2", "1.cr2.xmp", "1.jpg", "1.jpg.xmp"]
    assert not os.path.exists(os.path.join(image_folder, "1.cr2"))
    assert len(window.sequence) == 11
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert os.listdir(keep) == []
    assert os.path.exists(os.path.join(image_folder, "1.cr2.xmp"))
    _close(window)


def test_pairs_can_be_shown_apart(qtbot, prompts, image_folder):
    from viewer.core.folder.sidecars import SidecarStyle
    from viewer.settings.verdict_choices import VerdictChoices

    shutil.copyfile(os.path.join(image_folder, "12.jpg"), os.path.join(image_folder, "1.cr2"))
    window = _open(qtbot, prompts, image_folder)
    assert len(window.sequence) == 12
    window.verdicts.set_choices(VerdictChoices(SidecarStyle.NAME, pairs=False))
    assert len(window.sequence) == 13
    _close(window)


def test_an_unsafe_sidecar_is_named_in_a_sentence_and_the_image_still_shows(
    qtbot, prompts, image_folder
):
    sidecar = os.path.join(image_folder, "1.jpg.xmp")
    with open(sidecar, "wb") as file:
        file.write(BILLION_LAUGHS)
    window = _open(qtbot, prompts, image_folder)
    _read_all(qtbot, window)
    path = os.path.join(image_folder, "1.jpg")
    assert window.verdicts.book.problem_of(path)
    window.go_next()
    window.go_previous()
    assert "1.jpg.xmp" in window.status_area.notice_text()
    assert window.view.has_image()
    with qtbot.waitSignal(window.verdicts.book.problem, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_3)
    with open(sidecar, "rb") as file:
        assert file.read() == BILLION_LAUGHS  # never rewritten
    assert window.status_area.verdict_text() == ""  # memory shows what the sidecar says
    assert "1.jpg.xmp" in window.status_area.notice_text()
    _close(window)


def test_z_toggles_fit_and_actual_size_and_ctrl_keys_zoom(qtbot, window):
    assert window.view.is_fitted()
    qtbot.keyClick(window, Qt.Key_Z)
    assert not window.view.is_fitted()
    assert round(window.view.zoom_percent()) == 100
    qtbot.keyClick(window, Qt.Key_Z)
    assert window.view.is_fitted()
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert round(window.view.zoom_percent()) == 100
    qtbot.keyClick(window, Qt.Key_0, Qt.ControlModifier)
    assert window.view.is_fitted()


def test_renaming_a_pair_renames_its_raw_and_sidecars_and_one_undo_reverts_all(
    qtbot, prompts, image_folder
):
    shutil.copyfile(os.path.join(image_folder, "12.jpg"), os.path.join(image_folder, "1.cr2"))
    window = _open(qtbot, prompts, image_folder)
    _read_all(qtbot, window)
    key(qtbot, window, Qt.Key_2)
    prompts.name = "keeper.jpg"
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_F2)
    after = set(os.listdir(image_folder))
    assert {"keeper.jpg", "keeper.cr2", "keeper.jpg.xmp", "keeper.cr2.xmp"} <= after
    assert not {"1.jpg", "1.cr2", "1.jpg.xmp", "1.cr2.xmp"} & after
    assert window.current_path() == os.path.join(image_folder, "keeper.jpg")
    with qtbot.waitSignal(window.culling.runner.finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert {"1.jpg", "1.cr2", "1.jpg.xmp", "1.cr2.xmp"} <= set(os.listdir(image_folder))
    _close(window)


def test_preferences_turn_pairs_apart_and_choose_the_sidecar_style(qtbot, prompts, image_folder):
    shutil.copyfile(os.path.join(image_folder, "12.jpg"), os.path.join(image_folder, "2.cr2"))
    window = _open(qtbot, prompts, image_folder)
    _read_all(qtbot, window)
    assert len(window.sequence) == 12
    window.preferences.show()
    dialog = window.preferences.dialog
    assert dialog is not None
    dialog.verdicts.pairs_box.setChecked(False)
    assert len(window.sequence) == 13
    dialog.verdicts.style_box.setCurrentIndex(1)  # IMG_0001.xmp
    dialog.close()
    key(qtbot, window, Qt.Key_1)
    assert os.path.exists(os.path.join(image_folder, "1.xmp"))
    _close(window)


def test_the_information_panel_and_cells_show_the_verdict(qtbot, window, image_folder):
    key(qtbot, window, Qt.Key_8)
    key(qtbot, window, Qt.Key_5)
    window.aids.details.toggle()
    assert ("Verdict", "★★★★★ · Green") in window.aids.details.panel.rows()
    badges = window.verdicts.cell_badges(os.path.join(image_folder, "1.jpg"))
    assert badges.verdict == Verdict(5, Label.GREEN) and badges.label_colour is not None
    assert window.verdicts.cell_badges(os.path.join(image_folder, "2.jpg")).verdict == Verdict()
    window.folder_views.show_grid(True)
    qtbot.waitUntil(window.folder_views.grid.isVisible, timeout=TIMEOUT_MS)
    assert not window.folder_views.grid.grab().isNull()  # the cells paint with their badges
