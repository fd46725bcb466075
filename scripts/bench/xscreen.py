"""The from-outside benchmarks' X screen: the server, a window manager's one job, our settings.

Shared by ``startup_screen.py`` and ``jump_screen.py``. Xvfb runs no window manager, so a
viewer's request to go full screen (``_NET_WM_STATE_FULLSCREEN``) reaches nobody: feh and
geeqie size their window to the screen themselves, the others (this viewer too) stay at their
first size. ``fill_screen`` does what a window manager would: it moves each top-level window to
the screen's corner and sizes it to the screen.
"""

from __future__ import annotations

import os
import subprocess
import time

#: Settings of a viewer that was left in full screen (QSettings' INI format on Linux).
FULLSCREEN_SETTINGS = "[window]\nfullscreen=true\n"
#: Windows smaller than this on both sides are helpers (GTK's 10×10 leader windows), not views.
_VIEW_SIDE = 64


def start_x(display: str, size: str) -> subprocess.Popen[bytes]:
    """An Xvfb of ``size`` (``WIDTHxHEIGHT``) on ``display``, once it takes connections."""
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(200):
        if os.path.exists(f"/tmp/.X11-unix/X{display[1:]}"):
            return server
        time.sleep(0.01)
    raise RuntimeError("Xvfb did not start")


def viewer_env(env: dict[str, str], code: str, config: str) -> dict[str, str]:
    """``env`` for this viewer from the checkout ``code`` (``.``: this one), its settings in
    the fresh folder ``config``: a viewer that was left in full screen."""
    os.makedirs(os.path.join(config, "viewer"))
    with open(os.path.join(config, "viewer", "Viewer.conf"), "w") as settings:
        settings.write(FULLSCREEN_SETTINGS)
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return {**env, "XDG_CONFIG_HOME": config,
            "PYTHONPATH": here if code == "." else os.path.abspath(code)}  # fmt: skip


def fill_screen(env: dict[str, str], size: str) -> list[str]:
    """Move every mapped top-level window that does not cover the screen to its corner and size
    it to the screen (with ``xdotool``); returns what was moved, as ``WIDTHxHEIGHT+X+Y``."""
    width, height = (int(side) for side in size.split("x"))
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--maxdepth", "1", "--name", ""],
                           env=env, capture_output=True, text=True).stdout.split()  # fmt: skip
    moved = []
    for window in found:
        shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                               capture_output=True, text=True).stdout  # fmt: skip
        fields = dict(line.split("=", 1) for line in shape.split() if "=" in line)
        if not {"X", "Y", "WIDTH", "HEIGHT"} <= fields.keys():
            continue  # gone meanwhile
        w, h, x, y = (int(fields[key]) for key in ("WIDTH", "HEIGHT", "X", "Y"))
        if (w, h, x, y) == (width, height, 0, 0) or (w < _VIEW_SIDE and h < _VIEW_SIDE):
            continue
        subprocess.run(["xdotool", "windowmove", window, "0", "0", "windowsize", window,
                        str(width), str(height)], env=env, capture_output=True)  # fmt: skip
        moved.append(f"{w}x{h}+{x}+{y}")
    return moved
