"""ThumbnailModel: visible first, take-back on scroll, the memory budget, failures, holding
for the main image, and stale results. Injected loaders; work is counted, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QPixmap

from tests.thumb_fakes import FakeThumbnailer
from tests.waits import TIMEOUT_MS
from viewer.model.thumbnails.model import ThumbnailModel
from viewer.model.thumbnails.state import StateRole, ThumbnailState

PATHS = [f"/share/{n:05d}.jpg" for n in range(2000)]


@pytest.fixture
def thumbnailer() -> FakeThumbnailer:
    return FakeThumbnailer()


@pytest.fixture
def make_model(qtbot: Any, thumbnailer: FakeThumbnailer) -> Iterator[Callable[..., ThumbnailModel]]:
    models: list[ThumbnailModel] = []

    def make(**options: Any) -> ThumbnailModel:
        # One thread: while its load is gated, every other load waits in the queue, in order.
        options.setdefault("threads", 1)
        model = ThumbnailModel(thumbnailer, **options)
        model.set_paths(PATHS)
        models.append(model)
        return model

    yield make
    thumbnailer.release_all()
    for model in models:
        model.shutdown(wait=True)


def rows_of(paths: list[str]) -> list[int]:
    return [PATHS.index(path) for path in paths]


def settle(qtbot: Any, model: ThumbnailModel) -> None:
    """Wait until every wanted thumbnail has arrived and nothing is in flight."""
    qtbot.waitUntil(model.idle, timeout=TIMEOUT_MS)


def test_visible_rows_load_first_then_a_margin_around_them(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.gate(PATHS[40])  # the first load holds the one thread: the rest queue
    model = make_model()
    model.set_visible("grid", range(40, 60))
    qtbot.waitUntil(lambda: thumbnailer.paths() == [PATHS[40]], timeout=TIMEOUT_MS)
    thumbnailer.release_all()
    settle(qtbot, model)
    loaded = rows_of(thumbnailer.paths())
    assert loaded[:20] == list(range(40, 60))
    margin = loaded[20:]
    assert margin, "nothing loaded around the visible rows"
    assert all(30 <= row < 40 or 60 <= row < 90 for row in margin), margin
    assert 60 in margin[:2] and 39 in margin[:4]  # both sides, the next row first
    assert len(margin) == len(set(margin))  # nothing loaded twice
    assert all(model.state(row) == ThumbnailState.READY for row in range(40, 60))
    assert model.state(500) == ThumbnailState.EMPTY


def test_scrolling_away_takes_back_queued_loads_and_calls_off_the_running_one(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.gate_everything()
    model = make_model()
    model.set_visible("grid", range(0, 20))
    qtbot.waitUntil(lambda: thumbnailer.paths() == [PATHS[0]], timeout=TIMEOUT_MS)
    model.set_visible("grid", range(1000, 1020))
    # Row 0's read notices it was called off and stops; the queue now starts at row 1000.
    qtbot.waitUntil(lambda: len(thumbnailer.paths()) == 2, timeout=TIMEOUT_MS)
    assert rows_of(thumbnailer.paths()) == [0, 1000]
    thumbnailer.release_all()
    settle(qtbot, model)
    loaded = rows_of(thumbnailer.paths())
    assert not [row for row in loaded[1:] if row < 900], "a load scrolled away still ran"
    assert loaded[1:21] == list(range(1000, 1020))
    assert model.state(0) == ThumbnailState.EMPTY  # called off, not shown
    assert model.state(1000) == ThumbnailState.READY


def test_scrolling_back_reorders_the_queue(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.gate(PATHS[100])
    model = make_model()
    model.set_visible("grid", range(100, 110))
    qtbot.waitUntil(lambda: thumbnailer.paths() == [PATHS[100]], timeout=TIMEOUT_MS)
    model.set_visible("grid", range(104, 114))  # a short scroll: 100 is no longer shown
    qtbot.waitUntil(lambda: model.wanted()[:1] == [104], timeout=TIMEOUT_MS)
    thumbnailer.release_all()
    settle(qtbot, model)
    loaded = rows_of(thumbnailer.paths())
    assert loaded[0] == 100
    after = [row for row in loaded[1:] if row != 100]
    assert after[:10] == list(range(104, 114))


def test_thumbnails_in_memory_stay_within_the_budget(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    size = 32
    one = size * size * 4
    model = make_model(size=size, budget_bytes=10 * one)
    model.set_visible("grid", range(0, 100))
    settle(qtbot, model)
    assert len(thumbnailer.calls) == 10  # no more than the budget can hold
    assert 0 < model.memory_used() <= model.budget_bytes
    model.set_visible("grid", range(500, 600))
    qtbot.waitUntil(lambda: model.state(500) == ThumbnailState.READY, timeout=TIMEOUT_MS)
    settle(qtbot, model)
    assert model.memory_used() <= model.budget_bytes
    assert model.state(0) == ThumbnailState.EMPTY  # the least recently used went first
    model.set_budget(3 * one)
    assert model.memory_used() <= 3 * one


def test_a_failure_is_a_placeholder_with_the_reason_in_the_tooltip(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.failing[PATHS[3]] = "00003.jpg is damaged: the file ends early."
    model = make_model()
    model.set_visible("grid", range(0, 5))
    qtbot.waitUntil(lambda: model.state(3) == ThumbnailState.FAILED, timeout=TIMEOUT_MS)
    index = model.index(3)
    assert model.data(index, Qt.DecorationRole) is None
    assert model.data(index, StateRole) == ThumbnailState.FAILED
    assert "the file ends early" in model.data(index, Qt.ToolTipRole)
    assert model.failure(3) == thumbnailer.failing[PATHS[3]]
    settle(qtbot, model)
    model.set_visible("grid", range(0, 6))
    settle(qtbot, model)
    assert thumbnailer.paths().count(PATHS[3]) == 1  # a failure is not retried on scroll
    assert isinstance(model.data(model.index(2), Qt.DecorationRole), QPixmap)


def test_held_while_the_main_image_loads(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    model = make_model()
    model.set_held(True)
    model.set_visible("strip", range(0, 9))
    qtbot.waitUntil(lambda: model.wanted()[:9] == list(range(9)), timeout=TIMEOUT_MS)
    assert model.in_flight() == 0 and thumbnailer.calls == []
    model.set_held(False)
    settle(qtbot, model)
    assert rows_of(thumbnailer.paths())[:9] == list(range(9))


def test_a_late_thumbnail_of_the_old_folder_never_shows_in_the_new_one(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.gate(PATHS[0])
    model = make_model()
    model.set_visible("grid", range(0, 1))
    qtbot.waitUntil(lambda: thumbnailer.paths() == [PATHS[0]], timeout=TIMEOUT_MS)
    model.set_paths([PATHS[0], *PATHS[5:8]])  # same first file, new folder listing
    thumbnailer.release_all()
    qtbot.waitUntil(lambda: thumbnailer.paths().count(PATHS[0]) == 2, timeout=TIMEOUT_MS)
    settle(qtbot, model)
    assert model.state(0) == ThumbnailState.READY  # from the new folder's own load


def test_a_bigger_size_reloads_but_keeps_the_small_one_shown_meanwhile(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    model = make_model(size=128)
    model.set_visible("grid", range(0, 4))
    settle(qtbot, model)
    small = model.thumbnail(0)
    assert small is not None and max(small.width(), small.height()) == 128
    thumbnailer.gate_everything()
    model.set_thumbnail_size(256)
    qtbot.waitUntil(lambda: (PATHS[0], 256) in thumbnailer.calls, timeout=TIMEOUT_MS)
    assert model.thumbnail(0) is not None  # still shown while the bigger one loads
    thumbnailer.release_all()
    qtbot.waitUntil(lambda: model.in_flight() == 0, timeout=TIMEOUT_MS)
    big = model.thumbnail(0)
    assert big is not None and max(big.width(), big.height()) == 256


def test_a_new_listing_keeps_the_thumbnails_of_files_still_listed(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    model = make_model()
    model.set_visible("grid", range(0, 4))
    settle(qtbot, model)
    loaded = len(thumbnailer.calls)
    model.set_paths(["/share/new.jpg", *PATHS[:3]])  # a file was added in front; 3 left
    settle(qtbot, model)
    assert [model.state(row) for row in range(4)] == [ThumbnailState.READY] * 4
    assert thumbnailer.paths()[loaded:].count(PATHS[0]) == 0  # not read again
    assert model.thumbnail(1) is not None and model.row_of(PATHS[0]) == 1


def test_the_pool_holds_only_a_few_loads_however_many_are_wanted(
    qtbot: Any, make_model: Callable[..., ThumbnailModel], thumbnailer: FakeThumbnailer
) -> None:
    thumbnailer.gate(PATHS[0])
    model = make_model()  # one thread
    model.set_visible("grid", range(0, 100))
    qtbot.waitUntil(lambda: thumbnailer.paths() == [PATHS[0]], timeout=TIMEOUT_MS)
    assert len(model.wanted()) > 100
    assert model.in_flight() <= 2  # the running one and one queued; the rest wait in order
    before = model.loads_started
    model.set_held(True)
    model.set_held(False)
    qtbot.waitUntil(lambda: model.loads_started > before, timeout=TIMEOUT_MS)
    assert model.loads_started - before <= 2  # a hold took back one task, not a hundred
    thumbnailer.release_all()
    settle(qtbot, model)
    assert rows_of(thumbnailer.paths())[:100] == list(range(100))
