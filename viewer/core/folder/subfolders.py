"""A folder and its subfolders as one list of images, as a camera card is browsed.

A card's ``DCIM/100CANON``, ``101CANON``, … become one sequence (FastRawViewer's "Open folder
with subfolders").

The walk is depth-first in natural order: a folder's own images, then each subfolder's, so the
list comes out ordered by folder, then name, as it goes. The first folder with images is
therefore final as soon as it is listed, and ``on_first`` hands it on while the rest of the
tree is still being walked: on a share, the first image shows after a few round trips, not
after the whole card. Names and entry types only, as for one folder; the one extra call is a
``stat`` of each folder before it is listed, to refuse a folder already walked (a symbolic
link loop, or a second way into the same folder).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Callable

from viewer.core.folder.sequence import (
    PROGRESS_EVERY,
    Progress,
    Scandir,
    is_hidden,
    is_image_name,
    listing_error,
    natural_key,
)

log = logging.getLogger(__name__)

#: How far below the folder opened the walk goes: a card's ``DCIM/100CANON`` is depth 2.
DEFAULT_MAX_DEPTH = 6

#: ``on_first(relative names)``: the first folder with images is listed, in final order.
FirstFound = Callable[[list[str]], None]
#: ``(path) -> os.stat_result``, following symbolic links (``os.stat``, or the benchmark's).
Stat = Callable[[str], Any]


def list_image_paths(
    root: str,
    on_progress: Progress | None = None,
    on_first: FirstFound | None = None,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    scandir: Scandir | None = None,
    stat: Stat = os.stat,
) -> list[str]:
    """The images under ``root``, as paths relative to it, ordered by folder, then name.

    Hidden files and folders are skipped; so are folders deeper than ``max_depth`` (``root``
    is depth 0), folders already walked (by ``(st_dev, st_ino)``: a link loop is walked once),
    and subfolders that cannot be read (logged; the rest of the tree still counts).

    Raises:
        viewer.core.folder.sequence.SequenceError: ``root`` does not exist or cannot be read.
    """
    walk = _Walk(root, on_progress, scandir or os.scandir, stat, max_depth)
    names: list[str] = []
    first_given = on_first is None
    for found in walk.folders():
        names.extend(found)
        if found and not first_given:
            first_given = True
            on_first(list(names))  # type: ignore[misc]  # not None while first_given is False
    walk.report()
    return names


def first_images(root: str, *, max_depth: int = DEFAULT_MAX_DEPTH) -> list[str]:
    """The images of the first folder with any, as ``list_image_paths`` starts its list: what
    the early start reads first, without waiting for the rest of the walk.

    Raises:
        viewer.core.folder.sequence.SequenceError: ``root`` does not exist or cannot be read.
    """
    walk = _Walk(root, None, os.scandir, os.stat, max_depth)
    return next((found for found in walk.folders() if found), [])


class _Walk:
    """One walk's state: the folders seen, the entries counted."""

    def __init__(
        self, root: str, on_progress: Progress | None, scandir: Scandir, stat: Stat, depth: int
    ) -> None:
        self._root = root
        self._on_progress = on_progress
        self._scandir = scandir
        self._stat = stat
        self._max_depth = depth
        self._visited: set[tuple[int, int]] = set()
        self._seen = 0

    def folders(self) -> Iterator[list[str]]:
        """Each folder's images (relative paths, natural order), depth-first in natural order."""
        stack: list[tuple[str, int]] = [("", 0)]
        while stack:
            relative, depth = stack.pop()
            folder = os.path.join(self._root, relative) if relative else self._root
            try:
                if not self._first_visit(folder):
                    log.info("Skipped %s: walked already (a link loop?)", folder)
                    continue
                images, subfolders = self._list(folder, depth)
            except OSError as error:
                if not relative:
                    raise listing_error(self._root, error) from None
                log.info("Skipped unreadable folder %s: %s", folder, error)
                continue
            yield [os.path.join(relative, name) if relative else name for name in images]
            for name in reversed(subfolders):
                stack.append((os.path.join(relative, name) if relative else name, depth + 1))

    def report(self) -> None:
        if self._on_progress is not None:
            self._on_progress(self._seen)

    def _first_visit(self, folder: str) -> bool:
        status = self._stat(folder)
        identity = (status.st_dev, status.st_ino)
        if identity in self._visited:
            return False
        self._visited.add(identity)
        return True

    def _list(self, folder: str, depth: int) -> tuple[list[str], list[str]]:
        images, subfolders = [], []
        entries: AbstractContextManager[Iterator[Any]] = self._scandir(folder)
        with entries as listing:
            for entry in listing:
                self._seen += 1
                if self._on_progress is not None and self._seen % PROGRESS_EVERY == 0:
                    self._on_progress(self._seen)
                if is_hidden(entry):
                    continue
                if is_image_name(entry.name) and _is(entry.is_file):
                    images.append(entry.name)
                elif depth < self._max_depth and _is(entry.is_dir):
                    subfolders.append(entry.name)
        images.sort(key=natural_key)
        subfolders.sort(key=natural_key)
        return images, subfolders


def _is(test: Callable[[], bool]) -> bool:
    """``entry.is_file()`` / ``is_dir()``, following links; a dangling link is neither."""
    try:
        return test()
    except OSError:
        return False
