"""The from-outside benchmarks' eye and arithmetic: the watcher, one measure, medians and ratios.

Shared by ``startup_screen.py`` and ``jump_screen.py``: ``Watcher`` drives the
``bench.key_watch`` child that grabs the screen; a ``Measure`` is one timing of one viewer (first
pixels, sharp, and where it landed); the rest turns the runs into a table's cells.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from bench.images import camera_images
from bench.peers import PEERS, Viewer, jpegs, linked
from bench.screen_match import Reference, reference, strips_of, which
from bench.xscreen import XScreen, start_x

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def add_screen_options(parser: argparse.ArgumentParser, runs: int) -> None:
    """The options both scripts take: rounds, the screen, the images, the viewers, the PNGs."""
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--images", help="a folder of JPEGs, e.g. on a share (default: the 40 "
                        "camera-sized benchmark images)")  # fmt: skip
    parser.add_argument("--viewers", default="ours," + ",".join(PEERS))
    parser.add_argument("--code", default=".", help="checkouts of this viewer, comma-separated")
    parser.add_argument("--keep", default="", help="a folder for the sharp screens (PNGs)")
    parser.add_argument("--no-wm", action="store_true",
                        help="no window manager: the script sizes the windows itself")  # fmt: skip


@dataclass
class Stage:
    """What a run plays on: the images (and what each looks like), the X screen, the
    environment to start viewers in, and the watcher."""

    folder: str
    files: list[str]
    references: list[Reference]
    megabytes: float
    screen: XScreen
    env: dict[str, str]
    watcher: Watcher


@contextmanager
def staged(args: argparse.Namespace) -> Iterator[Stage]:
    """The stage for ``args`` (from ``add_screen_options``), taken down on the way out."""
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
    made = None if args.images else linked(camera_images(40))
    folder = args.images or made
    assert folder is not None
    files = jpegs(folder)
    megabytes = statistics.median(os.path.getsize(path) for path in files) / 1e6
    references = [reference(path) for path in files]
    screen = start_x(args.size, manager=not args.no_wm)
    print(screen.note)
    env = {**os.environ, "DISPLAY": screen.display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("XDG_RUNTIME_DIR", None)
    try:
        watcher = Watcher(env)
        try:
            yield Stage(args.images or folder, files, references, megabytes, screen, env, watcher)
        finally:
            watcher.close()
    finally:
        screen.stop()
        if made:
            shutil.rmtree(made)


class Watcher:
    """The ``bench.key_watch`` child process and its one-line answers."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "bench.key_watch"], env=env,
                                        cwd=SCRIPTS_DIR, text=True, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)  # fmt: skip
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the watcher did not start")

    def send(self, *words: object) -> None:
        """Send a command without waiting: its answer is read with ``answer``."""
        assert self.process.stdin is not None
        self.process.stdin.write(" ".join(str(word) for word in words) + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def ask(self, *words: object) -> dict[str, Any]:
        self.send(*words)
        return self.answer()

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@dataclass
class Measure:
    """One viewer's figures for one timing (None: not seen)."""

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


def image_of(answer: dict[str, Any], digest: str, references: list[Reference]) -> int | None:
    """The image (from 1) that the screen ``digest`` of the watcher's answer shows."""
    row, column = answer["strips"][digest]
    index = which(strips_of(row, column), references)
    return None if index is None else index + 1


def figures(values: Iterable[float | None]) -> list[float]:
    return [value for value in values if value is not None]


def fastest(values: dict[str, list[float]], peers: set[str]) -> float | None:
    """The lowest median among the ``peers`` (among all if none of them has a figure)."""
    medians = [statistics.median(v) for label, v in values.items() if v and label in peers]
    if not medians:
        medians = [statistics.median(v) for v in values.values() if v]
    return min(medians) if medians else None


def spread(values: list[float]) -> str:
    """``median (min–max)`` in ms."""
    if not values:
        return "–"
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def ratio(values: list[float], base: float | None) -> str:
    if not values or not base:
        return "–"
    return f"{statistics.median(values) / base:.2f}"


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def notes(measures: list[Measure]) -> str:
    """The runs' distinct notes, in brackets."""
    found = sorted({m.note for m in measures if m.note})
    return f" ({'; '.join(found)})" if found else ""


def short(command: list[str]) -> list[str]:
    """The command with the image paths cut to their names, and nsxiv's list to its ends."""
    cut = [os.path.basename(word) if os.path.isabs(word) else word for word in command]
    if len(cut) > 12:
        cut = [*cut[:9], "…", cut[-1]]
    return cut


def launched(viewers: list[Viewer], managed: bool) -> tuple[str, list[str]]:
    """What the windows' check found, in a sentence, and a line for each viewer: its command,
    its windows that did not cover the screen (sized by the script where no window manager
    runs), and why it was skipped."""
    label = "NOT FULL SCREEN" if managed else "fill"
    if not managed:
        legend = f"`{label}`: the windows the script sized to the screen"
    elif any(viewer.moved for viewer in viewers):
        legend = f"`{label}`: windows that did not cover the screen"
    else:
        legend = "every window covered the screen"
    lines = []
    for viewer in viewers:
        line = f"- {viewer.label}: `{' '.join(short(viewer.command))}`" if viewer.command else (
            f"- {viewer.label}"
        )  # fmt: skip
        if viewer.moved:
            line += f"; {label}: {', '.join(viewer.moved)}"
        if viewer.failed:
            line += f"; SKIPPED: {viewer.failed}"
        lines.append(line)
    return legend, lines


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{average:.2f}" for average in os.getloadavg())
