"""The compare view in the real window: panes, keys, zoom in step, focused-pane actions."""

from __future__ import annotations

import os

import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QMouseEvent
from PyQt5.QtWidgets import QApplication

from tests.fakes import FakeLoader
from tests.ui.helpers import open_at
from tests.waits import TIMEOUT_MS
from viewer.core.verdicts.model import Verdict

SIZES = {"4.jpg": (4000, 3000), "5.jpg": (2000, 1500), "6.jpg": (3000, 2250)}


def sized_loader(folder: str) -> FakeLoader:
    loader = FakeLoader((1200, 900))
    for name, size in SIZES.items():
        loader.sizes[f"{folder}/{name}"] = size
    return loader


def panes_shown(window) -> bool:
    return all(pane.has_image() for pane in window.compare.view.panes)


def names(window) -> list[str]:
    return [window.model.path(i).rsplit("/", 1)[-1] for i in window.compare.indexes()]


@pytest.fixture
def comparing(qtbot, make_window, image_folder):
    window = make_window(sized_loader(image_folder))
    open_at(qtbot, window, image_folder, 3)
    qtbot.keyClick(window, Qt.Key_C)
    qtbot.waitUntil(lambda: panes_shown(window), timeout=TIMEOUT_MS)
    return window


def test_c_shows_the_select_and_the_next_as_candidate(comparing, qtbot):
    window = comparing
    assert window.compare.active() and names(window) == ["4.jpg", "5.jpg"]
    captions = [pane.caption() for pane in window.compare.view.panes]
    assert captions[0].startswith("Select  ·  4.jpg") and "Candidate  ·  5.jpg" in captions[1]
    qtbot.keyClick(window.compare.view, Qt.Key_Escape)
    assert not window.compare.active() and window.current_index == 3


def test_arrows_replace_the_candidate_and_up_promotes_it(comparing, qtbot):
    window, view = comparing, comparing.compare.view
    qtbot.keyClick(view, Qt.Key_Right)
    assert names(window) == ["4.jpg", "6.jpg"]
    assert window.model.current_index == 5  # the candidate's neighbours are read ahead
    qtbot.waitUntil(lambda: panes_shown(window), timeout=TIMEOUT_MS)
    qtbot.keyClick(view, Qt.Key_Left)
    qtbot.keyClick(view, Qt.Key_Left)  # the select is skipped
    assert names(window) == ["4.jpg", "3.jpg"]
    qtbot.keyClick(view, Qt.Key_Up)
    assert names(window) == ["3.jpg", "4.jpg"]
    qtbot.keyClick(view, Qt.Key_C)
    assert not window.compare.active() and window.current_index == 2  # at the select


