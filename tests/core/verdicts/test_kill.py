"""A process killed (SIGKILL) at each step of a sidecar's write: the sidecar is the old one
or the new one, whole and readable, and at most a hidden temporary file is left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import read, write
from viewer.core.verdicts import Edit, Label, Verdict, read_verdict, set_verdict
from viewer.core.verdicts.atomic import WRITE_STEPS


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new"])
@pytest.mark.parametrize("step", WRITE_STEPS)
def test_killed_mid_write(tmp_path: object, step: str, existing: bool) -> None:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "IMG_0001.CR2"), b"raw")
    sidecar = image + ".xmp"
    if existing:
        write(sidecar, samples.DARKTABLE)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.verdicts.kill_child", image, step],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root,
        env=dict(os.environ, PYTHONPATH=root),
    )  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == f"at {step}\n"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    child.stdin.close()
    child.stdout.close()
    if existing:
        assert read(sidecar) == samples.DARKTABLE  # killed before the rename: the old one
        assert read_verdict(image).verdict == Verdict(1, Label.GREEN)
    else:
        assert not os.path.exists(sidecar)
    leftovers = [n for n in os.listdir(folder) if n not in ("IMG_0001.CR2", "IMG_0001.CR2.xmp")]
    assert all(n.startswith(".IMG_0001.CR2.xmp.") and n.endswith(".viewer-part") for n in leftovers)
    assert set_verdict(image, Edit(rating=5)).verdict.rating == 5  # and the next write works
