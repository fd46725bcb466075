#!/usr/bin/env python3
"""Cold start seen from outside: spawn to the first image on a real X screen, beside feh.

``startup_screen.py [--runs 7] [--size 1280x800] [--code DIR,…] [--viewers feh,ours]``

Starts an X server (Xvfb) of ``--size``, and a watcher on it that grabs the whole screen
every few ms and notes the moment the middle of the screen shows a picture (many colours;
every viewer's empty window is one colour). Each viewer is then spawned in turn on a camera
JPEG, full screen: feh (``--fullscreen``) and this viewer (its remembered full-screen state),
with ``--code`` for other checkouts of it (e.g. ``/tmp/before``). The time is from spawning the
process to that moment, so it includes everything: Python, Qt, X, the first paint. Ours runs
twice per round: a first start (no settings) and a later one (the screen's size remembered).
Medians are printed with each viewer's ratio to feh in the same run.

Needs ``Xvfb`` and ``feh`` (Debian packages); the benchmark images are made once in
``~/.cache/viewer-bench/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench.images import camera_images

WATCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench", "screen_watch.py")
DISPLAY = ":73"
#: Settings of a viewer that was left in full screen (QSettings' INI format on Linux).
FULLSCREEN_SETTINGS = "[window]\nfullscreen=true\n"


def start_x(size: str) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(200):
        if os.path.exists(f"/tmp/.X11-unix/X{DISPLAY[1:]}"):
            return server
        time.sleep(0.01)
    raise RuntimeError("Xvfb did not start")


def one_start(watcher: subprocess.Popen[str], command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from spawning ``command`` to the watcher's first picture on screen."""
    assert watcher.stdin is not None and watcher.stdout is not None
    watcher.stdin.write("arm\n")
    watcher.stdin.flush()
    assert watcher.stdout.readline().strip() == "armed"  # the screen is blank now
    started = time.time()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    seen = float(watcher.stdout.readline())
    child.kill()
    child.wait()
    return (seen - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--code", default=".", help="checkouts of this viewer, comma-separated")
    args = parser.parse_args(argv)
    if shutil.which("Xvfb") is None or shutil.which("feh") is None:
        print("needs Xvfb and feh: apt-get install xvfb feh")
        return 1
    image = camera_images(40)[0]
    server = start_x(args.size)
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb"}
    results: dict[str, list[float]] = {}
    try:
        watcher = subprocess.Popen([sys.executable, WATCHER], env=env, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        assert watcher.stdout is not None and watcher.stdout.readline().strip() == "ready"
        for _ in range(args.runs):
            feh = ["feh", "--fullscreen", "--auto-zoom", image]
            results.setdefault("feh", []).append(one_start(watcher, feh, env))
            for code in args.code.split(","):
                for later in (False, True):
                    label = f"ours{'' if code == '.' else ' @' + os.path.basename(code)}" + (
                        ", later start" if later else ", first start")
                    with tempfile.TemporaryDirectory() as config:
                        run_env = _viewer_env(env, code, config)
                        command = [sys.executable, "-m", "viewer", image]
                        if later:  # one start before, so the screen's size is remembered
                            one_start(watcher, command, run_env)
                        results.setdefault(label, []).append(one_start(watcher, command, run_env))
        watcher.kill()
    finally:
        server.terminate()
    feh_ms = statistics.median(results["feh"])
    print(f"\n{args.runs} runs, {args.size} Xvfb, full screen, {os.path.basename(image)} "
          f"({os.path.getsize(image) / 1e6:.1f} MB); spawn → first picture on screen\n")  # fmt: skip
    print("| viewer | median ms | min ms | max ms | × feh |\n|---|---|---|---|---|")
    for label, times in results.items():
        median = statistics.median(times)
        print(f"| {label} | {median:.0f} | {min(times):.0f} | {max(times):.0f} | "
              f"{median / feh_ms:.2f} |")  # fmt: skip
    return 0


def _viewer_env(env: dict[str, str], code: str, config: str) -> dict[str, str]:
    os.makedirs(os.path.join(config, "viewer"))
    with open(os.path.join(config, "viewer", "Viewer.conf"), "w") as settings:
        settings.write(FULLSCREEN_SETTINGS)
    run_env = {**env, "XDG_CONFIG_HOME": config}
    if code != ".":
        run_env["PYTHONPATH"] = os.path.abspath(code)
    return run_env


if __name__ == "__main__":
    sys.exit(main())
