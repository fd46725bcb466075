"""Two panes under Xvfb: at fit, at 100% (in step across pixel sizes), and focus peaking.

The PNGs are kept in ``test-artifacts/compare-screenshots/`` for people to look at.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image, ImageFilter

from tests.ui.test_screenshots import ROOT, display, near, pytestmark, run_shots  # noqa: F401

ARTIFACTS = os.path.join(ROOT, "test-artifacts", "compare-screenshots")


def stripes(size: tuple[int, int], period: int) -> Image.Image:
    x = np.arange(size[0])
    row = np.where((x // period) % 2 == 0, 60, 200).astype(np.uint8)
    grey = np.tile(row, (size[1], 1))
    return Image.fromarray(np.stack([grey, grey, grey], axis=-1))


@pytest.fixture(scope="module")
def shots(display: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:  # noqa: F811
    folder = tmp_path_factory.mktemp("compare-shots")
    stripes((1600, 1000), 40).save(folder / "1-sharp.png")
    blurred = stripes((800, 500), 20).filter(ImageFilter.GaussianBlur(6))
    blurred.save(folder / "2-blurred.png")
    env = {"DISPLAY": display, "XDG_CONFIG_HOME": str(folder)}
    return run_shots("tests.ui.compare_screenshot_app", ARTIFACTS, str(folder), env, timeout=90)


def pane_pixels(shots: dict[str, object], state: str, pane: int) -> np.ndarray:
    x, y, width, height = shots["panes"][pane]  # type: ignore[index]
    screen = np.asarray(Image.open(os.path.join(ARTIFACTS, f"{state}.png")).convert("RGB"))
    return screen[y : y + height, x : x + width].astype(int)


def test_two_panes_side_by_side_each_fitted(shots):
    (x0, y0, w0, _), (x1, y1, w1, _) = shots["panes"]  # type: ignore[misc]
    assert y0 == y1 and x1 > x0 + w0 - 4 and abs(w0 - w1) <= 2
    for pane in (0, 1):
        pixels = pane_pixels(shots, "compare-fit", pane)
        content = ~near(pixels, shots["background"])
        middle = pixels[pixels.shape[0] // 2]
        assert content[pixels.shape[0] // 2].sum() > 0.9 * pixels.shape[1]  # fitted: full width
        assert middle[:, 0].std() > 30  # the stripes, not a pane-sized blur of them
    assert "1-sharp.png" in shots["captions"][0] and "2-blurred.png" in shots["captions"][1]


def test_at_100_percent_both_panes_show_the_same_part(shots):
    assert shots["actual_zoom"][0] == pytest.approx(1.0)  # type: ignore[index]
    assert shots["actual_zoom"][1] == pytest.approx(2.0)  # half the pixels: the same look
    left = pane_pixels(shots, "compare-100", 0)
    right = pane_pixels(shots, "compare-100", 1)
    row = left.shape[0] // 2
    # the stripes' edges sit at the same columns in both panes (one is blurred)
    light_left = left[row, :, 0] > 130
    light_right = right[row, : left.shape[1], 0] > 130
    assert (light_left == light_right).mean() > 0.85


def test_peaking_marks_the_sharp_frame_and_not_the_blurred_one(shots):
    sharp = near(pane_pixels(shots, "compare-peaking", 0), shots["peaking"], 40).sum()
    blurred = near(pane_pixels(shots, "compare-peaking", 1), shots["peaking"], 40).sum()
    assert sharp > 1000 and blurred < sharp / 20
