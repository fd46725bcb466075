"""How the from-outside benchmarks start each viewer full screen, this one and its peers.

Shared by ``startup_screen.py`` and ``jump_screen.py``: the command that opens one image of a
folder full screen in each viewer (the folder's other images a key away), each in a throwaway
home so that no state persists from one start to the next, its end (with whatever it started),
the folder's JPEGs in the order the viewers list them, and dropping them from the page cache.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from bench.xscreen import viewer_env

PEERS = ("feh", "nsxiv", "qimgv", "geeqie", "gthumb")
#: qimgv's settings: full screen, none of the overlays, the welcome shown already.
QIMGV_SETTINGS = """[General]
firstRun=false
lastVerMajor=1
lastVerMinor=0
lastVerMicro=2
openInFullscreen=true
infoBarFullscreen=false
"""
#: geeqie's settings: 10.jpg after 9.jpg, as everybody else sorts.
GEEQIE_SETTINGS = """<gq>
    <global
            file_sort.natural = "true"
    >
    </global>
</gq>
"""
_HOME_DIRS = {"XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache",
              "XDG_DATA_HOME": ".local/share", "XDG_RUNTIME_DIR": "run"}  # fmt: skip


@dataclass
class Viewer:
    """One viewer in the race: ``kind`` is ``ours`` or a peer's command."""

    label: str
    kind: str
    code: str = "."
    failed: str = ""
    #: Windows that did not cover the screen (sized by the script where no window manager runs).
    moved: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)


def viewers_named(names: list[str], codes: list[str]) -> list[Viewer]:
    """The viewers named (``ours`` once for each checkout in ``codes``), a missing peer marked
    as failed with the package to install."""
    found = []
    for name in names:
        if name == "ours":
            for code in codes:
                label = "ours" if code == "." else f"ours @{os.path.basename(code.rstrip('/'))}"
                found.append(Viewer(label, "ours", code))
        elif name in PEERS:
            viewer = Viewer(name, name)
            if shutil.which(name) is None:
                viewer.failed = f"not installed (apt-get install {name})"
            elif name == "gthumb" and shutil.which("dbus-run-session") is None:
                viewer.failed = "needs dbus-run-session (apt-get install dbus-daemon)"
            found.append(viewer)
        else:
            raise SystemExit(f"unknown viewer {name!r}: ours or one of {', '.join(PEERS)}")
    return found


def launch(
    viewer: Viewer, home: str, files: list[str], index: int, env: dict[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The command that opens ``files[index]`` full screen in ``viewer`` (the folder's other
    images a key away), and its environment: the home ``home``, a fresh folder."""
    run_env = {**env, "HOME": home, **{k: os.path.join(home, v) for k, v in _HOME_DIRS.items()}}
    for name in _HOME_DIRS.values():
        os.makedirs(os.path.join(home, name), mode=0o700, exist_ok=True)
    target, folder = files[index], os.path.dirname(files[index])
    if viewer.kind == "ours":
        ours = viewer_env(run_env, viewer.code, run_env["XDG_CONFIG_HOME"])
        return [sys.executable, "-m", "viewer", target], ours
    if viewer.kind == "feh":
        return ["feh", "--fullscreen", "--auto-zoom", "--sort", "filename", "--version-sort",
                "--start-at", target, folder], run_env  # fmt: skip
    if viewer.kind == "nsxiv":  # -s d: fit, down only; -b: no status bar; -n: start at
        return ["nsxiv", "-f", "-b", "-s", "d", "-n", str(index + 1), *files], run_env
    if viewer.kind == "qimgv":
        write(os.path.join(run_env["XDG_CONFIG_HOME"], "qimgv", "qimgv.conf"), QIMGV_SETTINGS)
        # Its collator orders numbers naturally in any locale but C.
        return ["qimgv", target], {**run_env, "LANG": "en_US.UTF-8"}
    if viewer.kind == "geeqie":
        write(os.path.join(run_env["XDG_CONFIG_HOME"], "geeqie", "geeqierc.xml"), GEEQIE_SETTINGS)
        return ["geeqie", "-f", target], run_env
    assert viewer.kind == "gthumb"  # a GtkApplication: it wants a session bus
    return ["dbus-run-session", "--", "gthumb", "-f", target], {**run_env, "NO_AT_BRIDGE": "1"}


def spawn(command: list[str], env: dict[str, str], home: str) -> subprocess.Popen[bytes]:
    """Start ``command`` in ``home`` (a neutral folder: ``python -m`` puts the working folder
    first on the path, which would run this checkout whatever PYTHONPATH says), its output in
    ``home/log``, in a session of its own so that ``end`` ends what it starts too."""
    with open(os.path.join(home, "log"), "wb") as log:
        return subprocess.Popen(command, env=env, cwd=home, stdout=log, stderr=log,
                                start_new_session=True)  # fmt: skip


def end(child: subprocess.Popen[bytes]) -> None:
    """End the viewer and whatever it started (its session's process group)."""
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    time.sleep(0.2)  # helpers (dbus, portals) go after the viewer
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()


def tail(home: str) -> str:
    """The last line of what the viewer started in ``home`` printed, for a failure's note."""
    with open(os.path.join(home, "log"), "rb") as log:
        lines = log.read().decode(errors="replace").strip().splitlines()
    return f" (its log ends: {lines[-1][:200]})" if lines else ""


def drop_from_cache(paths: list[str]) -> None:
    """Drop the files (the target, its neighbours, the whole folder) from the page cache."""
    for path in paths:
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)


def linked(images: list[str]) -> str:
    """A folder of exactly ``images`` (hard links beside them, so the same files in the page
    cache; symbolic links where the file system has none): the cache may hold more."""
    folder = tempfile.mkdtemp(prefix="screen-", dir=os.path.dirname(os.path.dirname(images[0])))
    for image in images:
        target = os.path.join(folder, os.path.basename(image))
        try:
            os.link(image, target)
        except OSError:
            os.symlink(image, target)
    return folder


def jpegs(folder: str) -> list[str]:
    """The folder's JPEGs in natural order (``2.jpg`` before ``10.jpg``), as the viewers list
    them."""
    names = [name for name in os.listdir(folder) if name.lower().endswith((".jpg", ".jpeg"))]
    names.sort(key=lambda name: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)])
    return [os.path.join(folder, name) for name in names]


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write(text)
