import pytest

from viewer.core.formats.geometry import (
    Zoom,
    clamp_pan,
    display_size,
    fit_within,
    fitted_zoom,
    jpeg_cover_reduction,
    jpeg_reduced_size,
    upright_size,
)


@pytest.mark.parametrize("orientation", [None, 1, 2, 3, 4])
def test_upright_keeps_size_for_flips_and_half_turns(orientation):
    assert upright_size((6000, 4000), orientation) == (6000, 4000)


@pytest.mark.parametrize("orientation", [5, 6, 7, 8])
def test_upright_swaps_for_quarter_turns(orientation):
    assert upright_size((6000, 4000), orientation) == (4000, 6000)


@pytest.mark.parametrize(
    ("orientation", "ratio", "expected"),
    [
        (1, 1.0, (1500, 1000)),
        (1, 2.0, (3000, 2000)),
        (6, 1.0, (667, 1000)),
        (6, 2.0, (1333, 2000)),
        (8, 1.5, (1000, 1500)),
        (3, 1.25, (1875, 1250)),
    ],
)
def test_display_size_for_orientation_and_device_pixel_ratio(orientation, ratio, expected):
    assert display_size((6000, 4000), orientation, (1500, 1000), ratio) == expected


def test_display_size_never_enlarges():
    assert display_size((800, 600), 1, (1920, 1080), 2.0) == (800, 600)


def test_fit_within_degenerate():
    assert fit_within((0, 10), (100, 100)) == (0, 0)
    assert fit_within((10, 10), (0, 100)) == (0, 0)


@pytest.mark.parametrize(
    ("target", "reduction"),
    [((750, 500), 8), ((751, 500), 4), ((1500, 1000), 4), ((1920, 1080), 2), ((3001, 10), 1)],
)
def test_jpeg_cover_reduction_is_the_smallest_fast_scale_that_covers(target, reduction):
    source = (6000, 4000)
    assert jpeg_cover_reduction(source, target) == reduction
    width, height = jpeg_reduced_size(source, reduction)
    assert width >= target[0] and height >= target[1]
    if reduction < 8:
        smaller = jpeg_reduced_size(source, reduction * 2)
        assert smaller[0] < target[0] or smaller[1] < target[1]


def test_jpeg_cover_reduction_rounds_up_like_libjpeg():
    assert jpeg_reduced_size((4001, 3001), 8) == (501, 376)


def test_zoom_keeps_the_point_under_the_cursor():
    zoom = Zoom(0.25, 10.0, 20.0)
    before = zoom.image_point(300, 200)
    after = zoom.zoomed_at(300, 200, 1.7)
    assert after.image_point(300, 200) == pytest.approx(before)
    assert after.scale == 1.7


def test_fitted_zoom_centres_and_caps_at_actual_size():
    zoom = fitted_zoom((6000, 4000), (1200, 1000))
    assert zoom.scale == pytest.approx(0.2)
    assert (zoom.left, zoom.top) == pytest.approx((0.0, 100.0))
    small = fitted_zoom((100, 50), (1200, 1000), device_pixel_ratio=2.0)
    assert small.scale == 0.5  # 100% in device pixels on a 2× screen


def test_clamp_pan_keeps_the_view_covered():
    image, view = (4000, 3000), (1000, 800)
    assert clamp_pan(Zoom(1.0, 500, 500), image, view) == Zoom(1.0, 0.0, 0.0)
    assert clamp_pan(Zoom(1.0, -9000, -9000), image, view) == Zoom(1.0, -3000.0, -2200.0)
    centred = clamp_pan(Zoom(0.1, 0, 0), image, view)
    assert (centred.left, centred.top) == (300.0, 250.0)
