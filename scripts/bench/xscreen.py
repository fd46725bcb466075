"""The from-outside benchmarks' X screen: the server, its window manager, our settings.

Shared by ``startup_screen.py`` and ``jump_screen.py``. Xvfb runs no window manager of its own,
and without one a viewer's request to go full screen (``_NET_WM_STATE_FULLSCREEN``) reaches
nobody: feh and geeqie size their window to the screen themselves, the others stay at their
first size. So ``start_x`` starts openbox (Debian's ``openbox``: EWMH, no panels, up in about
0.1 s) on the screen with the system's default settings and waits until it has taken the screen
(the root window names its ``_NET_SUPPORTING_WM_CHECK`` window, which names itself), as on a
user's desktop. Where openbox or ``xprop`` is missing, ``fill_screen`` does the window manager's
part instead: it moves each top-level window to the screen's corner and sizes it to the screen.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: Settings of a viewer that was left in full screen (QSettings' INI format on Linux).
FULLSCREEN_SETTINGS = "[window]\nfullscreen=true\n"
#: The window manager, and the Debian packages it and its check need.
WINDOW_MANAGER = "openbox"
WM_PACKAGES = "openbox x11-utils"
#: What stands in for a window manager where none runs, for the scripts' output.
FALLBACK = "the script sizes the windows to the screen (xdotool)"
#: Longest wait for the window manager to take the screen.
WM_TIMEOUT_S = 10.0
#: Windows smaller than this on both sides are helpers (GTK's 10×10 leader windows), not views.
_VIEW_SIDE = 64


@dataclass
class XScreen:
    """An Xvfb and its window manager (None: none, so ``fill_screen`` stands in)."""

    server: subprocess.Popen[bytes]
    #: The server's display, ``:N`` (a free one, as the server chose it).
    display: str
    manager: subprocess.Popen[bytes] | None
    #: What runs the windows, for the scripts' output.
    note: str
    settings: str

    @property
    def managed(self) -> bool:
        return self.manager is not None

    def stop(self) -> None:
        for process in (self.manager, self.server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        shutil.rmtree(self.settings, ignore_errors=True)


def start_x(size: str, manager: bool = True) -> XScreen:
    """An Xvfb of ``size`` (``WIDTHxHEIGHT``) on a free display once it takes connections (a
    fixed one could be another run's), with openbox on it once that has taken the screen
    (``manager=False``, or openbox missing: none)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write)
    with os.fdopen(read, "rb") as pipe:  # the number comes once the server takes connections
        ready, _, _ = select.select([pipe], [], [], WM_TIMEOUT_S)
        number = pipe.readline().strip() if ready else b""
    if not number.isdigit():
        server.kill()
        server.wait()
        raise RuntimeError("Xvfb did not start")
    display = f":{int(number)}"
    # An empty settings folder: openbox reads the system's defaults, not this user's.
    settings = tempfile.mkdtemp(prefix="xscreen-")
    screen = XScreen(server, display, None, "", settings)
    missing = [name for name in (WINDOW_MANAGER, "xprop") if shutil.which(name) is None]
    if not manager:
        screen.note = f"no window manager (asked): {FALLBACK}"
    elif missing:
        screen.note = (f"no window manager ({' and '.join(missing)} missing: apt-get install "
                       f"{WM_PACKAGES}): {FALLBACK}")  # fmt: skip
    else:
        env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": settings,
               "HOME": settings}  # fmt: skip
        started = time.monotonic()
        quiet = subprocess.DEVNULL
        screen.manager = subprocess.Popen([WINDOW_MANAGER, "--sm-disable"], env=env,
                                          stdout=quiet, stderr=quiet)  # fmt: skip
        name = _await_manager(env, screen.manager)
        if name is None:
            screen.manager.kill()
            screen.manager.wait()
            screen.manager = None
            late = f"{WINDOW_MANAGER} did not take the screen in {WM_TIMEOUT_S:.0f} s"
            screen.note = f"no window manager ({late}): {FALLBACK}"
        else:
            took = (time.monotonic() - started) * 1000
            screen.note = f"window manager {name} (took the screen in {took:.0f} ms)"
    return screen


