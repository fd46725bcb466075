"""Operations on one or many files, as the viewer's keys ask for them; each file's XMP
sidecars go along (``companions``).

Each function runs synchronously (the viewer runs it on a worker), reports progress, stops at
a cancel, asks the caller through callables (name clashes, volumes without trash), and returns
an ``Outcome``: what changed, a sentence per file not done, and the journal entry for undo.
A failure on one file never stops the others, and never loses a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.core.fileops.clash import Ask, ClashPolicy, never_replace
from viewer.core.fileops.companions import Companions
from viewer.core.fileops.errors import FileOpError, describe
from viewer.core.fileops.journal import Change, JournalEntry, Outcome, Record
from viewer.core.fileops.names import name_problem
from viewer.core.fileops.transfer import Context, check_unchanged, copy_file, move_file
from viewer.core.fileops.trash import NoTrash, delete_file, trash_file
from viewer.core.io.cancel import Cancelled
from viewer.core.io.reading import FileStamp

#: Asked once per folder without trash: may its files be deleted permanently?
ConfirmPermanent = Callable[[str], bool]


@dataclass(frozen=True)
class Source:
    """A file as the viewer listed it; ``stamp`` (if known) is how it was when listed."""

    path: str
    stamp: FileStamp | None = None


def _run(
    ctx: Context,
    kind: str,
    sources: Sequence[Source],
    one: Callable[[Source], Record | None],
    folder: str = "",
    replaced: set[str] | None = None,
) -> Outcome:
    """Apply ``one`` to each source, then to its sidecars, gathering records and sentences.

    ``replaced`` names the sources whose operation replaced a file (their sidecars may too).
    """
    outcome = Outcome(kind)
    records: list[Record] = []
    companions = Companions(ctx)
    ctx.count = len(sources)
    for index, source in enumerate(sources):
        ctx.index = index
        try:
            ctx.token.check()
            record = one(source)
        except Cancelled:
            outcome.cancelled = True
            break
        except FileOpError as error:
            outcome.problems.append(str(error))
        except OSError as error:
            target = folder or os.path.dirname(source.path)
            outcome.problems.append(str(describe(error, kind, source.path, target)))
        else:
            if record is not None:
                carried, problems = companions.carry(record, source.path in (replaced or ()))
                for done in (record, *carried):
                    records.append(done)
                    outcome.changes.append(done.change)
                outcome.problems += problems
    outcome.entry = JournalEntry(kind, tuple(records)) if records else None
    return outcome


def trash(ctx: Context, sources: Sequence[Source], confirm_permanent: ConfirmPermanent) -> Outcome:
    """Send files to the trash. Where a folder has no trash, ``confirm_permanent(folder)`` is
    asked once; yes deletes its files for good, no keeps them."""
    answers: dict[str, bool] = {}

    def one(source: Source) -> Record | None:
        try:
            entry = trash_file(ctx, source.path, source.stamp)
        except NoTrash as missing:
            if missing.folder not in answers:
                answers[missing.folder] = confirm_permanent(missing.folder)
            if not answers[missing.folder]:
                return None
            delete_file(ctx, source.path, source.stamp)
            return Record("delete", source.path)
        return Record("trash", source.path, trash=entry)

    outcome = _run(ctx, "trash", sources, one)
    if outcome.entry is not None and all(r.kind == "delete" for r in outcome.entry.records):
        outcome.entry = JournalEntry("delete", outcome.entry.records)
    return outcome


def delete(ctx: Context, sources: Sequence[Source]) -> Outcome:
    """Delete files for good (the user has confirmed, and been told it cannot be undone)."""

    def one(source: Source) -> Record:
        delete_file(ctx, source.path, source.stamp)
        return Record("delete", source.path)

    return _run(ctx, "delete", sources, one)


def transfer(
    ctx: Context,
    kind: str,
    sources: Sequence[Source],
    folder: str,
    ask: Ask = never_replace,
) -> Outcome:
    """Move (``kind="move"``) or copy (``"copy"``) files into ``folder``; a name already
    there is resolved by ``ask`` (replace, keep both, skip, or cancel the rest)."""
    policy = ClashPolicy(ask, ctx.fs.exists)
    replaced: set[str] = set()

    def one(source: Source) -> Record | None:
        name = os.path.basename(source.path)
        if not ctx.fs.is_dir(folder):
            raise FileOpError(f"Could not {kind} {name}: the folder {folder} is not there.")
        wanted = os.path.join(folder, name)
        if ctx.fs.same_file(os.path.dirname(source.path), folder):
            raise FileOpError(f"{name} is already in {folder}.")
        resolved = policy.resolve(source.path, wanted)
        if resolved is None:
            return None
        target, replace = resolved
        if replace:
            replaced.add(source.path)
        if kind == "move":
            stamp = move_file(ctx, source.path, target, replace, source.stamp)
        else:
            stamp = copy_file(ctx, "copy", source.path, target, replace, source.stamp)
        return Record(kind, source.path, target, stamp)

    return _run(ctx, kind, sources, one, folder, replaced)


def rename(ctx: Context, source: Source, new_name: str) -> Outcome:
    """Rename a file within its folder; an invalid or taken name is refused with a sentence."""

    def one(listed: Source) -> Record | None:
        folder, old_name = os.path.split(listed.path)
        if new_name == old_name:
            return None
        problem = name_problem(new_name)
        if problem is not None:
            raise FileOpError(problem)
        target = os.path.join(folder, new_name)
        if ctx.fs.exists(target) and not ctx.fs.same_file(listed.path, target):
            raise FileOpError(f"A file named {new_name} already exists here.")
        check_unchanged(ctx, "rename", listed.path, listed.stamp)
        ctx.step("place", listed.path)
        ctx.fs.rename_new(listed.path, target)
        return Record("rename", listed.path, target, ctx.fs.stamp(target))

    return _run(ctx, "rename", [source], one)


def changes_in(outcome: Outcome, folder: str) -> list[Change]:
    """The changes that touch ``folder`` (the open one), each side None if elsewhere."""

    def here(path: str | None) -> str | None:
        if path is None:
            return None
        same = os.path.normcase(os.path.dirname(path)) == os.path.normcase(folder)
        return path if same else None

    found = [Change(here(c.old), here(c.new)) for c in outcome.changes]
    return [c for c in found if c.old is not None or c.new is not None]
