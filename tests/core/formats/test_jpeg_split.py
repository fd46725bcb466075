"""A JPEG with restart markers every MCU row or two decodes in two halves to exactly the
whole decode's pixels; others are not split."""

from __future__ import annotations

import io

import numpy as np
import pytest
import simplejpeg
from PIL import Image

from viewer.core.formats.jpeg.split import decode_split, find_scan

SIZE = (640, 480)


def photo(**options: object) -> bytes:
    rng = np.random.default_rng(3)
    small = rng.integers(0, 255, (SIZE[1] // 8, SIZE[0] // 8, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(small).resize(SIZE).save(out, "JPEG", quality=90, **options)
    return out.getvalue()


@pytest.mark.parametrize("reduction", [1, 2, 4])
@pytest.mark.parametrize("subsampling", [0, 2])  # 4:4:4 and 4:2:0
@pytest.mark.parametrize("rows", [1, 2])
def test_two_halves_give_the_whole_decode(reduction, subsampling, rows):
    data = photo(restart_marker_rows=rows, subsampling=subsampling)
    width, height = SIZE[0] // reduction, SIZE[1] // reduction
    whole = simplejpeg.decode_jpeg(data, colorspace="BGRA", min_width=width, min_height=height)
    split = decode_split(data, "BGRA", *SIZE, reduction)
    assert split is not None and split.shape == whole.shape
    assert np.array_equal(split, whole)


def test_restart_markers_are_found_in_the_scan():
    scan = find_scan(photo(restart_marker_rows=2))
    assert scan is not None
    assert scan.rows_per_interval == 2 and len(scan.markers) == 480 // 16 // 2 - 1


@pytest.mark.parametrize("options", [{}, {"restart_marker_blocks": 7}, {"progressive": True}])
def test_without_whole_row_restart_intervals_nothing_is_split(options):
    assert decode_split(photo(**options), "BGRA", *SIZE, 1) is None