def test_zoom_moves_in_step_across_pixel_sizes_and_shift_drag_moves_one(comparing, qtbot):
    view = comparing.compare.view
    left, right = view.panes
    qtbot.keyClick(view, Qt.Key_Z)  # 100% in the focused pane (the select)
    assert left.zoom().scale == pytest.approx(1.0)
    assert right.zoom().scale == pytest.approx(2.0)  # 2000 px wide: the same look

    def relative_at(pane, x, y):
        image_x, image_y = pane.zoom().image_point(x, y)
        return image_x / pane.source_size().width(), image_y / pane.source_size().width()

    point = (left.width() / 2 + 40, left.height() / 2 - 30)
    assert relative_at(left, *point) == pytest.approx(relative_at(right, *point))
    qtbot.mousePress(left, Qt.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(left, QPoint(60, 80))
    qtbot.mouseRelease(left, Qt.LeftButton, pos=QPoint(60, 80))
    assert relative_at(left, *point) == pytest.approx(relative_at(right, *point))
    before = relative_at(left, *point)
    qtbot.mousePress(right, Qt.LeftButton, Qt.ShiftModifier, QPoint(100, 100))
    shift_drag = QMouseEvent(QEvent.MouseMove, QPointF(70, 100), Qt.LeftButton, Qt.LeftButton,
                             Qt.ShiftModifier)  # fmt: skip
    QApplication.sendEvent(right, shift_drag)  # QTest's mouseMove carries no modifiers
    qtbot.mouseRelease(right, Qt.LeftButton, Qt.ShiftModifier, QPoint(70, 100))
    assert relative_at(left, *point) == pytest.approx(before)
    assert relative_at(right, *point)[0] > before[0]
    qtbot.keyClick(view, Qt.Key_0, Qt.ControlModifier)
    assert view.linked.is_fitted()


def test_panes_paint_fast_while_dragged_and_smooth_again_at_rest(comparing, qtbot):
    view = comparing.compare.view
    left, right = view.panes
    qtbot.keyClick(view, Qt.Key_Z)
    qtbot.waitUntil(lambda: not left.is_moving() and not right.is_moving(), timeout=TIMEOUT_MS)
    qtbot.mousePress(left, Qt.LeftButton, pos=QPoint(100, 100))
    drag = QMouseEvent(QEvent.MouseMove, QPointF(60, 80), Qt.LeftButton, Qt.LeftButton,
                       Qt.NoModifier)  # fmt: skip
    QApplication.sendEvent(left, drag)
    assert left.is_moving() and right.is_moving()  # both placed anew: both paint fast
    with qtbot.waitSignals([left.painted, right.painted], timeout=TIMEOUT_MS):
        pass  # the smooth paint once they rest
    qtbot.waitUntil(lambda: not left.is_moving() and not right.is_moving(), timeout=TIMEOUT_MS)
    qtbot.mouseRelease(left, Qt.LeftButton, pos=QPoint(60, 80))


def test_zoomed_compare_reads_full_resolution(comparing, qtbot):
    window, view = comparing, comparing.compare.view
    qtbot.keyClick(view, Qt.Key_1, Qt.ControlModifier)
    assert window.model.display_box is None
    qtbot.waitUntil(
        lambda: [p.image_size().width() for p in view.panes] == [4000, 2000], timeout=TIMEOUT_MS
    )
    assert not any(pane.is_preview() for pane in view.panes)
    qtbot.keyClick(view, Qt.Key_Escape)
    assert window.model.display_box == window.view.display_box()


def test_delete_and_mark_act_on_the_focused_pane(comparing, qtbot):
    window, view = comparing, comparing.compare.view
    trashed: list[str] = []
    window.compare.trash_one = trashed.append
    qtbot.keyClick(view, Qt.Key_Tab)
    assert view.focus_pane() == 1 and window.acting_path().endswith("5.jpg")
    qtbot.keyClick(view, Qt.Key_M)
    assert [p.rsplit("/", 1)[-1] for p in window.culling.marks.paths()] == ["5.jpg"]
    assert "● Marked" in view.panes[1].caption()
    qtbot.keyClick(view, Qt.Key_Delete)
    assert [p.rsplit("/", 1)[-1] for p in trashed] == ["5.jpg"]
    qtbot.keyClick(view, Qt.Key_Tab)
    assert window.acting_path().endswith("4.jpg")


def test_two_to_four_marked_images_are_compared_in_a_grid(qtbot, make_window, image_folder):
    window = make_window(sized_loader(image_folder))
    open_at(qtbot, window, image_folder, 0)
    for index in (2, 5, 7):
        window.culling.marks.toggle(window.model.path(index))
    qtbot.keyClick(window, Qt.Key_C)
    qtbot.waitUntil(lambda: panes_shown(window), timeout=TIMEOUT_MS)
    assert names(window) == ["3.jpg", "6.jpg", "8.jpg"]
    panes = window.compare.view.panes
    assert panes[0].y() == panes[1].y() and panes[2].y() > panes[0].y()


def test_a_pane_whose_file_left_is_refilled(comparing, qtbot, image_folder):
    window = comparing
    os.remove(os.path.join(image_folder, "5.jpg"))
    with qtbot.waitSignal(window.lister.listed, timeout=TIMEOUT_MS):
        window.lister.relist()
    qtbot.waitUntil(lambda: names(window) == ["4.jpg", "6.jpg"], timeout=TIMEOUT_MS)
    assert window.compare.active()


def test_verdict_keys_act_on_the_focused_pane_and_its_caption_says_so(comparing, qtbot):
    window, view = comparing, comparing.compare.view
    qtbot.keyClick(view, Qt.Key_Tab)  # the candidate's pane
    candidate = window.compare.focused_path()
    assert candidate is not None and candidate != window.current_path()
    window.actions_by_name["rate_4"].trigger()
    qtbot.waitUntil(lambda: window.verdicts.show.verdict(candidate) is not None, timeout=TIMEOUT_MS)
    assert window.verdicts.show.verdict(candidate).stars == 4
    select = window.model.path(window.compare.indexes()[0])
    assert not (window.verdicts.show.verdict(select) or Verdict()).stars
    qtbot.waitUntil(lambda: "★★★★☆" in view.panes[1].caption(), timeout=TIMEOUT_MS)
    assert "★" not in view.panes[0].caption()
