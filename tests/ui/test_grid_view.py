"""The grid: keys move the selection, Enter and double-click open, Ctrl+wheel resizes, it
reports what it shows, and 20,000 files cost only what is on screen (counted, not timed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest
from PyQt5.QtCore import QModelIndex, QPoint, QPointF, Qt
from PyQt5.QtGui import QWheelEvent
from PyQt5.QtWidgets import QApplication

from tests.thumb_fakes import FakeThumbnailer
from tests.waits import TIMEOUT_MS
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.model.thumbnails.state import ThumbnailState
from viewer.ui.thumbnails.grid_view import DEFAULT_ICON, MAX_ICON, GridView


class CountingModel(ThumbnailModel):
    """Counts the rows the view asks data for, to show a huge folder is not walked."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.rows_asked: set[int] = set()

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        self.rows_asked.add(index.row())
        return super().data(index, role)


@pytest.fixture
def make_grid(qtbot: Any) -> Iterator[Callable[..., tuple[GridView, CountingModel]]]:
    made: list[tuple[GridView, CountingModel, FakeThumbnailer]] = []

    def make(count: int = 100, size: tuple[int, int] = (800, 600)) -> tuple[GridView, Any]:
        thumbnailer = FakeThumbnailer()
        model = CountingModel(thumbnailer)
        model.set_paths([f"/share/{n:05d}.jpg" for n in range(count)])
        grid = GridView(model)
        model.setParent(grid)  # the model outlives the view that shows it
        grid.resize(*size)
        qtbot.addWidget(grid)
        with qtbot.waitExposed(grid):
            grid.show()
        grid.setFocus()
        made.append((grid, model, thumbnailer))
        return grid, model

    yield make
    for _, model, thumbnailer in made:
        thumbnailer.release_all()
        model.shutdown(wait=True)


def columns(grid: GridView) -> int:
    """Cells in the first line of the grid, as the user sees them."""
    top = grid.visualRect(grid.model().index(0, 0)).top()
    return sum(1 for row in range(50) if grid.visualRect(grid.model().index(row, 0)).top() == top)


def test_arrows_pages_home_and_end_move_the_selection(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, _ = make_grid(count=300)
    grid.select_row(0)
    per_line = columns(grid)
    assert per_line > 1
    qtbot.keyClick(grid, Qt.Key_Right)
    assert grid.current_row() == 1
    qtbot.keyClick(grid, Qt.Key_Down)
    assert grid.current_row() == 1 + per_line
    qtbot.keyClick(grid, Qt.Key_Left)
    assert grid.current_row() == per_line
    qtbot.keyClick(grid, Qt.Key_End)
    assert grid.current_row() == 299
    qtbot.keyClick(grid, Qt.Key_Home)
    assert grid.current_row() == 0
    qtbot.keyClick(grid, Qt.Key_PageDown)
    paged = grid.current_row()
    assert paged is not None and paged >= 2 * per_line  # a screenful, not one line
    qtbot.keyClick(grid, Qt.Key_PageUp)
    assert grid.current_row() == 0


def test_page_down_and_up_move_by_the_lines_on_screen(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, _ = make_grid(count=20_000)
    grid.select_row(1)
    per_line = columns(grid)
    lines = grid.viewport().height() // grid.gridSize().height()
    assert lines >= 2
    assert grid.page_step() == per_line * lines
    for _ in range(20):
        qtbot.keyClick(grid, Qt.Key_PageDown)
    assert grid.current_row() == 1 + 20 * per_line * lines  # the same column, 20 screens on
    rect = grid.visualRect(grid.model().index(grid.current_row(), 0))
    assert grid.viewport().rect().contains(rect)  # and on screen
    qtbot.keyClick(grid, Qt.Key_PageUp)
    assert grid.current_row() == 1 + 19 * per_line * lines
    qtbot.keyClick(grid, Qt.Key_End)
    qtbot.keyClick(grid, Qt.Key_PageDown)
    assert grid.current_row() == 19_999  # stays at the end


def test_enter_and_double_click_open_the_image(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, _ = make_grid()
    grid.select_row(7)
    with qtbot.waitSignal(grid.opened, timeout=TIMEOUT_MS) as opened:
        qtbot.keyClick(grid, Qt.Key_Return)
    assert opened.args == [7]
    centre = grid.visualRect(grid.model().index(3, 0)).center()
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=centre)  # a double-click's first press
    assert grid.current_row() == 3
    with qtbot.waitSignal(grid.opened, timeout=TIMEOUT_MS) as opened:
        qtbot.mouseDClick(grid.viewport(), Qt.LeftButton, pos=centre)
    assert opened.args == [3]


def ctrl_wheel(grid: GridView, notches: int) -> None:
    centre = QPointF(grid.viewport().rect().center())
    event = QWheelEvent(centre, grid.mapToGlobal(centre.toPoint()), QPoint(),
                        QPoint(0, 120 * notches), Qt.NoButton, Qt.ControlModifier,
                        Qt.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(grid.viewport(), event)


def test_ctrl_wheel_changes_the_thumbnail_size_and_the_size_loaded(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, model = make_grid()
    assert grid.icon_size == DEFAULT_ICON
    with qtbot.waitSignal(grid.thumbnailSizeChanged, timeout=TIMEOUT_MS):
        ctrl_wheel(grid, 2)
    assert grid.icon_size > DEFAULT_ICON
    assert model.thumbnail_size >= grid.icon_size * grid.devicePixelRatioF()
    for _ in range(20):
        ctrl_wheel(grid, 1)
    assert grid.icon_size == MAX_ICON
    assert model.thumbnail_size == 512  # the x-large cache size covers the largest cells


def test_the_grid_tells_the_model_what_it_shows(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, model = make_grid(count=2000)
    qtbot.waitUntil(lambda: model.state(0) == ThumbnailState.READY, timeout=TIMEOUT_MS)
    shown = grid.visible_rows()
    assert shown.start == 0 and 0 < len(shown) < 200
    assert model.wanted()[: len(shown)] == list(shown)
    grid.select_row(1500)
    qtbot.waitUntil(lambda: model.wanted()[:1] == [grid.visible_rows().start], timeout=TIMEOUT_MS)
    assert 1500 in grid.visible_rows()
    qtbot.waitUntil(lambda: model.state(1500) == ThumbnailState.READY, timeout=TIMEOUT_MS)


def test_twenty_thousand_files_cost_only_what_is_on_screen(
    qtbot: Any, make_grid: Callable[..., tuple[GridView, CountingModel]]
) -> None:
    grid, model = make_grid(count=20_000, size=(1366, 768))
    qtbot.waitUntil(lambda: bool(model.wanted()) and model.idle(), timeout=TIMEOUT_MS)
    shown = len(grid.visible_rows())
    assert 0 < shown < 100
    assert model.loads_started <= 3 * shown  # the screen and its margin, not the folder
    assert len(model.rows_asked) <= 3 * shown  # Qt painted and sized a screenful only
    qtbot.keyClick(grid, Qt.Key_End)
    qtbot.waitUntil(lambda: model.state(19_999) == ThumbnailState.READY, timeout=TIMEOUT_MS)
    assert model.loads_started <= 6 * shown
