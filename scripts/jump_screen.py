#!/usr/bin/env python3
"""Times a key press to the new image's first pixels and sharp frame on an X screen, with peers.

``jump_screen.py [--runs 3] [--size 1280x800] [--scripts jump,burst] [--images DIR]
[--viewers ours,feh,nsxiv,qimgv,geeqie,gthumb] [--code DIR,…] [--keep DIR]``

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
it landed on image N). Xvfb has no window manager, so where a viewer's full-screen request goes
unanswered the script does the window manager's part (``bench.xscreen.fill_screen``). Each round
runs every viewer once; medians are printed with each one's ratio to the fastest peer in the
same run, and the load average at the start and the end. Needs Xvfb, xdotool and the peers
(Debian packages); a peer that is missing or shows nothing is skipped and says why.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.images import camera_images
from bench.report import table
from bench.screen_match import Reference, reference, strips_of, which
from bench.screen_watch import PICTURE_COLOURS
from bench.xscreen import fill_screen, start_x, viewer_env

SCRIPTS_DIR = os.path.dirname(os.path.abspath(__file__))
DISPLAY = ":75"
PEERS = ("feh", "nsxiv", "qimgv", "geeqie", "gthumb")
#: Still this long before a key is pressed, and this long after for the screen to be final.
BEFORE_S, FINAL_S = 1.0, 1.5
#: Still this long after a viewer's first picture before its first key.
START_SETTLE_S = 3.0
BURST_PRESSES, BURST_INTERVAL_MS = 30, 33
#: A viewer that shows no picture this long after its start is skipped.
START_TIMEOUT_S = 60.0
#: Longest wait for a screen to settle after a key press.
PRESS_TIMEOUT_S = 30.0
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
class Viewer:
    """One viewer in the race: ``kind`` is ``ours`` or a peer's command."""

    label: str
    kind: str
    code: str = "."
    failed: str = ""
    moved: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)


@dataclass
class Measure:
    """One key script's figures for one viewer in one run (None: not seen)."""

    first_ms: float | None = None
    sharp_ms: float | None = None
    #: The image (its place in the folder, from 1) on screen at the end, and the one asked for.
    landed: int | None = None
    asked: int = 0
    #: The images shown from the first press on, in order (a burst's).
    shown: list[int] = field(default_factory=list)
    no_picture_ms: float | None = None
    note: str = ""

    def where(self) -> str:
        """``@N`` where the viewer landed elsewhere than asked (``@?``: on no image known)."""
        if self.landed == self.asked:
            return ""
        return "@?" if self.landed is None else f"@{self.landed}"


@dataclass
class Bench:
    """What every session shares: the options, the screen's watcher and the images."""

    args: argparse.Namespace
    watcher: Watcher
    env: dict[str, str]
    files: list[str]
    references: list[Reference]


