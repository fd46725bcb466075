"""The help overlay on a real X server fits a 1366×768 and a 1024×600 window.

The PNGs are kept in ``test-artifacts/help/`` (ignored by git) for people to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.ui.test_screenshots import ROOT, run_shots

ARTIFACTS = os.path.join(ROOT, "test-artifacts", "help")

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("size", ["1366x768", "1024x600"])
def test_the_help_overlay_fits_the_window(display, tmp_path, size):
    env = {"DISPLAY": display, "XDG_CONFIG_HOME": str(tmp_path)}
    facts = run_shots("tests.ui.help_screenshot_app", ARTIFACTS, str(tmp_path), env, timeout=60)
    assert facts[size]["fits"], facts
    assert os.path.exists(os.path.join(ARTIFACTS, f"help-{size}.png"))
