"""File-operation failures as sentences the status bar can show, and the cancel token.

An ``OSError`` names an errno and a path; the user needs to know what did not happen and
why, in words: "Could not move 3.jpg: there is no space left in /mnt/share/keep."
"""

from __future__ import annotations

import errno
import os
import threading

from viewer.core.io.cancel import Cancelled

__all__ = ["CancelToken", "Cancelled", "FileOpError", "describe"]

_GONE_QUIET = (errno.EIO, errno.ETIMEDOUT, errno.EHOSTDOWN, errno.ENOTCONN, errno.ESTALE)


class FileOpError(Exception):
    """An operation on one file did not happen; ``str()`` is the sentence for the user."""


class CancelToken:
    """Set by the GUI (Esc), checked by the worker between steps and between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` once ``cancel`` has been called."""
        if self._event.is_set():
            raise Cancelled


def _reason(error: OSError, source: str, target_folder: str) -> str:
    code = error.errno
    if code == errno.EROFS:
        return "the disk or share is read-only"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"there is no space left in {target_folder}"
    if code in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
        return "permission denied"
    if code == errno.ENOENT or isinstance(error, FileNotFoundError):
        if error.filename is not None and os.fspath(error.filename) == source:
            return "the file is no longer there"
        if target_folder and not os.path.isdir(target_folder):
            return f"the folder {target_folder} is no longer there"
        return "the file or its folder is no longer there"
    if code == errno.EEXIST:
        return "a file with that name appeared in the target meanwhile"
    if code == errno.ENAMETOOLONG:
        return "the name is too long"
    if code in _GONE_QUIET:
        return "the share stopped answering"
    if code == errno.EXDEV:
        return "the target is on another disk"
    text = error.strerror or str(error) or type(error).__name__
    return text[0].lower() + text[1:]


def describe(error: OSError, action: str, source: str, target_folder: str = "") -> FileOpError:
    """``error`` while doing ``action`` ("move", "copy", …) to ``source``, as a sentence."""
    name = os.path.basename(source) or source
    what = f"move {name} to the trash" if action == "trash" else f"{action} {name}"
    return FileOpError(f"Could not {what}: {_reason(error, source, target_folder)}.")


def changed_since_listed(action: str, source: str) -> FileOpError:
    name = os.path.basename(source)
    pasts = {"copy": "copied", "move": "moved", "trash": "moved to the trash"}
    past = pasts.get(action, action + "d")
    return FileOpError(f"{name} changed since it was listed, so it was not {past}.")