class Watcher:
    """The ``bench.key_watch`` child process and its one-line answers."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "bench.key_watch"], env=env,
                                        cwd=SCRIPTS_DIR, text=True, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)  # fmt: skip
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the watcher did not start")

    def ask(self, *words: object) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(" ".join(str(word) for word in words) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--scripts", default="jump,burst", help="jump, burst or both")
    parser.add_argument("--images", help="a folder of JPEGs, e.g. on a share (default: the 40 "
                        "camera-sized benchmark images)")  # fmt: skip
    parser.add_argument("--viewers", default="ours," + ",".join(PEERS))
    parser.add_argument("--code", default=".", help="checkouts of this viewer, comma-separated")
    parser.add_argument("--keep", default="", help="a folder for the sharp screens (PNGs)")
    args = parser.parse_args(argv)
    scripts = args.scripts.split(",")
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        print("needs Xvfb and xdotool: apt-get install xvfb xdotool")
        return 1
    viewers = _viewers(args.viewers.split(","), args.code.split(","))
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    print(f"load average at start: {_load()}")
    linked = None if args.images else _linked(camera_images(40))
    folder = args.images or linked
    assert folder is not None
    files = _jpegs(folder)
    megabytes = statistics.median(os.path.getsize(path) for path in files) / 1e6
    references = [reference(path) for path in files]
    results: dict[tuple[str, str], list[Measure]] = {}
    server = start_x(DISPLAY, args.size)
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb"}
    env.pop("XDG_RUNTIME_DIR", None)
    try:
        bench = Bench(args, Watcher(env), env, files, references)
        try:
            for run in range(args.runs):
                for viewer in viewers:
                    if viewer.failed:
                        continue
                    for name, measure in _session(bench, viewer, scripts, run).items():
                        results.setdefault((name, viewer.label), []).append(measure)
        finally:
            bench.watcher.close()
    finally:
        server.terminate()
        server.wait()
        if linked:
            shutil.rmtree(linked)
    print(f"\n{args.runs} runs, {args.size} Xvfb (no window manager), full screen, "
          f"{len(files)} JPEGs of {megabytes:.1f} MB (median) from {args.images or folder}; "
          "each key pressed with the folder dropped from the page cache\n")  # fmt: skip
    _report(results, viewers)
    print(f"\nload average at end: {_load()}")
    return 0


def _viewers(names: Sequence[str], codes: Sequence[str]) -> list[Viewer]:
    viewers = []
    for name in names:
        if name == "ours":
            for code in codes:
                label = "ours" if code == "." else f"ours @{os.path.basename(code.rstrip('/'))}"
                viewers.append(Viewer(label, "ours", code))
        elif name in PEERS:
            viewer = Viewer(name, name)
            if shutil.which(name) is None:
                viewer.failed = f"not installed (apt-get install {name})"
            elif name == "gthumb" and shutil.which("dbus-run-session") is None:
                viewer.failed = "needs dbus-run-session (apt-get install dbus-daemon)"
            viewers.append(viewer)
        else:
            raise SystemExit(f"unknown viewer {name!r}: ours or one of {', '.join(PEERS)}")
    return viewers


def _session(bench: Bench, viewer: Viewer, scripts: list[str], run: int) -> dict[str, Measure]:
    """One start of ``viewer`` on the first image, and each key script in turn on it."""
    measures: dict[str, Measure] = {}
    keys, watcher = KEYS[viewer.kind], bench.watcher
    with tempfile.TemporaryDirectory(prefix="jump-home-") as home:
        command, run_env = _launch(viewer, home, bench.files, bench.env)
        viewer.command = command
        watcher.ask("blank", 15)  # the last viewer's window is gone
        with open(os.path.join(home, "log"), "wb") as log:
            child = subprocess.Popen(command, env=run_env, cwd=home, stdout=log, stderr=log,
                                     start_new_session=True)  # fmt: skip
        try:
            if not watcher.ask("picture", START_TIMEOUT_S)["ok"]:
                viewer.failed = f"no picture {START_TIMEOUT_S:.0f} s after its start"
                viewer.failed += _tail(os.path.join(home, "log"))
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
            _end(child)
    return measures


def _press(
    bench: Bench, viewer: Viewer, name: str, run: int, keys: list[str], interval_ms: int = 0
) -> dict[str, Any]:
    """Fill the screen, settle, drop the folder from the page cache, press, and watch until the
    screen is final."""
    for moved in fill_screen(bench.env, bench.args.size):  # again: a later window may come
        if moved not in viewer.moved:
            viewer.moved.append(moved)
    bench.watcher.ask("settle", BEFORE_S, PRESS_TIMEOUT_S)
    _drop_from_cache(bench.files)
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
    was = _image(answer, before, references)
    if not frames or frames[-1][1] == before:
        return Measure(asked=asked, landed=was, note="the screen did not change")
    first = next((t for t, digest, colours in frames
                  if colours >= PICTURE_COLOURS and digest != before
                  and (was is None or _image(answer, digest, references) != was)),
                 None)  # fmt: skip
    note = "" if answer["ok"] else f"still changing {PRESS_TIMEOUT_S:.0f} s after"
    if first is None:
        note = "no new picture after the press"
    return Measure(
        first_ms=None if first is None else (first - pressed) * 1000,
        sharp_ms=(frames[-1][0] - pressed) * 1000,
        landed=_image(answer, frames[-1][1], references), asked=asked, note=note,
    )  # fmt: skip


def _burst(answer: dict[str, Any], references: list[Reference], asked: int) -> Measure:
    """Sharp after the last press, the images shown from the first press on, the ms without a
    picture, and where the viewer landed."""
    presses, frames = answer["presses"], answer["frames"]
    if not frames:
        return Measure(asked=asked, landed=_image(answer, answer["before"][0], references),
                       note="the screen did not change")  # fmt: skip
    shown: list[int] = []
    for _, digest, colours in frames:
        image = _image(answer, digest, references) if colours >= PICTURE_COLOURS else None
        if image is not None and image not in shown[-1:]:
            shown.append(image)
    no_picture = sum(
        later[0] - frame[0] for frame, later in zip(frames, frames[1:])
        if frame[2] < PICTURE_COLOURS
    )  # fmt: skip
    note = "" if answer["ok"] else f"still changing {PRESS_TIMEOUT_S:.0f} s after"
    return Measure(
        sharp_ms=(frames[-1][0] - presses[-1]) * 1000, shown=shown,
        landed=_image(answer, frames[-1][1], references), asked=asked,
        no_picture_ms=no_picture * 1000, note=note,
    )  # fmt: skip


def _image(answer: dict[str, Any], digest: str, references: list[Reference]) -> int | None:
    """The image (from 1) the screen ``digest`` of the watcher's answer shows."""
    row, column = answer["strips"][digest]
    index = which(strips_of(row, column), references)
    return None if index is None else index + 1


