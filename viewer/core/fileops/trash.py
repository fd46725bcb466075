"""Sending a file to the system trash with ``send2trash``, and bringing it back.

``send2trash`` has no restore. On Linux it (or GIO) writes a freedesktop entry: the file goes
to ``<trash>/files/<name>`` and ``<trash>/info/<name>.trashinfo`` records where it came from.
We note which entries appear while trashing, so undo finds the right one even when the trash
holds older files of the same name. On Windows and macOS the trash has no such record we can
read, so undo says where the file is instead of pretending.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from urllib.parse import unquote

from viewer.core.fileops import trash_probe
from viewer.core.fileops.errors import FileOpError
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.transfer import Context, check_unchanged, move_file
from viewer.core.reading import FileStamp

_INFO_SUFFIX = ".trashinfo"


class NoTrash(FileOpError):
    """The file's volume has no trash (most SMB shares): the user must choose to delete it."""

    def __init__(self, folder: str) -> None:
        super().__init__(f"{folder} has no trash.")
        self.folder = folder


@dataclass(frozen=True)
class TrashEntry:
    """Where a trashed file went. ``stored`` is None where the trash cannot be read back."""

    original: str
    stored: str | None = None
    info: str | None = None


def _real(path: str) -> str:
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(folder), name)


def _entry_names(fs: FileSystem, source: str) -> dict[str, set[str]]:
    """Per candidate trash, the info entries that could be ``source``'s (same stem)."""
    stem = os.path.splitext(os.path.basename(source))[0]
    names: dict[str, set[str]] = {}
    for trash, _top in trash_probe.volume_trashes(os.path.dirname(source)):
        try:
            listed = fs.listdir(os.path.join(trash, "info"))
        except OSError:
            listed = []
        names[trash] = {name for name in listed if name.startswith(stem)}
    return names


def _recorded_path(fs: FileSystem, info: str, top: str) -> str | None:
    try:
        with fs.open_read(info) as reader:
            text = reader.read().decode("utf-8", "replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("Path="):
            return _real(os.path.join(top, unquote(line[len("Path=") :])))
    return None


def _locate(fs: FileSystem, source: str, before: dict[str, set[str]]) -> TrashEntry:
    """The entry that appeared for ``source`` since ``before`` was listed."""
    wanted = _real(source)
    after = _entry_names(fs, source)
    for trash, top in trash_probe.volume_trashes(os.path.dirname(source)):
        for name in sorted(after.get(trash, set()) - before.get(trash, set())):
            if not name.endswith(_INFO_SUFFIX):
                continue
            info = os.path.join(trash, "info", name)
            if _recorded_path(fs, info, top) == wanted:
                stored = os.path.join(trash, "files", name[: -len(_INFO_SUFFIX)])
                return TrashEntry(source, stored, info)
    return TrashEntry(source)


def trash_file(ctx: Context, source: str, listed: FileStamp | None) -> TrashEntry:
    """Send ``source`` to the trash; NoTrash if its volume has none (nothing is done)."""
    from send2trash import TrashPermissionError

    check_unchanged(ctx, "trash", source, listed)
    folder = os.path.dirname(source)
    if not ctx.fs.has_trash(folder):
        raise NoTrash(folder)
    readable = sys.platform not in ("win32", "darwin")
    before = _entry_names(ctx.fs, source) if readable else {}
    ctx.step("trash", source)
    try:
        ctx.fs.trash(source)
    except TrashPermissionError as error:
        raise NoTrash(folder) from error
    return _locate(ctx.fs, source, before) if readable else TrashEntry(source)


def restore(ctx: Context, entry: TrashEntry) -> None:
    """Put a trashed file back in its place, or say why it cannot be."""
    name = os.path.basename(entry.original)
    if entry.stored is None:
        raise FileOpError(
            f"{name} is in the system trash: restore it from there "
            "(the viewer can only undo a move to the trash on Linux)."
        )
    if not ctx.fs.exists(entry.stored):
        raise FileOpError(f"{name} is no longer in the trash.")
    if ctx.fs.exists(entry.original):
        raise FileOpError(f"{name} stays in the trash: another file has taken its name.")
    if not ctx.fs.is_dir(os.path.dirname(entry.original)):
        raise FileOpError(f"{name} stays in the trash: its folder is no longer there.")
    move_file(ctx, entry.stored, entry.original, False, None)
    if entry.info is not None:
        with contextlib.suppress(OSError):  # else a stale entry in info/, no file lost
            ctx.fs.unlink(entry.info)


def delete_file(ctx: Context, source: str, listed: FileStamp | None) -> None:
    """Delete ``source`` for good (after the user confirmed)."""
    check_unchanged(ctx, "delete", source, listed)
    ctx.step("delete", source)
    ctx.fs.unlink(source)
