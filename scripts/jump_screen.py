#!/usr/bin/env python3
"""Times a key press to the new image's first pixels and sharp frame on an X screen, with peers.

``jump_screen.py [--runs 3] [--size 1280x800] [--scripts jump,burst] [--images DIR]
[--viewers ours,feh,nsxiv,qimgv,geeqie,gthumb] [--code DIR,…] [--keep DIR] [--no-wm]``

The sibling of ``startup_screen.py``. Starts an X server (Xvfb) of ``--size`` and, in turn, each
viewer full screen on the folder's first image (its own settings in a throwaway home), waits
until its screen has been still for 3 s, then presses keys with a watcher (``bench/key_watch.py``,
a child process) that sends them as ``xdotool key`` does and grabs the middle row and column of
the screen every ~2 ms. Before each key the screen is still for 1 s and the folder is dropped
from the page cache (``posix_fadvise(DONTNEED)``).

- ``jump``: the viewer's "last image" key (End; nsxiv ``G``), then its "first image" key (Home;
  nsxiv ``g``). Timed from the press to the *first pixels* (the first grab that shows a
  picture, differs from the screen before and is not the image before) and to *sharp* (the
  first grab of the screen's final state, once the screen changed and then stayed the same for
  1.5 s).
- ``burst``: from the first image, 30 presses of the viewer's "next" key 33 ms apart; timed
  from the last press to sharp, with the images shown meanwhile and the ms with no picture in
  the middle of the screen (one colour, or few: a blank or a veil).

Where each viewer landed is checked (``bench/screen_match.py``): a viewer that drops presses
while it loads stops short of image 31, and then has no time to image 31 (``@N`` in the runs:
it landed on image N). A window manager (openbox) runs on the screen, so each viewer's own
full-screen request is honoured as on a desktop, and before each key the script checks that the
viewer's windows cover the screen (``NOT FULL SCREEN`` in the launch lines where not); where
openbox is missing it says so and does the window manager's part itself
(``bench.xscreen.fill_screen``). The launch commands are ``bench/peers.py``'s. Each round runs
every viewer once; medians are printed with each one's ratio to the fastest peer in the same
run, and the load average at the start and the end. Needs Xvfb, xdotool, openbox, xprop and the
peers (Debian packages, see CONTRIBUTING.md); a peer that is missing or shows nothing is skipped
and says why.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
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
from bench.xscreen import XScreen, fill_screen, uncovered

#: Still this long before a key is pressed, and this long after for the screen to be final.
BEFORE_S, FINAL_S = 1.0, 1.5
#: Still this long after a viewer's first picture before its first key.
START_SETTLE_S = 3.0
BURST_PRESSES, BURST_INTERVAL_MS = 30, 33
#: A viewer that shows no picture this long after its start is skipped.
START_TIMEOUT_S = 60.0
#: Longest wait for a screen to settle after a key press.
PRESS_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Keys:
    """A viewer's keys for the last, the first and the next image (X key names)."""

    last: str
    first: str
    next: str


KEYS = {
    "ours": Keys("End", "Home", "Right"),
    "feh": Keys("End", "Home", "Right"),
    "nsxiv": Keys("shift+g", "g", "n"),  # its arrows pan
    "qimgv": Keys("End", "Home", "Right"),
    "geeqie": Keys("End", "Home", "space"),  # Right does nothing in its full screen
    "gthumb": Keys("End", "Home", "Page_Down"),  # Right and space do nothing in its viewer
}


@dataclass
class Bench:
    """What every session shares: the options, the screen's watcher and the images."""

    args: argparse.Namespace
    screen: XScreen
    watcher: Watcher
    env: dict[str, str]
    files: list[str]
    references: list[Reference]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    add_screen_options(parser, runs=3)
    parser.add_argument("--scripts", default="jump,burst", help="jump, burst or both")
    args = parser.parse_args(argv)
    scripts = args.scripts.split(",")
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        print("needs Xvfb and xdotool: apt-get install xvfb xdotool")
        return 1
    viewers = viewers_named(args.viewers.split(","), args.code.split(","))
    print(f"load average at start: {load()}")
    results: dict[tuple[str, str], list[Measure]] = {}
    with staged(args) as stage:
        bench = Bench(args, stage.screen, stage.watcher, stage.env, stage.files, stage.references)
        for run in range(args.runs):
            for viewer in viewers:
                if viewer.failed:
                    continue
                for name, measure in _session(bench, viewer, scripts, run).items():
                    results.setdefault((name, viewer.label), []).append(measure)
    print(f"\n{args.runs} runs, {args.size} Xvfb, {stage.screen.note}, full screen, "
          f"{len(stage.files)} JPEGs of {stage.megabytes:.1f} MB (median) from {stage.folder}; "
          "each key pressed with the folder dropped from the page cache\n")  # fmt: skip
    _report(results, viewers, stage.screen)
    print(f"\nload average at end: {load()}")
    return 0


