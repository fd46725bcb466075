"""Thumbnail reads wait while the main image loads: counted, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

import pytest

from tests.fakes import FakeLoader
from tests.model.conftest import PATHS
from tests.thumb_fakes import FakeThumbnailer
from tests.waits import TIMEOUT_MS
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.thumbnails.hold import ThumbnailHold
from viewer.model.thumbnails.model import ThumbnailModel


@pytest.fixture
def parts(
    qtbot: Any, make_model: Callable[..., PrefetchModel], loader: FakeLoader
) -> Iterator[tuple[PrefetchModel, ThumbnailModel, FakeThumbnailer, ThumbnailHold]]:
    """A main model loading a gated first image, and a held thumbnail model beside it."""
    main = make_model()
    thumbnailer = FakeThumbnailer()
    thumbnails = ThumbnailModel(thumbnailer)
    thumbnails.set_paths(PATHS)
    hold = ThumbnailHold(main, thumbnails)
    loader.gate(PATHS[0])
    main.request(0)
    qtbot.waitUntil(lambda: thumbnails.held, timeout=TIMEOUT_MS)
    yield main, thumbnails, thumbnailer, hold
    hold.stop()
    loader.release_all()
    thumbnailer.release_all()
    thumbnails.shutdown(wait=True)


def test_no_thumbnail_is_read_while_the_main_image_loads(
    qtbot: Any,
    loader: FakeLoader,
    parts: tuple[PrefetchModel, ThumbnailModel, FakeThumbnailer, ThumbnailHold],
) -> None:
    main, thumbnails, thumbnailer, _ = parts
    thumbnails.set_visible("strip", range(0, 5))
    qtbot.waitUntil(lambda: thumbnails.wanted() != [], timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: loader.count(PATHS[0]) == 1, timeout=TIMEOUT_MS)
    assert thumbnailer.calls == []  # the current image has the link to itself
    loader.release_all()
    qtbot.waitUntil(lambda: not thumbnails.held, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(thumbnailer.calls) >= 5, timeout=TIMEOUT_MS)
    assert main.in_flight() == 0 or thumbnails.held  # only read while the main is idle


def test_the_grid_is_never_held(
    qtbot: Any, parts: tuple[PrefetchModel, ThumbnailModel, FakeThumbnailer, ThumbnailHold]
) -> None:
    main, thumbnails, thumbnailer, hold = parts
    hold.set_grid_shown(True)
    assert not thumbnails.held
    thumbnails.set_visible("grid", range(0, 5))
    qtbot.waitUntil(lambda: len(thumbnailer.calls) >= 5, timeout=TIMEOUT_MS)
    assert main.in_flight() == 1  # the main image is still loading
    hold.set_grid_shown(False)
    assert thumbnails.held
