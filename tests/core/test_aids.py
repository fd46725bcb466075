"""Focus peaking, clipping and histograms on synthetic images."""

from __future__ import annotations

import numpy as np

from viewer.core.aids.clipping import clipped
from viewer.core.aids.histogram import histogram
from viewer.core.aids.overlay import (
    HIGHLIGHT_COLOUR,
    PEAKING_COLOUR,
    SHADOW_COLOUR,
    AidChoice,
    compute,
)
from viewer.core.aids.peaking import peaking_mask


def bgra(grey: np.ndarray) -> np.ndarray:
    """A grey image as the viewer's 32-bit BGRA pixels."""
    out = np.empty((*grey.shape, 4), np.uint8)
    out[..., :3] = grey[..., None]
    out[..., 3] = 255
    return out


def edge(width: int = 64, height: int = 32, blur: int = 0) -> np.ndarray:
    """A dark-to-light vertical edge in the middle, sharp or ramped over ``blur`` pixels."""
    x = np.arange(width, dtype=np.float64)
    if blur:
        row = np.clip((x - width / 2) / blur + 0.5, 0, 1) * 160 + 40
    else:
        row = np.where(x < width / 2, 40, 200).astype(np.float64)
    return bgra(np.tile(row.astype(np.uint8), (height, 1)))


def test_a_sharp_edge_peaks_and_a_blurred_one_does_not() -> None:
    sharp = peaking_mask(edge())
    blurred = peaking_mask(edge(blur=12))
    assert sharp[:, 31:33].all(axis=1)[1:-1].all()  # along the whole edge
    assert sharp.sum() > 0 and blurred.sum() == 0
    assert not sharp[:, :28].any() and not sharp[:, 36:].any()  # nothing on flat areas


def test_clipping_marks_any_channel_at_either_end() -> None:
    image = bgra(np.full((4, 4), 128, np.uint8))
    image[0, 0, 2] = 255  # red blown
    image[1, 1] = (255, 255, 255, 255)
    image[2, 2, 0] = 0  # blue blocked
    highlights, shadows = clipped(image)
    assert {tuple(p) for p in np.argwhere(highlights)} == {(0, 0), (1, 1)}
    assert {tuple(p) for p in np.argwhere(shadows)} == {(2, 2)}


def test_histogram_counts_each_channel_and_luminance() -> None:
    image = bgra(np.zeros((2, 5), np.uint8))
    image[0, :] = (0, 0, 255, 255)  # five pure red pixels
    counts = histogram(image)
    assert counts.red[255] == 5 and counts.red[0] == 5
    assert counts.green[0] == 10 and counts.blue[0] == 10
    assert counts.luma.sum() == 10 and counts.luma[0] == 5
    assert counts.peak() == 10


def test_the_layer_marks_in_the_aids_colours() -> None:
    image = edge()
    image[0, 0, :3] = 255
    image[0, 1, :3] = 0
    layers = compute(image, AidChoice(peaking=True, clipping=True))
    assert layers.marks is not None and layers.histogram is None
    assert tuple(layers.marks[0, 0]) == HIGHLIGHT_COLOUR
    assert tuple(layers.marks[0, 1]) == SHADOW_COLOUR
    assert tuple(layers.marks[10, 32]) == PEAKING_COLOUR
    assert tuple(layers.marks[10, 5]) == (0, 0, 0, 0)
    assert compute(image, AidChoice(histogram=True)).marks is None


def test_a_region_of_wider_rows_is_measured_like_the_same_pixels_alone() -> None:
    """The worker passes a view into the image's rows and the QImage's rows for the marks."""
    wide = np.zeros((40, 100, 4), np.uint8)
    wide[4:36, 10:74] = edge()
    wide[5, 12, :3] = 255
    wide[6, 13, 1] = 0
    region = wide[4:36, 10:74]  # rows 400 bytes apart, 256 bytes used
    rows = np.full((32, 80, 4), 7, np.uint8)  # the marks' rows are longer than the marks
    choice = AidChoice(peaking=True, clipping=True, histogram=True)
    layers = compute(region, choice, marks=rows[:, :64])
    alone = compute(np.ascontiguousarray(region), choice)
    assert alone.marks is not None and layers.marks is not None
    assert (rows[:, :64] == alone.marks).all() and (rows[:, 64:] == 7).all()
    clipping = compute(region, AidChoice(clipping=True)).marks
    assert clipping is not None
    assert tuple(clipping[1, 2]) == HIGHLIGHT_COLOUR and tuple(clipping[2, 3]) == SHADOW_COLOUR
    assert layers.histogram is not None and alone.histogram is not None
    assert (layers.histogram.luma == alone.histogram.luma).all()
    assert layers.histogram.red.sum() == 32 * 64