def _session(bench: Bench, viewer: Viewer, scripts: list[str], run: int) -> dict[str, Measure]:
    """One start of ``viewer`` on the first image, and each key script in turn on it."""
    measures: dict[str, Measure] = {}
    keys, watcher = KEYS[viewer.kind], bench.watcher
    with tempfile.TemporaryDirectory(prefix="jump-home-") as home:
        command, run_env = launch(viewer, home, bench.files, 0, bench.env)
        viewer.command = command
        watcher.ask("blank", 15)  # the last viewer's window is gone
        child = spawn(command, run_env, home)
        try:
            if not watcher.ask("picture", START_TIMEOUT_S)["ok"]:
                viewer.failed = f"no picture {START_TIMEOUT_S:.0f} s after its start"
                viewer.failed += tail(home)
                return measures
            # A viewer still busy with its start would take the first key's time for it.
            watcher.ask("settle", START_SETTLE_S, PRESS_TIMEOUT_S)
            last = len(bench.files)
            if "jump" in scripts:
                for name, key, asked in (("jump End", keys.last, last),
                                         ("jump Home", keys.first, 1)):  # fmt: skip
                    answer = _press(bench, viewer, name, run, [key])
                    measures[name] = _jump(answer, bench.references, asked)
            if "burst" in scripts:
                answer = _press(bench, viewer, "burst", run, [keys.next] * BURST_PRESSES,
                                BURST_INTERVAL_MS)  # fmt: skip
                asked = 1 + min(BURST_PRESSES, last - 1)
                measures["burst"] = _burst(answer, bench.references, asked)
        finally:
            end(child)
    return measures


def _press(
    bench: Bench, viewer: Viewer, name: str, run: int, keys: list[str], interval_ms: int = 0
) -> dict[str, Any]:
    """Check that the viewer fills the screen (fill it where no window manager runs), settle,
    drop the folder from the page cache, press, and watch until the screen is final."""
    if bench.screen.managed:  # again before each key: a later window may come
        shapes = [shape for _, shape in uncovered(bench.env, bench.args.size)]
    else:
        shapes = fill_screen(bench.env, bench.args.size)
    viewer.moved.extend(shape for shape in shapes if shape not in viewer.moved)
    bench.watcher.ask("settle", BEFORE_S, PRESS_TIMEOUT_S)
    drop_from_cache(bench.files)
    kept = "-"
    if bench.args.keep:
        stem = "".join(c if c.isalnum() else "-" for c in f"{viewer.label}-{name}-{run + 1}")
        kept = os.path.join(bench.args.keep, f"{stem}.png")
    return bench.watcher.ask("press", interval_ms, FINAL_S, PRESS_TIMEOUT_S, kept, *keys)


def _jump(answer: dict[str, Any], references: list[Reference], asked: int) -> Measure:
    """First pixels and sharp, ms after the press, and where the viewer landed. The first
    pixels are the first picture after the press that is not the image before (its sharper
    paint, say); a picture of no known image counts (one half painted)."""
    pressed, before = answer["presses"][0], answer["before"][0]
    frames = answer["frames"]
    was = image_of(answer, before, references)
    if not frames or frames[-1][1] == before:
        return Measure(asked=asked, landed=was, note="the screen did not change")
    first = next((t for t, digest, colours in frames
                  if colours >= PICTURE_COLOURS and digest != before
                  and (was is None or image_of(answer, digest, references) != was)),
                 None)  # fmt: skip
    note = "" if answer["ok"] else f"still changing {PRESS_TIMEOUT_S:.0f} s after"
    if first is None:
        note = "no new picture after the press"
    return Measure(
        first_ms=None if first is None else (first - pressed) * 1000,
        sharp_ms=(frames[-1][0] - pressed) * 1000,
        landed=image_of(answer, frames[-1][1], references), asked=asked, note=note,
    )  # fmt: skip


def _burst(answer: dict[str, Any], references: list[Reference], asked: int) -> Measure:
    """Sharp after the last press, the images shown from the first press on, the ms without a
    picture, and where the viewer landed."""
    presses, frames = answer["presses"], answer["frames"]
    if not frames:
        return Measure(asked=asked, landed=image_of(answer, answer["before"][0], references),
                       note="the screen did not change")  # fmt: skip
    shown: list[int] = []
    for _, digest, colours in frames:
        image = image_of(answer, digest, references) if colours >= PICTURE_COLOURS else None
        if image is not None and image not in shown[-1:]:
            shown.append(image)
    no_picture = sum(
        later[0] - frame[0] for frame, later in zip(frames, frames[1:])
        if frame[2] < PICTURE_COLOURS
    )  # fmt: skip
    note = "" if answer["ok"] else f"still changing {PRESS_TIMEOUT_S:.0f} s after"
    return Measure(
        sharp_ms=(frames[-1][0] - presses[-1]) * 1000, shown=shown,
        landed=image_of(answer, frames[-1][1], references), asked=asked,
        no_picture_ms=no_picture * 1000, note=note,
    )  # fmt: skip


