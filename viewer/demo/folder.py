"""The built-in demo: a sequence of camera-sized images made once in the user's cache folder."""

from __future__ import annotations

import os
import sys

from platformdirs import user_cache_dir

from viewer.demo.samples import CAMERA_SIZE, write_sequence

DEMO_COUNT = 24


def demo_folder() -> str:
    # "demo-camera": the older "demo" folder holds JPEGs without EXIF previews.
    return os.path.join(user_cache_dir("viewer", appauthor=False), "demo-camera")


def ensure_demo_folder(count: int = DEMO_COUNT, size: tuple[int, int] = CAMERA_SIZE) -> str:
    """Make the demo images on first use (about a second each), then return their folder."""
    folder = demo_folder()
    names = (os.path.join(folder, f"{n}.jpg") for n in range(1, count + 1))
    missing = [name for name in names if not os.path.exists(name)]
    if missing:
        print(f"Making {len(missing)} demo images in {folder} (first run only)…", file=sys.stderr)

        def report(done: int, total: int) -> None:
            print(f"\r  {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

        write_sequence(folder, count, size, progress=report)
    return folder
