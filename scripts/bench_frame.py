#!/usr/bin/env python3
"""One frame per step: the next image after a dwell, GUI stalls, and a jump to a sharp image,
for one or more checkouts taking turns in the same run.

``bench_frame.py [--code /work/main,.] [--rounds 3] [--view 1920x1080] [--quick]``

Each round starts a fresh process per checkout (``bench/frame_child.py``, the viewer code
and the harness taken from that checkout through PYTHONPATH), which browses 24 MP
JPEGs locally with the real window offscreen, image area ``--view`` (``seq``: 16 presses
0.8 s apart), then opens 5 files cold (dropped from the page cache first; request → sharp
image painted), then holds → on the simulated SMB share (30 presses 33 ms apart: images shown,
time with no image undimmed on screen, and the last press to its sharp image). Checkouts
alternate, so a busy moment of a shared machine falls on both.
Prints the median over rounds of each figure; ``--quick`` (CI) uses tiny images and checks
only that every figure was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from typing import Any

from bench.images import camera_images, quick_images
from bench.report import table

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench", "frame_child.py")
FIGURES = [
    ("p95_ms", "next image after a dwell, p95 ms", "≤ 16"),
    ("max_ms", "next image after a dwell, max ms", "–"),
    ("stall_max_ms", "GUI stall while browsing, longest ms", "≤ 16"),
    ("stall_own_max_ms", "… less OS run-queue wait ms", "–"),
    ("jump_ms", "jump to a cold image, sharp, median ms", "≤ 120"),
    ("hold_shown", "held key (share): images shown", "≥ 19"),
    ("hold_dark_ms", "held key (share): no image on screen ms", "≤ 100"),
    ("hold_final_ms", "held key (share): last press → sharp ms", "≤ 600"),
]
COLUMNS = [("figure", "figure", 40), ("code", "code", 14), ("value", "median", 7),
           ("runs", "rounds", 24), ("target", "target", 6)]  # fmt: skip


def child_env(code: str) -> dict[str, str]:
    """The viewer from ``code``, and the harness from its own ``scripts/`` if it has one (a
    harness must match the code it drives), else from this checkout."""
    scripts = os.path.dirname(os.path.abspath(__file__))
    path = [scripts]
    if code != ".":
        own = os.path.join(os.path.abspath(code), "scripts")
        harness = own if os.path.isdir(os.path.join(own, "bench")) else scripts
        path = [os.path.abspath(code), harness]
    return {**os.environ, "PYTHONPATH": os.pathsep.join([*path, os.environ.get("PYTHONPATH", "")])}


def child_script(code: str) -> str:
    """The round's child from ``code``'s own harness where it has one, like its imports."""
    own = os.path.join(os.path.abspath(code), "scripts", "bench", os.path.basename(CHILD))
    return own if code != "." and os.path.isfile(own) else CHILD


def one_round(code: str, folder: str, quick: bool, view: str = "1920x1080") -> dict[str, Any]:
    quick_args = ["4", "0.05", "2", "400", "240", "4"]
    args = quick_args if quick else ["16", "0.8", "5", *view.split("x"), "30"]
    child = subprocess.run([sys.executable, child_script(code), folder, *args], env=child_env(code),
                           capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    if child.returncode != 0:
        raise RuntimeError(f"{code}: the round failed:\n{child.stderr}")
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--code", default=".", help="comma-separated checkouts; '.' is this one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    parser.add_argument("--view", default="1920x1080", help="the image area, e.g. 1280x800 "
                        "(the issue's full screen)")  # fmt: skip
    args = parser.parse_args(argv)
    codes = args.code.split(",")
    paths = quick_images(8) if args.quick else camera_images(31)
    folder = os.path.dirname(paths[0])
    if not args.quick:  # a folder of exactly these, so a bigger cache folder changes nothing
        folder = _linked(paths)
    rounds = 1 if args.quick else args.rounds
    results: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
    for number in range(rounds):
        for code in codes if number % 2 == 0 else reversed(codes):
            print(f"round {number + 1}: {code} …", file=sys.stderr)
            results[code].append(one_round(code, folder, args.quick, args.view))
    rows = []
    for key, figure, target in FIGURES:
        for code in codes:
            values = [r[key] for r in results[code] if r[key] is not None]
            median = round(statistics.median(values), 1) if values else None
            rows.append({"figure": figure, "code": code, "value": median,
                         "runs": ", ".join(str(v) for v in values), "target": target})  # fmt: skip
    print(f"\n{rounds} rounds, image area {args.view}, local 24 MP JPEGs\n")
    print(table(rows, COLUMNS))
    if args.quick:
        missing = [f"{row['code']}: {row['figure']}" for row in rows if row["value"] is None]
        assert not missing, f"figures not measured: {missing}"
        print("quick: ok")
    return 0


def _linked(paths: list[str]) -> str:
    import tempfile

    folder = tempfile.mkdtemp(prefix="bench-frame-")
    for path in paths:
        os.symlink(os.path.abspath(path), os.path.join(folder, os.path.basename(path)))
    return folder


if __name__ == "__main__":
    sys.exit(main())
