"""The real window under Xvfb, captured and checked by its pixels in three states.

Skipped where Xvfb is not installed (``.ci/run`` installs it). The PNGs are kept in
``test-artifacts/screenshots/`` (ignored by git) for people to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest
from PIL import Image

from tests.xvfb import private_display

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.path.join(ROOT, "test-artifacts", "screenshots")
LANDSCAPE, PORTRAIT = (255, 0, 0), (0, 0, 255)

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None,
    reason="Xvfb is not installed (apt-get install xvfb libxcb-icccm4 libxcb-image0 "
    "libxcb-keysyms1 libxcb-render-util0 libxcb-xinerama0)",
)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private X server; Xvfb picks a free display number and writes it to a pipe."""
    with private_display("1024x768x24") as name:
        yield name


@pytest.fixture(scope="module")
def shots(display: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("shots")
    Image.new("RGB", (1600, 900), LANDSCAPE).save(folder / "1-landscape.png")
    Image.new("RGB", (600, 1200), PORTRAIT).save(folder / "2-portrait.png")
    (folder / "3-broken.jpg").write_bytes(b"\xff\xd8 this is not a JPEG")
    env = {"DISPLAY": display, "XDG_CONFIG_HOME": str(folder)}
    return run_shots("tests.ui.screenshot_app", ARTIFACTS, str(folder), env, timeout=60)


def run_shots(
    module: str, artifacts: str, folder: str, env: dict[str, str], timeout: float
) -> dict[str, object]:
    """Run a screenshot app (``python -m module artifacts folder``) on the X server in
    ``env["DISPLAY"]`` into a fresh ``artifacts`` folder; the facts it wrote about its window."""
    shutil.rmtree(artifacts, ignore_errors=True)
    os.makedirs(artifacts)
    subprocess.run(
        [sys.executable, "-m", module, artifacts, folder],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "xcb", **env}, check=True,
        timeout=timeout,
    )  # fmt: skip
    with open(os.path.join(artifacts, "facts.json"), encoding="utf-8") as file:
        facts: dict[str, object] = json.load(file)
    return facts


def crop_view(artifacts: str, shots: dict[str, object], state: str) -> np.ndarray:
    """The image area of the screenshot of ``state``, as ints (differences may go negative)."""
    x, y, width, height = shots["view"]  # type: ignore[misc]
    screen = np.asarray(Image.open(os.path.join(artifacts, f"{state}.png")).convert("RGB"))
    return screen[y : y + height, x : x + width].astype(int)


def view_pixels(shots: dict[str, object], state: str) -> np.ndarray:
    return crop_view(ARTIFACTS, shots, state)


def near(pixels: np.ndarray, color: object, tolerance: int = 12) -> np.ndarray:
    return np.all(np.abs(pixels - np.array(color)) <= tolerance, axis=-1)


def assert_background_at_edges(pixels: np.ndarray, background: object) -> None:
    for row, column in [(2, 2), (2, -3), (-3, 2), (-3, -3)]:
        assert near(pixels[row, column], background), pixels[row, column]


@pytest.mark.parametrize(("state", "color"), [("landscape", LANDSCAPE), ("portrait", PORTRAIT)])
def test_image_is_centred_and_fitted(shots, state, color):
    pixels = view_pixels(shots, state)
    assert_background_at_edges(pixels, shots["background"])
    rows, columns = np.nonzero(near(pixels, color))
    height, width = pixels.shape[:2]
    assert rows.size > 0.2 * height * width  # a large image fills much of the view
    assert abs((rows.min() + rows.max()) / 2 - (height - 1) / 2) <= 1.5
    assert abs((columns.min() + columns.max()) / 2 - (width - 1) / 2) <= 1.5
    shown_ratio = (columns.max() - columns.min() + 1) / (rows.max() - rows.min() + 1)
    expected = 1600 / 900 if state == "landscape" else 600 / 1200
    assert shown_ratio == pytest.approx(expected, rel=0.02)


def test_error_view_shows_the_reason(shots):
    pixels = view_pixels(shots, "error")
    assert_background_at_edges(pixels, shots["background"])
    assert "3-broken.jpg" in str(shots["error_message"])
    height = pixels.shape[0]
    band = pixels[height // 3 : 2 * height // 3]
    assert near(band, shots["error_color"], tolerance=30).sum() > 50  # the sentence is there
    assert not near(pixels, LANDSCAPE).any() and not near(pixels, PORTRAIT).any()
