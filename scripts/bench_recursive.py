#!/usr/bin/env python3
"""Time to the first painted image when browsing a card of subfolders on a slow share.

Issue 23's target: opening a folder with its subfolders (20,000 files in 200 folders) shows
its first image no later than opening one folder of 100 files, within noise. The share is
simulated (scripts/bench/share.py's link, wifi-like by default: 5 ms round trip, 200 Mbit/s):
opening a directory costs a round trip, and so does each reply of 100 entries and each
``stat``; an image read costs its round trip plus its bytes over the link. Every simulated
file is one real camera-sized JPEG, so decoding is real. The viewer's own window, model and
lister run unchanged, offscreen; only the file system is injected.

Usage: ``python scripts/bench_recursive.py [--folders 200] [--per-folder 100] [--repeat 5]
[--link wifi]``; ``--quick`` is CI's smoke test (it checks the harness, never timings).
Prints the median time to first paint and to the end of the listing for each, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench.share import PRESETS, Link, Share
from PyQt5.QtCore import QCoreApplication, QSettings
from PyQt5.QtWidgets import QApplication

from viewer.core.folder.sequence import Progress, list_image_names
from viewer.core.folder.subfolders import FirstFound, list_image_paths
from viewer.core.formats.decode import LoadedFile, decode_bytes
from viewer.core.formats.geometry import Size
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.formats.pixels import Allocator
from viewer.demo.samples import write_sequence
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.browsing.folder_opening import PathKind
from viewer.ui.window.main_window import MainWindow

ENTRIES_PER_REPLY = 100


@dataclass(frozen=True)
class Entry:
    """What ``os.scandir`` yields, as far as the listing and the walk look."""

    name: str
    folder: bool

    def is_file(self) -> bool:
        return not self.folder

    def is_dir(self) -> bool:
        return self.folder


@dataclass(frozen=True)
class Status:
    st_dev: int
    st_ino: int


class TreeShare:
    """A share holding ``folders`` subfolders of ``per_folder`` images under ``root`` (or,
    with ``folders == 0``, ``per_folder`` images in ``root`` itself), all backed by ``sample``."""

    def __init__(self, root: str, folders: int, per_folder: int, sample: str, link: Link):
        self.root = root
        self.folders = folders
        self.per_folder = per_folder
        self.sample = sample
        self.link = link
        self.share = Share(link)
        self._inodes: dict[str, int] = {}

    def _names(self, folder: str) -> list[Entry]:
        if folder == self.root and self.folders:
            return [Entry(f"{number:03d}CANON", True) for number in range(100, 100 + self.folders)]
        start = 1 if folder == self.root else 1 + self.per_folder * (int(folder[-8:-5]) - 100)
        return [Entry(f"IMG_{n:05d}.JPG", False) for n in range(start, start + self.per_folder)]

    @contextmanager
    def scandir(self, folder: str) -> Iterator[Iterator[Entry]]:
        time.sleep(self.link.rtt)  # open the directory
        yield self._replies(self._names(folder))

    def _replies(self, entries: list[Entry]) -> Iterator[Entry]:
        for offset, entry in enumerate(entries):
            if offset % ENTRIES_PER_REPLY == 0:
                time.sleep(self.link.rtt)
            yield entry

    def stat(self, path: str) -> Status:
        time.sleep(self.link.rtt)
        return Status(1, self._inodes.setdefault(path, len(self._inodes) + 1))

    def lister(self, folder: str, on_progress: Progress) -> list[str]:
        return list_image_names(folder, on_progress, scandir=self.scandir)

    def walker(self, folder: str, on_progress: Progress, on_first: FirstFound) -> list[str]:
        return list_image_paths(folder, on_progress, on_first, scandir=self.scandir, stat=self.stat)

    def loader(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
        data, stamp = self.share.read(self.sample)
        return LoadedFile(
            path, stamp, decode_bytes(data, "x.jpg", allocate, DEFAULT_MAX_IMAGE_BYTES, display_box)
        )


def wait(app: QCoreApplication, condition: Callable[[], bool], limit_s: float = 120.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the image never appeared")
        app.processEvents()


def first_paint_s(
    app: QCoreApplication, share: TreeShare, scratch: str
) -> tuple[float, float, float]:
    """Seconds from open to first paint, to the end of the listing, and to the first
    listing the window shows (for subfolders, the first folder's, while the walk goes on)."""
    model = PrefetchModel(share.loader)
    settings = Settings(QSettings(os.path.join(scratch, "settings.ini"), QSettings.IniFormat))
    lister = FolderLister(share.lister, walker=share.walker, poll_seconds=0)
    window = MainWindow(model, settings=settings, lister=lister, probe=lambda _: PathKind.FOLDER)
    window.subfolders.set_included(share.folders > 0)
    window.resize(1280, 860)
    window.show()
    painted: list[float] = []
    listed: list[float] = []
    first: list[float] = []
    window.opening.firstListing.connect(lambda *_: first.append(time.perf_counter()))
    window.view.painted.connect(lambda: painted.append(time.perf_counter()))
    window.opened.connect(lambda count: listed.append(time.perf_counter()))
    started = time.perf_counter()
    window.open_path(share.root, 0)
    wait(app, lambda: bool(painted) and bool(listed))
    assert len(window.sequence or []) == share.per_folder * max(1, share.folders)
    model.shutdown(wait=True)
    window.lister.shutdown(wait=True)
    window.close()
    window.deleteLater()
    app.processEvents()
    return painted[0] - started, listed[0] - started, first[0] - started


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False)  # fmt: skip
    return done.stdout.strip() or "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", type=int, default=200)
    parser.add_argument("--per-folder", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--link", choices=sorted(PRESETS), default="wifi")
    parser.add_argument("--quick", action="store_true", help="CI smoke test: tiny and short")
    args = parser.parse_args()
    if args.quick:
        args.folders, args.per_folder, args.repeat = 3, 10, 1
    link = PRESETS[args.link]
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        (sample,) = write_sequence(os.path.join(scratch, "sample"), 1)
        for name in ("flat", "card"):
            os.makedirs(os.path.join(scratch, name))
        flat = TreeShare(os.path.join(scratch, "flat"), 0, args.per_folder, sample, link)
        card = TreeShare(os.path.join(scratch, "card"), args.folders, args.per_folder, sample, link)
        print(f"commit {commit()}, sample {os.path.getsize(sample) / 1e6:.1f} MB, link "
              f"{link.name}: rtt {link.rtt * 1000:g} ms, {link.rate * 8 / 1e6:g} Mbit/s, "
              f"{ENTRIES_PER_REPLY} entries per listing reply")  # fmt: skip
        first_paint_s(app, flat, scratch)  # warm up imports and caches
        results: dict[str, list[tuple[float, float, float]]] = {"flat": [], "card": []}
        for _ in range(args.repeat):  # interleaved, so drift hits both alike
            results["flat"].append(first_paint_s(app, flat, scratch))
            results["card"].append(first_paint_s(app, card, scratch))
    labels = {
        "flat": f"one folder of {args.per_folder}",
        "card": f"{args.folders * args.per_folder} in {args.folders} subfolders",
    }
    medians = {}
    for key, samples in results.items():
        paint = [s[0] * 1000 for s in samples]
        listing = statistics.median(s[1] for s in samples) * 1000
        shown = statistics.median(s[2] for s in samples) * 1000
        medians[key] = statistics.median(paint)
        print(f"{labels[key]:>24}: first listing shown {shown:6.1f} ms, first paint "
              f"{medians[key]:7.1f} ms (min {min(paint):.1f}, max {max(paint):.1f}), "
              f"listing done {listing:8.1f} ms (median of {args.repeat})")  # fmt: skip
    print(f"ratio first paint subfolders / one folder: {medians['card'] / medians['flat']:.2f} "
          "(target: 1, within noise)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
