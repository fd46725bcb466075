"""The file-system calls file operations make, in one class that tests replace.

Every operation goes through a ``FileSystem``, so a test can make a write fail with "no space"
halfway, deny the target, remove a folder mid-copy or pretend two folders are on different
devices, without filling a real disk. The real one is a thin layer over ``os``.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import BinaryIO

from viewer.core.fileops import trash_probe
from viewer.core.reading import FileStamp

#: Errors from ``os.link`` that mean "this file system has no hard links", not "name taken".
_NO_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}
)


class FileSystem:
    """The real file system. Subclasses in tests inject faults by overriding one method."""

    def stamp(self, path: str) -> FileStamp:
        status = os.stat(path)
        return FileStamp(status.st_size, status.st_mtime_ns)

    def exists(self, path: str) -> bool:
        return os.path.lexists(path)

    def is_dir(self, path: str) -> bool:
        return os.path.isdir(path)

    def same_device(self, path: str, folder: str) -> bool:
        """Whether a rename can carry ``path`` into ``folder`` (same device)."""
        return os.stat(path).st_dev == os.stat(folder).st_dev

    def open_read(self, path: str) -> BinaryIO:
        return open(path, "rb")

    def create_new(self, path: str) -> BinaryIO:
        """Open a new file for writing; never truncates one that exists."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
        return os.fdopen(fd, "wb")

    def write(self, handle: BinaryIO, data: bytes) -> None:
        handle.write(data)

    def flush(self, handle: BinaryIO) -> None:
        """Push the bytes to the disk (or the server), not just to the OS."""
        handle.flush()
        os.fsync(handle.fileno())

    def flush_folder(self, folder: str) -> None:
        """Make a rename in ``folder`` durable where the OS allows it (POSIX only)."""
        if sys.platform == "win32":
            return
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass  # some network file systems refuse fsync on a folder; the data is flushed
        finally:
            os.close(fd)

    def rename_new(self, source: str, target: str) -> None:
        """Rename ``source`` to ``target``, failing with FileExistsError if ``target`` exists.

        POSIX ``rename`` replaces silently, so a hard link (which refuses an existing name
        atomically) is made first and the old name removed. Where the file system has no
        hard links (many SMB shares), the name is checked just before the rename: a file
        that appears in between those two calls is the one case not caught.
        """
        if sys.platform == "win32" or self.same_file(source, target):
            os.rename(source, target)  # Windows refuses to replace on its own
            return
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in _NO_LINKS:
                raise
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), target) from None
            os.rename(source, target)
            return
        os.unlink(source)

    def replace(self, source: str, target: str) -> None:
        os.replace(source, target)

    def same_file(self, first: str, second: str) -> bool:
        """Whether two names are one file (a change of case on a case-blind volume)."""
        try:
            return os.path.samefile(first, second)
        except OSError:
            return False

    def unlink(self, path: str) -> None:
        os.unlink(path)

    def listdir(self, folder: str) -> list[str]:
        return os.listdir(folder)

    def has_trash(self, folder: str) -> bool:
        """Whether files in ``folder`` can go to a trash (most SMB shares have none)."""
        return trash_probe.has_trash(folder)

    def trash(self, path: str) -> None:
        """Send ``path`` to the system trash with ``send2trash``."""
        from send2trash import send2trash

        send2trash(path)
