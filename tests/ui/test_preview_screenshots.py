"""The real window under Xvfb while an image loads: its preview in place, then the image;
with no preview, the last image dimmed under "Loading NAME…". Skipped without Xvfb."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest
from PIL import Image

from tests.core.previews.preview_files import marked
from tests.ui.test_screenshots import (  # noqa: F401 (display: the X server fixture)
    ROOT,
    crop_view,
    display,
    near,
    run_shots,
)
from viewer.demo.camera_jpeg import camera_jpeg

ARTIFACTS = os.path.join(ROOT, "test-artifacts", "preview-screenshots")
FIRST = (40, 160, 40)

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


@pytest.fixture(scope="module")
def shots(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    server = request.getfixturevalue("display")
    folder = tmp_path_factory.mktemp("preview-shots")
    (folder / "1.jpg").write_bytes(camera_jpeg(Image.new("RGB", (1500, 1000), FIRST)))
    (folder / "2.jpg").write_bytes(camera_jpeg(marked((3000, 2000)), preview_side=1200))
    (folder / "3.jpg").write_bytes(
        camera_jpeg(marked((3000, 2000), seed=3), thumbnail_size=None, preview_side=None)
    )
    env = {"DISPLAY": server, "XDG_CONFIG_HOME": str(folder),
           "XDG_CACHE_HOME": str(folder / "cache")}  # fmt: skip
    return run_shots("tests.ui.preview_screenshot_app", ARTIFACTS, str(folder), env, timeout=90)


def _view(shots: dict[str, object], state: str) -> np.ndarray:
    return crop_view(ARTIFACTS, shots, state)


def test_mid_load_the_preview_stands_where_the_image_will(shots):
    assert shots["mark_visible"] and not shots["mark_after"]
    assert shots["preview_rect"] == shots["sharp_rect"]  # replaced in place: no shift
    preview, sharp = _view(shots, "preview"), _view(shots, "sharp")
    red = near(preview, (230, 30, 30), tolerance=40)  # the marked image's red quadrant
    assert red.sum() > 0.1 * red.size
    assert not near(preview, FIRST, tolerance=20).any()  # nothing left of the last image
    mx, my, mw, mh = shots["mark"]  # type: ignore[misc]
    corner = (slice(my, my + mh), slice(mx, mx + mw))
    assert np.abs(preview[corner] - sharp[corner]).mean() > 5  # the mark is drawn there


def test_without_a_preview_the_last_image_stays_dimmed(shots):
    assert shots["veil_message"] == "Loading 3.jpg…"
    veil, sharp = _view(shots, "veil"), _view(shots, "sharp")
    assert veil.mean() < 0.8 * sharp.mean()  # dimmed …
    assert near(veil, (230, 30, 30), tolerance=150).sum() > 0.05 * veil.size / 3  # … not gone