def _await_manager(env: dict[str, str], manager: subprocess.Popen[bytes]) -> str | None:
    """The window manager's name once the screen is its (EWMH: the root's
    ``_NET_SUPPORTING_WM_CHECK`` window names itself the same way), None if it never is."""
    end = time.monotonic() + WM_TIMEOUT_S
    while time.monotonic() < end and manager.poll() is None:
        root = _window_property(env, ["-root"], "_NET_SUPPORTING_WM_CHECK")
        if root:
            check = _window_property(env, ["-id", root], "_NET_SUPPORTING_WM_CHECK")
            if check == root:
                return _window_property(env, ["-id", root], "_NET_WM_NAME") or WINDOW_MANAGER
        time.sleep(0.02)
    return None


def _window_property(env: dict[str, str], window: list[str], name: str) -> str:
    """A window's property as ``xprop`` prints its value (a window's id, a quoted name with the
    quotes cut), or ``""`` where it has none."""
    out = subprocess.run(["xprop", *window, "-notype", name], env=env, capture_output=True,
                         text=True).stdout.strip()  # fmt: skip
    if not out.startswith(name) or ("=" not in out and "#" not in out):
        return ""
    value = out.split("#", 1)[1] if "# " in out else out.split("=", 1)[1]
    return value.strip().strip('"')


def viewer_env(env: dict[str, str], code: str, config: str) -> dict[str, str]:
    """``env`` for this viewer from the checkout ``code`` (``.``: this one), its settings in
    the folder ``config``: a viewer that was left in full screen."""
    os.makedirs(os.path.join(config, "viewer"), exist_ok=True)
    with open(os.path.join(config, "viewer", "Viewer.conf"), "w") as settings:
        settings.write(FULLSCREEN_SETTINGS)
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return {**env, "XDG_CONFIG_HOME": config,
            "PYTHONPATH": here if code == "." else os.path.abspath(code)}  # fmt: skip


def uncovered(env: dict[str, str], size: str) -> list[tuple[str, str]]:
    """The mapped top-level windows that do not cover the screen (helpers aside), each as its id
    and ``WIDTHxHEIGHT+X+Y``."""
    width, height = (int(side) for side in size.split("x"))
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--maxdepth", "1", "--name", ""],
                           env=env, capture_output=True, text=True).stdout.split()  # fmt: skip
    windows = []
    for window in found:
        shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                               capture_output=True, text=True).stdout  # fmt: skip
        fields = dict(line.split("=", 1) for line in shape.split() if "=" in line)
        if not {"X", "Y", "WIDTH", "HEIGHT"} <= fields.keys():
            continue  # gone meanwhile
        w, h, x, y = (int(fields[key]) for key in ("WIDTH", "HEIGHT", "X", "Y"))
        if (w, h, x, y) == (width, height, 0, 0) or (w < _VIEW_SIDE and h < _VIEW_SIDE):
            continue
        windows.append((window, f"{w}x{h}+{x}+{y}"))
    return windows


def fill_screen(env: dict[str, str], size: str) -> list[str]:
    """The window manager's part where none runs: move every mapped top-level window that does
    not cover the screen to its corner and size it to the screen (with ``xdotool``); returns what
    was moved, as ``WIDTHxHEIGHT+X+Y``."""
    width, height = size.split("x")
    moved = []
    for window, shape in uncovered(env, size):
        subprocess.run(["xdotool", "windowmove", window, "0", "0", "windowsize", window,
                        width, height], env=env, capture_output=True)  # fmt: skip
        moved.append(shape)
    return moved


@contextmanager
def filling(screen: XScreen, env: dict[str, str], size: str, moved: list[str]) -> Iterator[None]:
    """While inside: where no window manager runs, fill the screen with each new window every
    0.1 s (what was moved goes into ``moved``); with one, nothing."""
    if screen.managed:
        yield
        return
    done = threading.Event()

    def fill() -> None:
        while not done.wait(0.1):
            moved.extend(shape for shape in fill_screen(env, size) if shape not in moved)

    thread = threading.Thread(target=fill, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
