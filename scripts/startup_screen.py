#!/usr/bin/env python3
"""Cold start seen from outside: spawn to the first picture and to sharp on an X screen, with peers.

``startup_screen.py [--runs 5] [--size 1280x800] [--images DIR] [--keep DIR]
[--viewers ours,feh,nsxiv,qimgv,geeqie,gthumb] [--code DIR,…] [--no-wm]``

The sibling of ``jump_screen.py``. Starts an X server (Xvfb) of ``--size`` with a window
manager (openbox, so that each viewer's own full-screen request is honoured as on a desktop;
where it is missing the script says so and sizes the windows itself), and a watcher
(``bench/key_watch.py``, a child process) that grabs the middle row and column of the screen
every ~2 ms. Each viewer is then spawned in turn, full screen, on an image of the folder (the
others a key away; the commands and throwaway homes are ``bench/peers.py``'s, as in
``jump_screen.py``). Every start opens another image, with the folder dropped from the page cache
just before (``posix_fadvise(DONTNEED)``), so none is cached. Timed from the spawn to the *first
picture* (the first grab whose middle shows many colours: every viewer's empty window has one)
and to *sharp* (the first grab of the screen's final state, once it then stayed the same for
1.5 s), and where the viewer landed is checked (``bench/screen_match.py``). The times include
everything: the interpreter, the toolkit, X, the window manager, the first paint.

This viewer runs twice a round for each ``--code`` checkout (``/tmp/before``, say): a first start
(its settings only say it was left full screen) and a later one (``ours``: one start before, on
a small image elsewhere, so the screen's size is remembered, as for a user). Each round runs
every viewer once; medians are printed with each one's ratio to feh and to the fastest peer in
the same run, and the load average at the start and the end. Needs Xvfb, xdotool, openbox, xprop
and the peers (Debian packages, see CONTRIBUTING.md); a peer that is missing or shows nothing is
skipped and says why. The benchmark images are made once in ``~/.cache/viewer-bench/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

from bench.peers import (
    Viewer,
    drop_from_cache,
    end,
    launch,
    spawn,
    tail,
    viewers_named,
)
from bench.report import table
from bench.screen_match import Reference
from bench.screen_runs import (
    Measure,
    Watcher,
    add_screen_options,
    fastest,
    figures,
    image_of,
    launched,
    load,
    ms,
    notes,
    ratio,
    spread,
    staged,
)
from bench.screen_watch import PICTURE_COLOURS
from bench.xscreen import XScreen, filling, uncovered

#: Still this long after the last change for the screen to be final (sharp).
FINAL_S = 1.5
#: A viewer that has not settled this long after its spawn is timed out.
START_TIMEOUT_S = 60.0
FIRST_START = ", first start"


@dataclass
class Bench:
    """What every start shares: the options, the screen, its watcher and the images."""

    args: argparse.Namespace
    screen: XScreen
    watcher: Watcher
    env: dict[str, str]
    files: list[str]
    references: list[Reference]
    #: A small image in a folder of its own, for the start before ours' later start.
    warm_up: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    add_screen_options(parser, runs=5)
    args = parser.parse_args(argv)
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        print("needs Xvfb and xdotool: apt-get install xvfb xdotool")
        return 1
    viewers = _with_first_starts(viewers_named(args.viewers.split(","), args.code.split(",")))
    print(f"load average at start: {load()}")
    results: dict[str, list[Measure]] = {}
    warm_up = tempfile.mkdtemp(prefix="startup-warm-")
    starts = 0
    try:
        with staged(args) as stage:
            bench = Bench(args, stage.screen, stage.watcher, stage.env, stage.files,
                          stage.references, [_small(warm_up)])  # fmt: skip
            for run in range(args.runs):
                for viewer in viewers:
                    if viewer.failed:
                        continue
                    measure = _start(bench, viewer, starts % len(stage.files), run)
                    results.setdefault(viewer.label, []).append(measure)
                    starts += 1
    finally:
        shutil.rmtree(warm_up)
    files = stage.files
    reused = "" if starts <= len(files) else f" ({starts} starts: the images went round again)"
    print(f"\n{args.runs} runs, {args.size} Xvfb, {stage.screen.note}, full screen, {len(files)} "
          f"JPEGs of {stage.megabytes:.1f} MB (median) from {stage.folder}, another for each "
          f"start{reused}, the folder dropped from the page cache before it; spawn → first "
          "picture / sharp\n")  # fmt: skip
    _report(results, viewers, stage.screen)
    print(f"\nload average at end: {load()}")
    return 0


def _with_first_starts(viewers: list[Viewer]) -> list[Viewer]:
    """Each of ours twice, a first start beside the later one."""
    both = []
    for viewer in viewers:
        if viewer.kind == "ours":
            both.append(Viewer(viewer.label + FIRST_START, "ours", viewer.code))
        both.append(viewer)
    return both


def _start(bench: Bench, viewer: Viewer, index: int, run: int) -> Measure:
    """One cold start of ``viewer`` on ``bench.files[index]``, timed to the first picture and
    to sharp."""
    watcher, asked = bench.watcher, index + 1
    with tempfile.TemporaryDirectory(prefix="startup-home-") as home:
        note = ""
        if viewer.kind == "ours" and not viewer.label.endswith(FIRST_START):
            note = _warm_up(bench, viewer, home)
        command, run_env = launch(viewer, home, bench.files, index, bench.env)
        viewer.command = command
        watcher.ask("blank", 15)  # the last viewer's window is gone
        drop_from_cache(bench.files)
        kept = "-"
        if bench.args.keep:
            stem = "".join(c if c.isalnum() else "-" for c in f"{viewer.label}-{run + 1}")
            kept = os.path.join(bench.args.keep, f"start-{stem}.png")
        # The watcher grabs the blank screen, then every change until the screen is final.
        watcher.send("press", 0, FINAL_S, START_TIMEOUT_S, kept)
        started = time.time()
        child = spawn(command, run_env, home)
        try:
            with filling(bench.screen, bench.env, bench.args.size, viewer.moved):
                answer = watcher.answer()
            if bench.screen.managed:
                shapes = [shape for _, shape in uncovered(bench.env, bench.args.size)]
                viewer.moved.extend(shape for shape in shapes if shape not in viewer.moved)
        finally:
            end(child)
        measure = _timed(answer, started, bench.references, asked)
        measure.note = "; ".join(part for part in (measure.note, note) if part)
        if measure.first_ms is None:
            viewer.failed = f"no picture {START_TIMEOUT_S:.0f} s after its start" + tail(home)
        return measure


def _warm_up(bench: Bench, viewer: Viewer, home: str) -> str:
    """The start before a later start, on a small image elsewhere, in the same home; a note
    if the viewer did not remember the screen's size."""
    command, run_env = launch(viewer, home, bench.warm_up, 0, bench.env)
    bench.watcher.ask("blank", 15)
    child = spawn(command, run_env, home)
    try:
        bench.watcher.ask("picture", START_TIMEOUT_S)
        bench.watcher.ask("settle", 1.0, START_TIMEOUT_S)
    finally:
        end(child)
    with open(os.path.join(run_env["XDG_CONFIG_HOME"], "viewer", "Viewer.conf")) as settings:
        return "" if "screen_box" in settings.read() else "the start before left no screen size"


