#!/usr/bin/env python3
"""Cold start: time ``viewer PATH`` from process start to the first painted image, by phase.

``startup_time.py [--runs 5] [--platform offscreen] [--share smb] [--code DIR] [--quick]``

Five cases, each in fresh interpreters taking turns: a local file; the same on a first
start after installing (settings of its own each run, so no screen size is remembered); a
JPEG without the camera's MPF preview (the first frame decodes the file itself); a local
folder (opened at its first image); and that folder on a simulated share (``--share``: a
round trip per read and one bandwidth, see ``bench.share``). Beside them, in the same run, a bare
``python -c "import PyQt5.QtWidgets"`` is timed, and every total is given as a ratio to it.

Each child is ``bench/startup_child.py``: it timestamps the phases (imports, QApplication, the
first frame, reads, decodes, the rest of the viewer's imports, the window, paints) and leaves
once the window itself has painted the image. "total: first image" ends at the first paint
of the image on screen (in the first frame, or the window); "total: window ready" at the
window's own. The table gives each phase's median start and end in ms after the process was
spawned; phases overlap when the start-up runs them side by side. ``--code DIR`` runs the
viewer from another checkout (e.g. ``/tmp/before``) for a before/after comparison in one run.
Settings go to a temporary folder, never the user's. The images are 40 camera-sized
(6000×4000) JPEGs made once in
``~/.cache/viewer-bench/``; ``--quick`` (CI) uses tiny ones and one run, and checks only that
every phase was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from bench.images import camera_images, quick_images
from bench.report import table
from bench.share import PRESETS

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench", "startup_child.py")
#: Phases in the order they are printed: (label, start event, end event).
PHASES = [
    ("python up", "spawn", "python"),
    ("imports", "python", "qapp_start"),
    ("QApplication", "qapp_start", "qapp_end"),
    ("first frame shown", "frame_start", "frame_end"),
    ("read parts (head, preview)", "parts_read_start", "parts_read_end"),
    ("read first image", "read_start", "read_end"),
    ("first-frame decode", "frame_decode_start", "frame_decode_end"),
    ("first paint", "paint_start", "paint_end"),
    ("rest imported", "warm_up_start", "warm_up_end"),
    ("decode (viewer)", "decode_start", "decode_end"),
    ("window built", "window_start", "window_end"),
    ("window painted", "window_paint_start", "window_paint_end"),
    ("total: first image", "spawn", "paint_end"),
    ("total: window ready", "spawn", "window_paint_end"),
]
#: Phases that older code (``--code``) or a file the first frame leaves alone does not have.
OPTIONAL = {"first frame shown", "first-frame decode", "rest imported",
            "read parts (head, preview)"}  # fmt: skip
FOLDER_IMAGES = 40
COLUMNS = [("phase", "phase", 26), ("case", "case", 16), ("start", "start ms", 8),
           ("end", "end ms", 8), ("ms", "duration ms", 11), ("cpu", "CPU ms", 6)]  # fmt: skip


def spawn(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``command``; returns when it was spawned (wall clock), the CPU seconds it used
    (user + system: the work, whatever else the machine was doing) and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    child = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                           check=False)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise RuntimeError(f"{command[-1]} failed ({child.returncode}):\n{child.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return started, cpu, child.stdout


def bare_import(env: dict[str, str]) -> float:
    """Seconds a bare ``python -c "import PyQt5.QtWidgets"`` takes, spawn to exit."""
    started = time.time()
    subprocess.run([sys.executable, "-c", "import PyQt5.QtWidgets"], env=env, check=True)
    return time.time() - started


def one_run(path: str, env: dict[str, str], link: str | None) -> dict[str, float]:
    """Milliseconds after spawning at which each event of one cold start happened."""
    extra = [] if link is None else ["--link", link]
    started, cpu, out = spawn([sys.executable, CHILD, *extra, path], env)
    lines = out.strip().splitlines()
    if not lines:
        raise RuntimeError(f"the viewer painted nothing for {path}")
    events: dict[str, float] = json.loads(lines[-1])
    return {"spawn": 0.0, "cpu": cpu * 1000, **{k: (v - started) * 1000 for k, v in events.items()}}


def breakdown(case: str, runs: list[dict[str, float]]) -> list[dict[str, Any]]:
    """One row per phase: median start, end and duration over the runs that saw it."""
    rows = []
    for label, begin, end in PHASES:
        seen = [run for run in runs if begin in run and end in run]
        row: dict[str, Any] = {"phase": label, "case": case, "start": None, "end": None, "ms": None}
        rows.append(row)
        if not seen:
            continue
        row.update({
            "phase": label, "case": case,
            "start": round(statistics.median(run[begin] for run in seen), 1),
            "end": round(statistics.median(run[end] for run in seen), 1),
            "ms": round(statistics.median(run[end] - run[begin] for run in seen), 1),
        })  # fmt: skip
    if runs:
        rows[-1]["cpu"] = round(statistics.median(run["cpu"] for run in runs), 1)
    return rows


def _label(code: str, case: str) -> str:
    return case if code == "." else f"{case} @{os.path.basename(code.rstrip('/')) or code}"


def _env_for(code: str, env: dict[str, str]) -> dict[str, str]:
    if code == ".":
        return env
    return {
        **env,
        "PYTHONPATH": os.pathsep.join([os.path.abspath(code), env.get("PYTHONPATH", "")]),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold starts per case")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--share", choices=sorted(PRESETS), default="smb", help="simulated link")
    parser.add_argument("--code", default=".", help="comma-separated checkouts to run the viewer "
                        "from (PYTHONPATH), taking turns; '.' is this one")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny, one run")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    runs = 1 if args.quick else args.runs
    images = quick_images(3) if args.quick else camera_images(FOLDER_IMAGES)
    plain = images[0] if args.quick else camera_images(2, mpf=False)[0]
    folder = os.path.dirname(images[0])
    preset = PRESETS[args.share]
    link = f"{preset.rtt},{preset.rate}"
    # (path, link, fresh settings): a later start knows the screen's size from the last one;
    # "first start" has settings of its own each run, as on the first start after installing.
    cases = {
        "file": (images[0], None, False),
        "file, first start": (images[0], None, True),
        "file without MPF": (plain, None, False),
        "folder": (folder, None, False),
        "share": (folder, link, False),
    }
    codes = args.code.split(",")
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "XDG_CONFIG_HOME": scratch, "QT_QPA_PLATFORM": args.platform}
        env.setdefault("XDG_RUNTIME_DIR", scratch)
        envs = {code: _env_for(code, env) for code in codes}
        results: dict[str, list[dict[str, float]]] = {
            _label(code, case): [] for code in codes for case in cases
        }
        bare: list[float] = []
        for _ in range(runs):  # everything takes turns, so slow moments of the machine are shared
            bare.append(bare_import(env) * 1000)
            for case, (path, case_link, fresh) in cases.items():
                for code in codes:
                    with tempfile.TemporaryDirectory() as own:
                        run_env = {**envs[code], "XDG_CONFIG_HOME": own} if fresh else envs[code]
                        results[_label(code, case)].append(one_run(path, run_env, case_link))
    rows = [row for label, found in results.items() for row in breakdown(label, found)]
    bare_ms = statistics.median(bare)
    size = os.path.getsize(images[0])
    transfer_ms = (preset.rtt + size / preset.rate) * 1000
    print(
        f"\n{runs} runs per case, {args.platform}; code from {args.code or 'this checkout'}; "
        f"share {preset.name}: {preset.rtt * 1000:g} ms, {preset.rate * 8 / 1e6:g} Mbit/s\n"
    )
    print(table(rows, COLUMNS))
    totals = {row["case"]: row["ms"] for row in rows if row["phase"] == "total: first image"}
    print(f'\nbare `python -c "import PyQt5.QtWidgets"`: {bare_ms:.0f} ms (median)')
    for case, total in totals.items():
        ratio = "–" if total is None else f"{total / bare_ms:.2f}×"
        print(f"{case}: {total} ms total = {ratio} the bare PyQt5 import")
    print(
        f"first file {size / 1e6:.1f} MB: transfer on {preset.name} {transfer_ms:.0f} ms; "
        f"share target ≤ folder + transfer + 50 = "
        f"{(totals['folder'] or 0) + transfer_ms + 50:.0f} ms"
    )
    if args.quick:
        missing = [
            f"{row['case']}: {row['phase']}"
            for row in rows
            if row["ms"] is None and row["phase"] not in OPTIONAL
        ]
        assert not missing, f"phases not measured: {missing}"
        print("quick: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
