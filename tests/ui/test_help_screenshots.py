"""The help overlay on a real X server fits a 1366×768 and a 1024×600 window.

The PNGs are kept in ``test-artifacts/help/`` (ignored by git) for people to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.ui.test_screenshots import ROOT, run_shots
from tests.xvfb import private_display

ARTIFACTS = os.path.join(ROOT, "test-artifacts", "help")

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    with private_display("1366x768x24") as name:
        yield name


@pytest.mark.parametrize("size", ["1366x768", "1024x600"])
def test_the_help_overlay_fits_the_window(display, tmp_path, size):
    env = {"DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path)}
    facts = run_shots("tests.ui.help_screenshot_app", ARTIFACTS, str(tmp_path), env, timeout=60)
    assert facts[size]["fits"], facts
    assert os.path.exists(os.path.join(ARTIFACTS, f"help-{size}.png"))
