"""What each operation did, so Ctrl+Z can undo the last 20, and what the view must update.

Each operation (one key press, possibly on many marked files) is one ``JournalEntry`` of
``Record``s. Undo walks the records backwards: a trashed file comes back from the trash, a
moved file moves back (with the same care as the move), a copy is removed if it is still the
copy we made, a rename is reverted. A permanent delete is recorded too, so Ctrl+Z says it
cannot be undone instead of silently undoing something older. Work done outside these
operations joins the same journal with a ``restore`` of its own: a verdict (a rating, label
or reject) puts its sidecars' previous bytes back, or removes the sidecar it created.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from viewer.core.fileops.errors import FileOpError, describe
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.transfer import Context, move_file
from viewer.core.fileops.trash import TrashEntry, restore
from viewer.core.io.cancel import Cancelled
from viewer.core.io.reading import FileStamp

UNDO_LIMIT = 20


@dataclass(frozen=True)
class Change:
    """One path the open folder must update: ``old`` left (None: nothing), ``new`` arrived."""

    old: str | None
    new: str | None


@dataclass(frozen=True)
class Record:
    """One file's part in an operation: ``kind`` is trash, delete, move, copy, rename or
    verdict; ``companion`` marks a sidecar that went along with its image; ``restore`` undoes
    a record of work done elsewhere (a verdict's write to ``source``'s sidecars), raising
    ``FileOpError`` with a sentence or ``OSError``."""

    kind: str
    source: str
    target: str | None = None
    stamp: FileStamp | None = None
    trash: TrashEntry | None = None
    companion: bool = False
    restore: Callable[[FileSystem], None] | None = None

    @property
    def change(self) -> Change:
        if self.kind == "copy":
            return Change(None, self.target)
        return Change(self.source, self.target)


@dataclass(frozen=True)
class JournalEntry:
    kind: str
    records: tuple[Record, ...]

    @property
    def undoable(self) -> bool:
        return self.kind != "delete"


@dataclass
class Outcome:
    """What an operation (or an undo) did, for the status bar and the open folder.

    Attributes:
        kind: trash, delete, move, copy, rename or undo.
        changes: the paths that left or arrived, in order.
        problems: a sentence for each file that was not done.
        cancelled: the user cancelled; what was done before stays done (and undoable).
        entry: what undo needs, or None if nothing was done.
        verdicts: the images whose verdict an undo put back (their sidecars changed).
    """

    kind: str
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False
    entry: JournalEntry | None = None
    verdicts: list[str] = field(default_factory=list)


class Journal:
    """The last ``limit`` operations, newest last. Used on one thread (the GUI's)."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._entries: deque[JournalEntry] = deque(maxlen=limit)

    def __len__(self) -> int:
        return len(self._entries)

    def push(self, entry: JournalEntry | None) -> None:
        if entry is not None and entry.records:
            self._entries.append(entry)

    def pop(self) -> JournalEntry | None:
        """The newest entry, taken off the journal (None when empty)."""
        return self._entries.pop() if self._entries else None

    def peek(self) -> JournalEntry | None:
        return self._entries[-1] if self._entries else None


def _undo_record(ctx: Context, record: Record) -> Change | None:
    name = os.path.basename(record.source)
    if record.kind == "delete":
        raise FileOpError(f"{name} was deleted permanently; that cannot be undone.")
    if record.restore is not None:
        record.restore(ctx.fs)
        return None
    if record.kind == "trash":
        assert record.trash is not None
        restore(ctx, record.trash)
        return Change(None, record.source)
    assert record.target is not None
    if record.kind == "copy":
        if ctx.fs.stamp(record.target) != record.stamp:
            raise FileOpError(f"The copy {record.target} has changed since, so it was kept.")
        ctx.fs.unlink(record.target)
        return Change(record.target, None)
    if ctx.fs.exists(record.source):
        raise FileOpError(f"{name} cannot go back: another file has taken its name.")
    if record.kind == "rename":
        ctx.fs.rename_new(record.target, record.source)
    else:
        move_file(ctx, record.target, record.source, False, None)
    return Change(record.target, record.source)


def undo(ctx: Context, entry: JournalEntry) -> Outcome:
    """Undo ``entry``, newest record first. Records that cannot be undone get a sentence;
    the others are undone all the same. ``outcome.entry`` holds what is left to undo (after
    a cancel, or an OS error such as no space), for the journal to keep."""
    outcome = Outcome("undo")
    records = list(reversed(entry.records))
    left: list[Record] = []
    ctx.count = len(records)
    for index, record in enumerate(records):
        ctx.index = index
        try:
            change = _undo_record(ctx, record)
        except Cancelled:
            outcome.cancelled = True
            left += records[index:]
            break
        except FileOpError as error:  # it will not get better: say so, and let it go
            outcome.problems.append(str(error))
        except OSError as error:  # no space, a share gone: kept, Ctrl+Z tries again
            where = record.target or record.source
            back_to = os.path.dirname(where if record.kind == "copy" else record.source)
            outcome.problems.append(str(describe(error, "undo", where, back_to)))
            left.append(record)
        else:
            if change is not None:
                outcome.changes.append(change)
            if record.kind == "verdict":
                outcome.verdicts.append(record.source)
    if left:
        outcome.entry = JournalEntry(entry.kind, tuple(reversed(left)))
    return outcome
