"""Sidecars travel with their image: what is done to an image is done to its XMP sidecars.

After an image is trashed, deleted, moved, copied or renamed, each sidecar that belongs to it
(``viewer.core.folder.sidecars``: ``NAME.EXT.xmp``, and ``NAME.xmp`` where it is this
image's) gets the same operation with the same safety steps, renamed to follow the image
(``IMG_0001.CR2.xmp`` → ``keeper.CR2.xmp``). Each becomes a ``Record`` marked ``companion``
in the same journal entry, so undo brings it back too. A cancel does not stop a sidecar
half-way through its image: the image went, so its sidecars follow. A sidecar that cannot
follow stays where it is, with a sentence; it is never lost, and never overwrites another
file unless its image replaced one too.
"""

from __future__ import annotations

import dataclasses
import os

from viewer.core.fileops.errors import CancelToken, FileOpError, describe
from viewer.core.fileops.journal import Record
from viewer.core.fileops.transfer import Context, copy_file, move_file
from viewer.core.fileops.trash import NoTrash, delete_file, trash_file
from viewer.core.folder.sidecars import moved_sidecar_name, sidecars_of


class Companions:
    """Carries sidecars along for one batch; lists each folder once."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._listings: dict[str, list[str]] = {}

    def _names(self, folder: str) -> list[str]:
        if folder not in self._listings:
            try:
                self._listings[folder] = self._ctx.fs.listdir(folder or ".")
            except OSError:
                self._listings[folder] = []
        return self._listings[folder]

    def carry(self, record: Record, replace: bool = False) -> tuple[list[Record], list[str]]:
        """Do ``record``'s operation to its image's sidecars: their records, and a
        sentence for each that stayed behind."""
        folder, image = os.path.split(record.source)
        names = self._names(folder)
        # Uncancellable: a sidecar does not stay behind because Esc came after its image.
        ctx = dataclasses.replace(self._ctx, token=CancelToken())
        records: list[Record] = []
        problems: list[str] = []
        for sidecar in sidecars_of(record.source, names):
            try:
                done = self._one(ctx, record, sidecar, replace)
            except FileOpError as error:
                problems.append(f"The sidecar of {image} stayed behind: {error}")
                continue
            except OSError as error:
                target = os.path.dirname(record.target or record.source)
                problems.append(str(describe(error, record.kind, sidecar, target)))
                continue
            if done is not None:
                records.append(done)
                names.remove(os.path.basename(sidecar))
        return records, problems

    def _one(self, ctx: Context, record: Record, sidecar: str, replace: bool) -> Record | None:
        kind = record.kind
        if kind == "trash":
            try:
                entry = trash_file(ctx, sidecar, None)
            except NoTrash:
                return None
            return Record("trash", sidecar, trash=entry, companion=True)
        if kind == "delete":
            delete_file(ctx, sidecar, None)
            return Record("delete", sidecar, companion=True)
        assert record.target is not None
        image, new_image = os.path.basename(record.source), os.path.basename(record.target)
        new_name = moved_sidecar_name(os.path.basename(sidecar), image, new_image)
        target = os.path.join(os.path.dirname(record.target), new_name)
        if ctx.fs.exists(target) and not ctx.fs.same_file(sidecar, target) and not replace:
            raise FileOpError(f"a file named {new_name} is already there.")
        if kind == "move":
            stamp = move_file(ctx, sidecar, target, replace, None)
        elif kind == "copy":
            stamp = copy_file(ctx, "copy", sidecar, target, replace, None)
        else:
            ctx.step("place", sidecar)
            ctx.fs.rename_new(sidecar, target)
            stamp = ctx.fs.stamp(target)
        return Record(kind, sidecar, target, stamp, companion=True)
