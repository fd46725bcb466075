#!/usr/bin/env python3
"""Time the demo's first run as a new user sees it: ``viewer --demo`` on a fresh HOME, under
its own Xvfb (1366×768), from this checkout.

Prints when ``1.jpg`` is written, when the window's title names it (the window has asked for
it; its display-sized decode follows), and takes screenshots at the times given, to look at.
Usage: ``python scripts/demo_first_run.py [--display :58] [--shots 3 5] [--out DIR]``.
Needs Xvfb, xdotool and ImageMagick's ``import``. Not a CI test: it times a whole process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=":58")
    parser.add_argument("--shots", type=float, nargs="*", default=[3.0, 5.0])
    parser.add_argument("--out", default=tempfile.gettempdir(), help="where screenshots go")
    parser.add_argument("--limit", type=float, default=30.0, help="give up after (s)")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    home = tempfile.mkdtemp(prefix="demo-home.")
    env = dict(os.environ, HOME=home, XDG_CACHE_HOME=f"{home}/.cache",
               XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
               XDG_RUNTIME_DIR=f"{home}/run", DISPLAY=args.display, PYTHONPATH=ROOT)  # fmt: skip
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1366x768x24"],
                            stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(0.7)
    first = os.path.join(home, ".cache", "viewer", "demo-camera", "1.jpg")
    errors = open(os.path.join(home, "err"), "w")  # noqa: SIM115 (closed below)
    started = time.perf_counter()
    viewer = subprocess.Popen([sys.executable, "-m", "viewer", "--demo"], env=env, stderr=errors)
    written = titled = None
    shots = sorted(args.shots)
    try:
        while (shots or titled is None) and time.perf_counter() - started < args.limit:
            now = time.perf_counter() - started
            if written is None and os.path.exists(first):
                written = now
                print(f"1.jpg written at {written:.2f} s")
            if titled is None and _window_named("1.jpg", env):
                titled = time.perf_counter() - started
                print(f"window showing 1.jpg at {titled:.2f} s")
                _shot(os.path.join(args.out, "demo_first_image.png"), env)
            if shots and now >= shots[0]:
                name = os.path.join(args.out, f"demo_at_{shots.pop(0):.1f}s.png")
                _shot(name, env)
                print(f"screenshot {name} at {time.perf_counter() - started:.2f} s")
            time.sleep(0.05)
    finally:
        viewer.terminate()
        viewer.wait()
        xvfb.terminate()
        errors.close()
    return 0 if titled is not None else 1


def _window_named(name: str, env: dict[str, str]) -> bool:
    found = subprocess.run(["xdotool", "search", "--name", f"^{name} — "], env=env,
                           capture_output=True, text=True, check=False)  # fmt: skip
    return bool(found.stdout.strip())


def _shot(path: str, env: dict[str, str]) -> None:
    subprocess.run(["import", "-window", "root", path], env=env, check=False)


if __name__ == "__main__":
    sys.exit(main())
