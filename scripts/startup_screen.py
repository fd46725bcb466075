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
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

from bench.images import camera_images
from bench.xscreen import start_x, viewer_env

WATCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench", "screen_watch.py")
DISPLAY = ":73"


def one_start(
    watcher: subprocess.Popen[str], command: list[str], env: dict[str, str], keep: str = ""
) -> float:
    """Milliseconds from spawning ``command`` to the watcher's first picture on screen (kept
    as the PNG ``keep``, if given)."""
    assert watcher.stdin is not None and watcher.stdout is not None
    watcher.stdin.write(f"arm {keep}\n")
    watcher.stdin.flush()
    assert watcher.stdout.readline().strip() == "armed"  # the screen is blank now
    started = time.time()
    # Run from a neutral folder: ``python -m`` puts the working folder first on the path,
    # which would run this checkout whatever PYTHONPATH says.
    child = subprocess.Popen(command, env=env, cwd=tempfile.gettempdir(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    seen = float(watcher.stdout.readline())
    child.kill()
    child.wait()
    return (seen - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--code", default=".", help="checkouts of this viewer, comma-separated")
    parser.add_argument("--keep", default="", help="a folder for what was first seen (PNGs)")
    parser.add_argument("--images", help="a folder of JPEGs, e.g. on a share; each start opens "
                        "another, so none is in a cache (default: the benchmark's)")  # fmt: skip
    args = parser.parse_args(argv)
    if shutil.which("Xvfb") is None or shutil.which("feh") is None:
        print("needs Xvfb and feh: apt-get install xvfb feh")
        return 1
    images = _images(args.images)
    folder = args.images or os.path.dirname(camera_images(40)[0])
    megabytes = (
        statistics.median(
            os.path.getsize(os.path.join(folder, n))
            for n in os.listdir(folder)
            if n.endswith(".jpg")
        )
        / 1e6
    )
    server = start_x(DISPLAY, args.size)
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb"}
    results: dict[str, list[float]] = {}
    try:
        watcher = subprocess.Popen([sys.executable, WATCHER], env=env, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        assert watcher.stdout is not None and watcher.stdout.readline().strip() == "ready"
        for _ in range(args.runs):
            feh = ["feh", "--fullscreen", "--auto-zoom", next(images)]
            results.setdefault("feh", []).append(one_start(watcher, feh, env, _kept(args, "feh")))
            for code in args.code.split(","):
                for later in (False, True):
                    label = f"ours{'' if code == '.' else ' @' + os.path.basename(code)}" + (
                        ", later start" if later else ", first start"
                    )
                    with tempfile.TemporaryDirectory() as config:
                        run_env = viewer_env(env, code, config)
                        if later:  # one start before, so the screen's size is remembered
                            one_start(watcher, [sys.executable, "-m", "viewer", next(images)],
                                      run_env)  # fmt: skip
                        command = [sys.executable, "-m", "viewer", next(images)]
                        seen = one_start(watcher, command, run_env, _kept(args, label))
                        results.setdefault(label, []).append(seen)
        watcher.kill()
    finally:
        server.terminate()
    feh_ms = statistics.median(results["feh"])
    print(f"\n{args.runs} runs, {args.size} Xvfb, full screen, 6000×4000 JPEGs of "
          f"{megabytes:.1f} MB from {folder}, another for each start; "
          "spawn → first picture on screen\n")  # fmt: skip
    print("| viewer | median ms | min ms | max ms | × feh | every run, ms |")
    print("|---|---|---|---|---|---|")
    for label, times in results.items():
        median = statistics.median(times)
        every = " ".join(f"{t:.0f}" for t in times)
        print(f"| {label} | {median:.0f} | {min(times):.0f} | {max(times):.0f} | "
              f"{median / feh_ms:.2f} | {every} |")  # fmt: skip
    return 0


def _images(folder: str | None) -> Iterator[str]:
    """The JPEGs to open, one per start, round and round."""
    names = camera_images(40) if folder is None else [
        os.path.join(folder, name) for name in sorted(os.listdir(folder))
        if name.lower().endswith(".jpg")
    ]  # fmt: skip
    return itertools.cycle(names)


def _kept(args: argparse.Namespace, label: str) -> str:
    if not args.keep:
        return ""
    os.makedirs(args.keep, exist_ok=True)
    name = "".join(c if c.isalnum() else "-" for c in label)
    return os.path.join(args.keep, f"{name}.png")


if __name__ == "__main__":
    sys.exit(main())
