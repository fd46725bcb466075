"""Replacing a sidecar so that a kill or a dropped share leaves the old one or the new one.

Steps, each announced to the context's progress (so tests can stop or kill there):

1. ``open``: create a hidden temporary file beside the sidecar (never over anything);
2. ``write`` and ``flush``: write the bytes, ``fsync`` them, close;
3. ``place``: check the sidecar is still the version the edit was made on, then rename the
   temporary file over it (``os.replace``; a new sidecar never replaces a file that appeared
   meanwhile), then ``fsync`` the folder.

The old file's permission bits are kept. An error at any step removes the temporary file,
and the sidecar keeps its bytes. All calls go through ``viewer.core.fileops.fs.FileSystem``.
"""

from __future__ import annotations

import contextlib
import os
import stat

from viewer.core.fileops.transfer import Context, partial_name
from viewer.core.io.reading import FileStamp
from viewer.core.verdicts.errors import SidecarError

WRITE_STEPS = ("open", "write", "flush", "place")


class Changed(SidecarError):
    """The sidecar changed between its read and the rename; read it again and retry."""


def read_limited(ctx: Context, path: str, limit: int) -> tuple[bytes, FileStamp]:
    """At most ``limit + 1`` bytes of ``path`` and its stamp, taken before the read (so a
    change during the read shows as a changed stamp later)."""
    stamp = ctx.fs.stamp(path)
    with ctx.fs.open_read(path) as reader:
        data = reader.read(limit + 1)
    return data, stamp


def write_atomic(ctx: Context, path: str, data: bytes, expected: FileStamp | None) -> FileStamp:
    """Put ``data`` at ``path`` whole, if ``path`` is still as ``expected`` (None: absent).

    Raises:
        Changed: another program changed, removed or made the file meanwhile.
        OSError: the file system failed; the old file is as it was.
    """
    mode = None
    if expected is not None:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(path).st_mode)
    partial = partial_name(path)
    ctx.step("open", path, 0, len(data))
    handle = ctx.fs.create_new(partial)
    placed = False
    try:
        ctx.step("write", path, 0, len(data))
        ctx.fs.write(handle, data)
        ctx.step("flush", path, len(data), len(data))
        ctx.fs.flush(handle)
        handle.close()
        if mode is not None:
            with contextlib.suppress(OSError):  # a share may refuse modes; the bytes count
                os.chmod(partial, mode)
        ctx.step("place", path, len(data), len(data))
        _check_unchanged(ctx, path, expected)
        if expected is None:
            ctx.fs.rename_new(partial, path)
        else:
            ctx.fs.replace(partial, path)
        placed = True
    except FileExistsError:
        raise Changed(f"{os.path.basename(path)} appeared while the viewer wrote it.") from None
    finally:
        with contextlib.suppress(OSError):
            handle.close()
        if not placed:
            with contextlib.suppress(OSError):
                ctx.fs.unlink(partial)
    ctx.fs.flush_folder(os.path.dirname(path) or ".")
    return ctx.fs.stamp(path)


def _check_unchanged(ctx: Context, path: str, expected: FileStamp | None) -> None:
    name = os.path.basename(path)
    if expected is None:
        if ctx.fs.exists(path):
            raise Changed(f"{name} appeared while the viewer wrote it.")
        return
    try:
        now = ctx.fs.stamp(path)
    except FileNotFoundError:
        raise Changed(f"{name} was removed while the viewer wrote it.") from None
    if now != expected:
        raise Changed(f"{name} changed while the viewer wrote it.")


def remove_checked(ctx: Context, path: str, expected: FileStamp) -> None:
    """Remove ``path`` if it is still as ``expected`` (undo of a sidecar the viewer made)."""
    ctx.step("place", path)
    _check_unchanged(ctx, path, expected)
    ctx.fs.unlink(path)
    ctx.fs.flush_folder(os.path.dirname(path) or ".")