def _report(
    results: dict[tuple[str, str], list[Measure]], viewers: list[Viewer], screen: XScreen
) -> None:
    names = list(dict.fromkeys(name for name, _ in results))
    for name in names:
        rows = {label: results[name, label] for (script, label) in results if script == name}
        print(f"### {name}" + (f": {BURST_PRESSES} presses {BURST_INTERVAL_MS} ms apart from the "
                               "first image, last press → sharp" if name == "burst" else
                               ", key → first pixels / sharp"))  # fmt: skip
        print()
        print(_burst_table(rows, viewers) if name == "burst" else _jump_table(rows, viewers))
        print()
    print("Medians and ratios over the runs that landed on the image asked for; in the runs, "
          "`@N`: landed on image N instead (`@?`: on none known), `–`: not seen.\n")  # fmt: skip
    keys = ", ".join(f"{v.label} {KEYS[v.kind].last}/{KEYS[v.kind].first}/{KEYS[v.kind].next}"
                     for v in viewers)  # fmt: skip
    legend, launch_lines = launched(viewers, screen.managed)
    print(f"Launched (a fresh home each start; last/first/next keys: {keys}; {legend}, "
          "checked before each key):")  # fmt: skip
    print("\n".join(launch_lines))


def _jump_table(rows: dict[str, list[Measure]], viewers: list[Viewer]) -> str:
    first = {
        label: figures([m.first_ms for m in runs if not m.where()]) for label, runs in rows.items()
    }
    sharp = {
        label: figures([m.sharp_ms for m in runs if not m.where()]) for label, runs in rows.items()
    }
    peers = _peers(viewers)
    fastest_first, fastest_sharp = fastest(first, peers), fastest(sharp, peers)
    lines = []
    for label, measures in rows.items():
        every = " ".join(f"{ms(m.first_ms)}/{ms(m.sharp_ms)}{m.where()}" for m in measures)
        lines.append({
            "viewer": label,
            "first": spread(first[label]), "sharp": spread(sharp[label]),
            "ratio": f"{ratio(first[label], fastest_first)} / "
                     f"{ratio(sharp[label], fastest_sharp)}",
            "every": every + notes(measures),
        })  # fmt: skip
    return table(lines, [("viewer", "viewer", 8),
                         ("first", "first pixels ms: median (min–max)", 16),
                         ("sharp", "sharp ms: median (min–max)", 16),
                         ("ratio", "× fastest peer (first / sharp)", 11),
                         ("every", "every run, first/sharp ms", 20)])  # fmt: skip


def _burst_table(rows: dict[str, list[Measure]], viewers: list[Viewer]) -> str:
    sharp = {
        label: figures([m.sharp_ms for m in runs if not m.where()]) for label, runs in rows.items()
    }
    fastest_sharp = fastest(sharp, _peers(viewers))
    lines = []
    for label, measures in rows.items():
        shown = [len(m.shown) for m in measures if m.sharp_ms is not None]
        blank = figures([m.no_picture_ms for m in measures])
        every = " ".join(
            f"{ms(m.sharp_ms)}/{len(m.shown)}/{ms(m.no_picture_ms)}{m.where()}" for m in measures
        )
        lines.append({
            "viewer": label, "sharp": spread(sharp[label]),
            "ratio": ratio(sharp[label], fastest_sharp),
            "landed": " ".join("?" if m.landed is None else str(m.landed) for m in measures),
            "shown": _cell(statistics.median(shown) if shown else None),
            "blank": ms(statistics.median(blank) if blank else None),
            "every": every + notes(measures),
        })  # fmt: skip
    return table(lines, [("viewer", "viewer", 8),
                         ("sharp", "last press → sharp ms: median (min–max)", 16),
                         ("ratio", "× fastest peer", 6),
                         ("landed", f"landed on (asked {rows and _asked(rows)})", 8),
                         ("shown", "images shown (median)", 4),
                         ("blank", "ms without a picture (median)", 4),
                         ("every", "every run, sharp ms/images shown/ms without", 20)])  # fmt: skip


def _asked(rows: dict[str, list[Measure]]) -> int:
    return next(iter(rows.values()))[0].asked


def _cell(value: object) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _peers(viewers: list[Viewer]) -> set[str]:
    return {viewer.label for viewer in viewers if viewer.kind != "ours"}


if __name__ == "__main__":
    sys.exit(main())
