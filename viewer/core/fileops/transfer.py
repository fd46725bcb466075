"""Moving and copying one file so that an interruption at any step loses nothing.

Within one file system a move is a rename. Across file systems (a local disk and a share) a
move is done in steps, each announced to the progress callback and preceded by a cancel check:

1. ``open``: create a new file under a hidden temporary name in the target folder;
2. ``copy``: copy the bytes in chunks, hashing what is read;
3. ``flush``: flush the copy to the disk or server (``fsync``) and close it;
4. ``verify``: check its size, and read it back to compare checksums if it is small;
5. ``place``: rename it to its final name (never over a file, unless told to replace);
6. ``remove``: only then delete the source.

An error, a cancel or a killed process before step 5 leaves the source and at most the
temporary file, never a file under the final name; a cancel at step 6 removes the placed copy.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.fileops.errors import Cancelled, CancelToken, FileOpError, changed_since_listed
from viewer.core.fileops.fs import FileSystem
from viewer.core.reading import FileStamp

STEPS = ("open", "copy", "flush", "verify", "place", "remove")
CHUNK_BYTES = 1 << 20
#: Copies up to this size are read back and compared by checksum; larger ones by size only,
#: since reading back a big file over a slow link doubles the time the copy takes.
VERIFY_LIMIT = 16 << 20
PARTIAL_SUFFIX = ".viewer-part"


@dataclass(frozen=True)
class Progress:
    """Where a batch stands: file ``index`` of ``count``, at ``step``, ``done`` of ``total``
    bytes of that file."""

    step: str
    name: str
    done: int
    total: int
    index: int
    count: int


ProgressCallback = Callable[[Progress], None]


def no_progress(progress: Progress) -> None:
    """Progress for callers that show none."""


@dataclass
class Context:
    """What every step needs: the file system, the cancel token, and where to report."""

    fs: FileSystem
    token: CancelToken
    progress: ProgressCallback = no_progress
    index: int = 0
    count: int = 1
    verify_limit: int = VERIFY_LIMIT

    def step(self, step: str, path: str, done: int = 0, total: int = 0) -> None:
        """Announce ``step``, then stop if a cancel came (even from the announcement)."""
        self.progress(Progress(step, os.path.basename(path), done, total, self.index, self.count))
        self.token.check()


def partial_name(target: str) -> str:
    """A hidden name beside ``target`` that no other copy picks, for the bytes in transit."""
    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name[:180]}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


def check_unchanged(ctx: Context, action: str, source: str, listed: FileStamp | None) -> FileStamp:
    """The source's stamp now; FileOpError if it differs from the one it was listed with."""
    now = ctx.fs.stamp(source)
    if listed is not None and now != listed:
        raise changed_since_listed(action, source)
    return now


def _copy_bytes(ctx: Context, source: str, handle: object, total: int) -> str:
    """Copy in chunks, checking for a cancel between them; the sha256 of what was read, if
    the copy will be read back to compare ("" if not: hashing costs 1 ms per MiB)."""
    digest = hashlib.sha256() if total <= ctx.verify_limit else None
    done = 0
    with ctx.fs.open_read(source) as reader:
        while True:
            ctx.step("copy", source, done, total)
            chunk = reader.read(CHUNK_BYTES)
            if not chunk:
                return "" if digest is None else digest.hexdigest()
            if digest is not None:
                digest.update(chunk)
            ctx.fs.write(handle, chunk)  # type: ignore[arg-type]
            done += len(chunk)


def _verify(ctx: Context, source: str, partial: str, size: int, digest: str) -> None:
    written = ctx.fs.stamp(partial).size
    name = os.path.basename(source)
    if written != size:
        raise FileOpError(f"The copy of {name} came out {written} bytes, not {size}.")
    if size > ctx.verify_limit:
        return
    check = hashlib.sha256()
    with ctx.fs.open_read(partial) as reader:
        for chunk in iter(lambda: reader.read(CHUNK_BYTES), b""):
            check.update(chunk)
    if check.hexdigest() != digest:
        raise FileOpError(f"The copy of {name} did not match the original.")


def copy_file(
    ctx: Context, action: str, source: str, target: str, replace: bool, listed: FileStamp | None
) -> FileStamp:
    """Steps 1–5: a verified copy of ``source`` under ``target``; the copy's stamp."""
    start = check_unchanged(ctx, action, source, listed)
    partial = partial_name(target)
    ctx.step("open", source, 0, start.size)
    handle = ctx.fs.create_new(partial)
    placed = False
    try:
        digest = _copy_bytes(ctx, source, handle, start.size)
        ctx.step("flush", source, start.size, start.size)
        ctx.fs.flush(handle)
        handle.close()
        ctx.step("verify", source, start.size, start.size)
        _verify(ctx, source, partial, start.size, digest)
        with contextlib.suppress(OSError):  # a share may refuse times; the bytes are what count
            os.utime(partial, ns=(start.mtime_ns, start.mtime_ns))
        check_unchanged(ctx, action, source, start)
        ctx.step("place", source, start.size, start.size)
        if replace:
            ctx.fs.replace(partial, target)
        else:
            ctx.fs.rename_new(partial, target)
        placed = True
    finally:
        with contextlib.suppress(OSError):
            handle.close()
        if not placed:
            with contextlib.suppress(OSError):
                ctx.fs.unlink(partial)
    ctx.fs.flush_folder(os.path.dirname(target))
    return ctx.fs.stamp(target)


def _rename(ctx: Context, source: str, target: str, replace: bool) -> None:
    if replace:
        ctx.fs.replace(source, target)
    else:
        ctx.fs.rename_new(source, target)


def move_file(
    ctx: Context, source: str, target: str, replace: bool, listed: FileStamp | None
) -> FileStamp:
    """Move ``source`` to ``target``: a rename if one file system holds both, else steps 1–6."""
    folder = os.path.dirname(target)
    if ctx.fs.same_device(source, folder):
        check_unchanged(ctx, "move", source, listed)
        ctx.step("place", source)
        try:
            _rename(ctx, source, target, replace)
            return ctx.fs.stamp(target)
        except OSError as error:
            if error.errno != errno.EXDEV:  # a bind mount or overlay: copy after all
                raise
    placed = copy_file(ctx, "move", source, target, replace, listed)
    try:
        ctx.step("remove", source, placed.size, placed.size)
        ctx.fs.unlink(source)
    except (Cancelled, OSError):
        _take_back(ctx, target, placed)
        raise
    ctx.fs.flush_folder(os.path.dirname(source))
    return placed


def _take_back(ctx: Context, target: str, placed: FileStamp) -> None:
    """Remove a copy just placed, when its move is called off before the source went."""
    with contextlib.suppress(OSError):
        if ctx.fs.stamp(target) == placed:
            ctx.fs.unlink(target)
