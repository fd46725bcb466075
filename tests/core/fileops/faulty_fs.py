"""A real file system with faults on demand, for the file-operation tests.

Each fault is one attribute; hooks run at the moment a real fault would strike, so a test can
remove the target folder or edit the source halfway through a copy.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
from collections.abc import Callable
from typing import BinaryIO
from urllib.parse import quote

from viewer.core.fileops import trash_probe
from viewer.core.fileops.fs import FileSystem


class FaultyFs(FileSystem):
    """``FileSystem`` that can pretend to cross devices, fill up, deny, or lack a trash; its
    trash is a freedesktop one under the test's own ``XDG_DATA_HOME``."""

    def __init__(self) -> None:
        self.cross_device = False
        #: Raise ENOSPC once this many bytes have been written to one file.
        self.space: int | None = None
        self.deny_create = False
        self.trash_folders_missing: set[str] = set()
        #: Called after each chunk written, with the bytes written so far.
        self.after_write: Callable[[int], None] | None = None
        self.trashed: list[str] = []
        self.unlinked: list[str] = []
        self._written = 0

    def hold_writes(self, seconds: float) -> tuple[threading.Event, threading.Event]:
        """Make the next write wait (at most ``seconds``) until the second event is set;
        the first is set when it starts waiting."""
        reached, release = threading.Event(), threading.Event()

        def hold(written: int) -> None:
            reached.set()
            release.wait(seconds)

        self.after_write = hold
        return reached, release

    def same_device(self, path: str, folder: str) -> bool:
        return not self.cross_device and super().same_device(path, folder)

    def create_new(self, path: str) -> BinaryIO:
        if self.deny_create:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        self._written = 0
        return super().create_new(path)

    def write(self, handle: BinaryIO, data: bytes) -> None:
        if self.space is not None and self._written + len(data) > self.space:
            room = self.space - self._written
            super().write(handle, data[:room])  # a full disk takes what fits, then refuses
            self._written += room
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        super().write(handle, data)
        self._written += len(data)
        if self.after_write is not None:
            self.after_write(self._written)

    def has_trash(self, folder: str) -> bool:
        return folder not in self.trash_folders_missing

    def trash(self, path: str) -> None:
        """Trash as send2trash does on Linux, into ``$XDG_DATA_HOME/Trash``, which every
        test points at a folder of its own: no test touches the user's trash."""
        self.trashed.append(path)
        trash = trash_probe.home_trash()
        os.makedirs(os.path.join(trash, "files"), exist_ok=True)
        os.makedirs(os.path.join(trash, "info"), exist_ok=True)
        name = os.path.basename(path)
        with open(os.path.join(trash, "info", name + ".trashinfo"), "w") as info:
            info.write(f"[Trash Info]\nPath={quote(os.path.abspath(path))}\n")
        os.rename(path, os.path.join(trash, "files", name))

    def unlink(self, path: str) -> None:
        self.unlinked.append(path)
        super().unlink(path)


def sha256(path: str) -> str:
    with open(path, "rb") as reader:
        return hashlib.sha256(reader.read()).hexdigest()


def write_bytes(path: str, size: int, seed: int = 1) -> str:
    """A file of ``size`` pseudo-random bytes; its sha256."""
    block = hashlib.sha256(str(seed).encode()).digest()
    data = (block * (size // len(block) + 1))[:size]
    with open(path, "wb") as writer:
        writer.write(data)
    return hashlib.sha256(data).hexdigest()


def leftovers(folder: str) -> list[str]:
    """Temporary copies left in ``folder``."""
    return [name for name in os.listdir(folder) if name.endswith(".viewer-part")]
