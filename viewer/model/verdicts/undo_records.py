"""Verdict writes as entries of the file operations' undo journal.

Ctrl+Z then takes them back in turn with trashes, moves and renames.
"""

from __future__ import annotations

from viewer.core.fileops.errors import FileOpError
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.journal import JournalEntry, Record
from viewer.core.verdicts.api import VerdictWrite
from viewer.core.verdicts.errors import SidecarError
from viewer.model.verdicts.core_calls import VerdictIO


def verdict_entry(writes: tuple[VerdictWrite, ...], io: VerdictIO) -> JournalEntry:
    """One journal entry for one verdict key (on one image or on all the marked ones); its
    undo puts each sidecar's previous bytes back, or removes the sidecar the write made."""
    return JournalEntry("verdict", tuple(_record(write, io) for write in writes))


def _record(write: VerdictWrite, io: VerdictIO) -> Record:
    def restore(_fs: FileSystem) -> None:  # through the file system the write went through
        try:
            io.undo(write)
        except SidecarError as error:
            raise FileOpError(str(error)) from None

    return Record("verdict", write.image, restore=restore)
