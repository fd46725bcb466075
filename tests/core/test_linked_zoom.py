"""Zoom and pan in step across panes, in image-relative coordinates."""

from __future__ import annotations

import pytest

from viewer.core.compare.linked_zoom import LinkedZoom

VIEW = (400, 300)
BIG, SMALL = (6000, 4000), (3000, 2000)  # the same frame at two pixel sizes


def relative_point_at(zoom: LinkedZoom, pane: int, image: tuple[int, int], x: float, y: float):
    """The image point under a view point, in fractions of the image's width."""
    image_x, image_y = zoom.pane_zoom(pane, image, VIEW).image_point(x, y)
    return (image_x / image[0], image_y / image[0])


def test_fitted_panes_each_fit_their_own_image() -> None:
    zoom = LinkedZoom()
    assert zoom.pane_zoom(0, BIG, VIEW).scale == pytest.approx(400 / 6000)
    assert zoom.pane_zoom(1, SMALL, VIEW).scale == pytest.approx(400 / 3000)


def test_zoom_at_the_cursor_keeps_the_same_point_under_it_in_every_pane() -> None:
    zoom = LinkedZoom()
    cursor = (300.0, 80.0)
    before = relative_point_at(zoom, 0, BIG, *cursor)
    zoom.zoom_at(0, BIG, VIEW, cursor, 4.0)
    for pane, image in ((0, BIG), (1, SMALL)):
        assert relative_point_at(zoom, pane, image, *cursor) == pytest.approx(before)
    # and the same extent on screen, whatever the pixel count
    assert zoom.pane_zoom(0, BIG, VIEW).scale * BIG[0] == pytest.approx(
        zoom.pane_zoom(1, SMALL, VIEW).scale * SMALL[0]
    )


def test_actual_size_is_one_pixel_per_pixel_in_the_pane_asked() -> None:
    zoom = LinkedZoom()
    zoom.actual_size(1, SMALL, VIEW)
    assert zoom.pane_zoom(1, SMALL, VIEW).scale == pytest.approx(1.0)
    assert zoom.pane_zoom(0, BIG, VIEW).scale == pytest.approx(0.5)  # the same look
    zoom.actual_size(0, BIG, VIEW, ratio=2.0)
    assert zoom.pane_zoom(0, BIG, VIEW, 2.0).scale == pytest.approx(0.5)


def test_pan_moves_every_pane_alike_and_pan_one_moves_one() -> None:
    zoom = LinkedZoom()
    zoom.actual_size(0, BIG, VIEW)
    centre = (200.0, 150.0)
    zoom.pan(50, -20)
    a = relative_point_at(zoom, 0, BIG, *centre)
    b = relative_point_at(zoom, 1, SMALL, *centre)
    assert a == pytest.approx(b)
    zoom.pan_one(1, 30, 0)
    moved = relative_point_at(zoom, 1, SMALL, *centre)
    assert moved[0] == pytest.approx(b[0] - 30 / 6000)
    assert relative_point_at(zoom, 0, BIG, *centre) == pytest.approx(a)
    # a later shared zoom keeps the pane's own shift
    zoom.zoom_at(0, BIG, VIEW, centre, 2.0)
    shift = (
        relative_point_at(zoom, 1, SMALL, *centre)[0] - relative_point_at(zoom, 0, BIG, *centre)[0]
    )
    assert shift == pytest.approx(-30 / 6000)


def test_fit_goes_back_to_each_pane_fitting() -> None:
    zoom = LinkedZoom()
    zoom.zoom_at(0, BIG, VIEW, (10, 10), 3.0)
    assert not zoom.is_fitted()
    zoom.fit()
    assert zoom.is_fitted()
    assert zoom.pane_zoom(1, SMALL, VIEW).scale == pytest.approx(400 / 3000)


def test_zoom_is_bounded() -> None:
    zoom = LinkedZoom()
    zoom.zoom_at(0, SMALL, VIEW, (0, 0), 1e9)
    assert zoom.pane_zoom(0, SMALL, VIEW).scale == pytest.approx(32.0)
