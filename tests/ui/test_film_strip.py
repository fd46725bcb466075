"""The film strip: the current image centred, its neighbours' thumbnails loaded from the
shared model, and a click on one opens it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest
from PyQt5.QtCore import Qt

from tests.thumb_fakes import FakeThumbnailer
from tests.waits import TIMEOUT_MS
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.model.thumbnails.state import ThumbnailState
from viewer.ui.thumbnails.film_strip import FilmStrip
from viewer.ui.thumbnails.grid_view import GridView

PATHS = [f"/share/{n:04d}.jpg" for n in range(500)]


@pytest.fixture
def parts(qtbot: Any) -> Iterator[tuple[ThumbnailModel, FakeThumbnailer, Callable[[], FilmStrip]]]:
    thumbnailer = FakeThumbnailer()
    model = ThumbnailModel(thumbnailer)
    model.set_paths(PATHS)

    def make_strip() -> FilmStrip:
        strip = FilmStrip(model)
        strip.resize(900, strip.height())
        qtbot.addWidget(strip)
        with qtbot.waitExposed(strip):
            strip.show()
        return strip

    yield model, thumbnailer, make_strip
    thumbnailer.release_all()
    model.shutdown(wait=True)


def test_the_current_image_is_centred_with_neighbours_either_side(
    qtbot: Any, parts: tuple[ThumbnailModel, FakeThumbnailer, Callable[[], FilmStrip]]
) -> None:
    model, _, make_strip = parts
    strip = make_strip()
    strip.set_current(200)
    centre = strip.viewport().width() / 2
    current = strip.visualRect(model.index(200))
    assert abs(current.center().x() - centre) <= current.width() / 2
    qtbot.waitUntil(lambda: model.wanted()[:1] == [strip.visible_rows().start], timeout=TIMEOUT_MS)
    shown = strip.visible_rows()
    assert shown.start < 200 < shown.stop - 1  # neighbours on both sides
    qtbot.waitUntil(
        lambda: all(model.state(row) == ThumbnailState.READY for row in shown), timeout=TIMEOUT_MS
    )
    assert model.state(400) == ThumbnailState.EMPTY  # the rest of the folder is not read


def test_a_click_on_a_neighbour_opens_it(
    qtbot: Any, parts: tuple[ThumbnailModel, FakeThumbnailer, Callable[[], FilmStrip]]
) -> None:
    model, _, make_strip = parts
    strip = make_strip()
    strip.set_current(50)
    neighbour = strip.visualRect(model.index(52)).center()
    with qtbot.waitSignal(strip.opened, timeout=TIMEOUT_MS) as opened:
        qtbot.mouseClick(strip.viewport(), Qt.LeftButton, pos=neighbour)
    assert opened.args == [52]


def test_the_strip_reuses_what_the_grid_loaded(
    qtbot: Any, parts: tuple[ThumbnailModel, FakeThumbnailer, Callable[[], FilmStrip]]
) -> None:
    model, thumbnailer, make_strip = parts
    grid = GridView(model)
    grid.resize(800, 600)
    qtbot.addWidget(grid)
    with qtbot.waitExposed(grid):
        grid.show()
    qtbot.waitUntil(lambda: bool(model.wanted()) and model.idle(), timeout=TIMEOUT_MS)
    grid.hide()
    loaded = len(thumbnailer.calls)
    strip = make_strip()
    strip.set_current(3)
    qtbot.waitUntil(lambda: bool(model.wanted()) and model.idle(), timeout=TIMEOUT_MS)
    again = [
        path for path, _ in thumbnailer.calls[loaded:] if PATHS.index(path) in strip.visible_rows()
    ]
    assert again == []  # every thumbnail the strip shows was already there
