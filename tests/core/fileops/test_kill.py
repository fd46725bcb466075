"""A process killed (SIGKILL) at each step of a cross-device move: the source is intact and
no file, whole or partial, sits under the final name unless the copy was complete."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.core.fileops.conftest import Place
from tests.core.fileops.faulty_fs import sha256

#: (step, which occurrence): "copy" is announced before each chunk, so its 3rd is mid-file.
STOPS = [("open", 1), ("copy", 1), ("copy", 3), ("flush", 1), ("verify", 1), ("place", 1)]
STOPS += [("remove", 1)]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("step", "nth"), STOPS)
def test_killed_mid_move(place: Place, step: str, nth: int) -> None:
    source = place.path("1.jpg")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.fileops.kill_child", source, place.target, step,
         str(nth)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root,
        env=dict(os.environ, PYTHONPATH=root),
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline() == f"at {step}\n"
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    assert child.stdin is not None
    child.stdin.close()
    child.stdout.close()
    assert sha256(source) == place.hashes[source]
    final = os.path.join(place.target, "1.jpg")
    if step == "remove":  # killed after the copy was placed whole: both are there, no loss
        assert sha256(final) == place.hashes[source]
    else:
        assert not os.path.exists(final)
    partials = [n for n in os.listdir(place.target) if n != "1.jpg"]
    assert all(n.startswith(".1.jpg.") and n.endswith(".viewer-part") for n in partials)
