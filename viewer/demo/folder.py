"""The built-in demo: a sequence of camera-sized images made once in the user's cache folder.

On the first run the images are made by a process of their own (``python -m
viewer.demo.make``), one after another, while the window is already open: the first shows as
soon as it is written, and the folder's watcher picks up the rest.
"""

from __future__ import annotations

import os

from platformdirs import user_cache_dir

DEMO_COUNT = 24
#: The demo images' size; None for a camera's (``samples.CAMERA_SIZE``). Tests make them small.
DEMO_SIZE: tuple[int, int] | None = None


def demo_folder() -> str:
    # "demo-camera": the older "demo" folder holds JPEGs without EXIF previews.
    return os.path.join(user_cache_dir("viewer", appauthor=False), "demo-camera")


def missing_demo_images(folder: str, count: int | None = None) -> list[str]:
    """The demo images not made yet (all of them on the first run), ``1.jpg`` first."""
    names = [f"{number}.jpg" for number in range(1, (count or DEMO_COUNT) + 1)]
    return [name for name in names if not os.path.exists(os.path.join(folder, name))]


def ensure_demo_folder(count: int = DEMO_COUNT, size: tuple[int, int] | None = None) -> str:
    """Make the missing demo images here and now (about two seconds each); return the folder.

    numpy and Pillow are imported only here: the command line checks ``--demo`` without them.
    """
    from viewer.demo.samples import CAMERA_SIZE, write_sequence

    folder = demo_folder()
    size = CAMERA_SIZE if size is None else size
    write_sequence(folder, count, size)
    return folder