def _timed(
    answer: dict[str, Any], started: float, references: list[Reference], asked: int
) -> Measure:
    """First picture and sharp, ms after the spawn, and where the viewer landed."""
    frames = answer["frames"]
    first = next((t for t, _, colours in frames if colours >= PICTURE_COLOURS), None)
    if first is None:
        return Measure(asked=asked, note="no picture")
    final = frames[-1]
    return Measure(
        first_ms=(first - started) * 1000,
        sharp_ms=(final[0] - started) * 1000 if final[2] >= PICTURE_COLOURS else None,
        landed=image_of(answer, final[1], references), asked=asked,
        note="" if answer["ok"] else f"still changing {START_TIMEOUT_S:.0f} s after",
    )  # fmt: skip


def _report(results: dict[str, list[Measure]], viewers: list[Viewer], screen: XScreen) -> None:
    first = {label: figures(m.first_ms for m in runs if not m.where())
             for label, runs in results.items()}  # fmt: skip
    sharp = {label: figures(m.sharp_ms for m in runs if not m.where())
             for label, runs in results.items()}  # fmt: skip
    peers = {viewer.label for viewer in viewers if viewer.kind != "ours"}
    fastest_first, fastest_sharp = fastest(first, peers), fastest(sharp, peers)
    feh_first, feh_sharp = (_median(values.get("feh", [])) for values in (first, sharp))
    lines = []
    for label, measures in results.items():
        every = " ".join(f"{ms(m.first_ms)}/{ms(m.sharp_ms)}{m.where()}" for m in measures)
        lines.append({
            "viewer": label,
            "first": spread(first[label]), "sharp": spread(sharp[label]),
            "feh": f"{ratio(first[label], feh_first)} / {ratio(sharp[label], feh_sharp)}",
            "fastest": f"{ratio(first[label], fastest_first)} / "
                       f"{ratio(sharp[label], fastest_sharp)}",
            "every": every + notes(measures),
        })  # fmt: skip
    print(table(lines, [("viewer", "viewer", 8),
                        ("first", "first picture ms: median (min–max)", 16),
                        ("sharp", "sharp ms: median (min–max)", 16),
                        ("feh", "× feh (first / sharp)", 11),
                        ("fastest", "× fastest peer (first / sharp)", 11),
                        ("every", "every run, first/sharp ms", 20)]))  # fmt: skip
    print(f"\nFastest peer: first picture {ms(fastest_first)} ms, sharp {ms(fastest_sharp)} ms. "
          "Medians and ratios over the runs that landed on the image asked for; in the runs, "
          "`@N`: landed on image N instead (`@?`: on none known), `–`: not seen.\n")  # fmt: skip
    legend, launch_lines = launched(viewers, screen.managed)
    print(f"Launched (a fresh home each start, on the image of the start; {legend}, seen "
          "during each start):")  # fmt: skip
    print("\n".join(launch_lines))


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _small(folder: str) -> str:
    """A small JPEG of many colours in ``folder``, for the start before a later start."""
    import numpy as np
    from PIL import Image

    path = os.path.join(folder, "warm-up.jpg")
    pixels = np.random.default_rng(1).integers(0, 256, (480, 640, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path, quality=90)
    return path


if __name__ == "__main__":
    sys.exit(main())
