"""The image last viewed in each folder, for the last ``PLACES_LIMIT`` folders.

Reopening a folder (Recent Folders, Open Folder, a drop, the command line) goes back to where
the user left it, as geeqie's users asked (#934). Kept as two parallel lists in ``QSettings``,
newest first, read afresh each time so that every window and ``Settings`` agree.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the start reads places before it imports more of Qt than QtCore
    from PyQt5.QtCore import QSettings

_FOLDERS = "places/folders"
_IMAGES = "places/images"


def folder_key(folder: str) -> str:
    """One spelling per folder: ``/a/b/`` and ``/a/./b`` are the same place (no file-system
    call: this runs on the GUI thread, and the share may hang)."""
    return os.path.normpath(folder)


def _strings(store: QSettings, key: str) -> list[str]:
    value = store.value(key, [])
    values = [value] if isinstance(value, str) else list(value or [])
    return [str(item) for item in values]


def places(store: QSettings) -> list[tuple[str, str]]:
    """(folder, image) pairs, newest first; junk (lists of unequal length) is cut short."""
    return list(zip(_strings(store, _FOLDERS), _strings(store, _IMAGES)))


def place_in(store: QSettings, folder: str) -> str | None:
    """The name (relative to ``folder``) of the image last viewed there, if ``folder`` is
    among the remembered folders."""
    key = folder_key(folder)
    return next((image for known, image in places(store) if known == key), None)


def remember(store: QSettings, folder: str, image: str, limit: int) -> None:
    """``image`` (a path in ``folder``, or below it) is the last viewed in ``folder``: put
    that first, keeping ``limit`` folders."""
    key = folder_key(folder)
    try:
        name = os.path.relpath(image, key)
    except ValueError:  # on another drive (Windows): not in this folder
        return
    kept = [(key, name)] + [(known, shown) for known, shown in places(store) if known != key]
    kept = kept[:limit]
    store.setValue(_FOLDERS, [known for known, _ in kept])
    store.setValue(_IMAGES, [shown for _, shown in kept])
