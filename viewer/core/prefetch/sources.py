"""Where the paths come from: a folder, a glob pattern, or a list the caller already has.

A folder or a glob comes back in natural order (``2.png`` before ``10.png``), the order
people number their frames in; a list is kept exactly as given, since its order is the
caller's decision.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from typing import Union

from viewer.core.folder.sequence import list_image_names, natural_key
from viewer.core.io.paths import join

#: A folder, a glob pattern (``"/data/run1/*.tif"``), or the paths themselves.
Source = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]

_GLOB_CHARACTERS = frozenset("*?[")


class SourceError(ValueError):
    """The source names nothing to read; ``str()`` says what was given and why."""


def resolve_paths(source: Source, natural: bool = True) -> list[str]:
    """The paths to read, in order.

    Args:
        source: a folder (its image files, hidden ones left out), a glob pattern (every
            match that is a file, of any type), or an iterable of paths (kept as given).
        natural: sort a folder's or a glob's paths in natural order; False keeps a glob's
            matches in the file system's order, which is arbitrary.

    Raises:
        SourceError: a folder with no images, a pattern that matches nothing, or a path
            that is neither a folder nor a pattern.
        viewer.core.SequenceError: the folder cannot be listed.
    """
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        if os.path.isdir(text):
            return _folder(text)
        if _GLOB_CHARACTERS & set(text):
            return _pattern(text, natural)
        if os.path.isfile(text):
            return [text]
        raise SourceError(f"{text} is neither a folder, a file nor a glob pattern.")
    return [os.fspath(path) for path in source]


def _folder(folder: str) -> list[str]:
    names = list_image_names(folder)  # natural order already
    if not names:
        raise SourceError(f"No images in folder: {folder}")
    return [join(folder, name) for name in names]


def _pattern(pattern: str, natural: bool) -> list[str]:
    paths = [path for path in glob.glob(pattern) if os.path.isfile(path)]
    if not paths:
        raise SourceError(f"No files match {pattern}")
    if natural:
        paths.sort(key=natural_key)
    return paths