def _launch(
    viewer: Viewer, home: str, files: list[str], env: dict[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The command that opens ``files[0]`` full screen in ``viewer`` (the folder's other images
    a key away), and its environment: a throwaway home, so that no state persists."""
    dirs = {"XDG_CONFIG_HOME": ".config", "XDG_CACHE_HOME": ".cache",
            "XDG_DATA_HOME": ".local/share", "XDG_RUNTIME_DIR": "run"}  # fmt: skip
    run_env = {**env, "HOME": home, **{k: os.path.join(home, v) for k, v in dirs.items()}}
    for name in dirs.values():
        os.makedirs(os.path.join(home, name), mode=0o700, exist_ok=True)
    first, folder = files[0], os.path.dirname(files[0])
    if viewer.kind == "ours":
        ours = viewer_env(run_env, viewer.code, run_env["XDG_CONFIG_HOME"])
        return [sys.executable, "-m", "viewer", first], ours
    if viewer.kind == "feh":
        return ["feh", "--fullscreen", "--auto-zoom", "--sort", "filename", "--version-sort",
                "--start-at", first, folder], run_env  # fmt: skip
    if viewer.kind == "nsxiv":  # -s d: fit, down only; -b: no status bar
        return ["nsxiv", "-f", "-b", "-s", "d", *files], run_env
    if viewer.kind == "qimgv":
        _write(os.path.join(run_env["XDG_CONFIG_HOME"], "qimgv", "qimgv.conf"), QIMGV_SETTINGS)
        # Its collator orders numbers naturally in any locale but C.
        return ["qimgv", first], {**run_env, "LANG": "en_US.UTF-8"}
    if viewer.kind == "geeqie":
        path = os.path.join(run_env["XDG_CONFIG_HOME"], "geeqie", "geeqierc.xml")
        _write(path, GEEQIE_SETTINGS)
        return ["geeqie", "-f", first], run_env
    assert viewer.kind == "gthumb"  # a GtkApplication: it wants a session bus
    return ["dbus-run-session", "--", "gthumb", "-f", first], {**run_env, "NO_AT_BRIDGE": "1"}


def _end(child: subprocess.Popen[bytes]) -> None:
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


def _drop_from_cache(paths: list[str]) -> None:
    """Drop the files (the target, its neighbours, the whole folder) from the page cache."""
    for path in paths:
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)


def _report(results: dict[tuple[str, str], list[Measure]], viewers: list[Viewer]) -> None:
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
    print(f"Launched (a fresh home each start; last/first/next keys: {keys}; `fill`: the "
          "windows the script sized to the screen):")  # fmt: skip
    for viewer in viewers:
        line = f"- {viewer.label}: `{' '.join(_short(viewer.command))}`" if viewer.command else (
            f"- {viewer.label}"
        )  # fmt: skip
        if viewer.moved:
            line += f"; fill: {', '.join(viewer.moved)}"
        if viewer.failed:
            line += f"; SKIPPED: {viewer.failed}"
        print(line)


def _jump_table(rows: dict[str, list[Measure]], viewers: list[Viewer]) -> str:
    first = {
        label: _figures([m.first_ms for m in ms if not m.where()]) for label, ms in rows.items()
    }
    sharp = {
        label: _figures([m.sharp_ms for m in ms if not m.where()]) for label, ms in rows.items()
    }
    fastest_first, fastest_sharp = _fastest(first, viewers), _fastest(sharp, viewers)
    lines = []
    for label, measures in rows.items():
        every = " ".join(f"{_ms(m.first_ms)}/{_ms(m.sharp_ms)}{m.where()}" for m in measures)
        lines.append({
            "viewer": label,
            "first": _spread(first[label]), "sharp": _spread(sharp[label]),
            "ratio": f"{_ratio(first[label], fastest_first)} / "
                     f"{_ratio(sharp[label], fastest_sharp)}",
            "every": every + _notes(measures),
        })  # fmt: skip
    return table(lines, [("viewer", "viewer", 8),
                         ("first", "first pixels ms: median (min–max)", 16),
                         ("sharp", "sharp ms: median (min–max)", 16),
                         ("ratio", "× fastest peer (first / sharp)", 11),
                         ("every", "every run, first/sharp ms", 20)])  # fmt: skip


def _burst_table(rows: dict[str, list[Measure]], viewers: list[Viewer]) -> str:
    sharp = {
        label: _figures([m.sharp_ms for m in ms if not m.where()]) for label, ms in rows.items()
    }
    fastest = _fastest(sharp, viewers)
    lines = []
    for label, measures in rows.items():
        shown = [len(m.shown) for m in measures if m.sharp_ms is not None]
        blank = _figures([m.no_picture_ms for m in measures])
        every = " ".join(
            f"{_ms(m.sharp_ms)}/{len(m.shown)}/{_ms(m.no_picture_ms)}{m.where()}" for m in measures
        )
        lines.append({
            "viewer": label, "sharp": _spread(sharp[label]),
            "ratio": _ratio(sharp[label], fastest),
            "landed": " ".join("?" if m.landed is None else str(m.landed) for m in measures),
            "shown": _cell(statistics.median(shown) if shown else None),
            "blank": _ms(statistics.median(blank) if blank else None),
            "every": every + _notes(measures),
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


def _notes(measures: list[Measure]) -> str:
    notes = sorted({m.note for m in measures if m.note})
    return f" ({'; '.join(notes)})" if notes else ""


def _figures(values: list[float | None]) -> list[float]:
    return [value for value in values if value is not None]


def _fastest(figures: dict[str, list[float]], viewers: list[Viewer]) -> float | None:
    """The lowest median among the peers (among all viewers if no peer ran)."""
    peers = {viewer.label for viewer in viewers if viewer.kind != "ours"}
    medians = [statistics.median(v) for label, v in figures.items() if v and label in peers]
    if not medians:
        medians = [statistics.median(v) for v in figures.values() if v]
    return min(medians) if medians else None


def _spread(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def _ratio(values: list[float], fastest: float | None) -> str:
    if not values or not fastest:
        return "–"
    return f"{statistics.median(values) / fastest:.2f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _cell(value: object) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _short(command: list[str]) -> list[str]:
    """The command with the image paths cut to their names, and nsxiv's list to its ends."""
    short = [os.path.basename(word) if os.path.isabs(word) else word for word in command]
    if len(short) > 12:
        short = [*short[:7], "…", short[-1]]
    return short


def _linked(images: list[str]) -> str:
    """A folder of exactly ``images`` (hard links beside them, so the same files in the page
    cache; symbolic links where the file system has none): the cache may hold more."""
    folder = tempfile.mkdtemp(prefix="jump-", dir=os.path.dirname(os.path.dirname(images[0])))
    for image in images:
        target = os.path.join(folder, os.path.basename(image))
        try:
            os.link(image, target)
        except OSError:
            os.symlink(image, target)
    return folder


def _jpegs(folder: str) -> list[str]:
    """The folder's JPEGs in natural order (``2.jpg`` before ``10.jpg``), as the viewers list
    them."""
    names = [name for name in os.listdir(folder) if name.lower().endswith((".jpg", ".jpeg"))]
    names.sort(key=lambda name: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)])
    return [os.path.join(folder, name) for name in names]


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write(text)


def _tail(path: str) -> str:
    with open(path, "rb") as log:
        lines = log.read().decode(errors="replace").strip().splitlines()
    return f" (its log ends: {lines[-1][:200]})" if lines else ""


def _load() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
