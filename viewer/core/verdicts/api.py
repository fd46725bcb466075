"""Reading and setting verdicts, for the viewer's workers and for scripts.

``read_verdicts`` reads only what the listing names: each image's sidecars and, for images
without one, the packet in the image's first 64 KB. ``set_verdict`` writes only sidecars,
never the image (see ``sidecars`` for which files and why), atomically (``atomic``),
changing only what the edit changes (``splice``). A sidecar another program changed since it
was read gets the edit applied to its new content, so that program's change stays. Each write
returns what undo needs: the previous bytes of every sidecar it touched, or that it made it.

Nothing here imports numpy, Pillow or Qt; every file call goes through a ``FileSystem``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.core.fileops.errors import CancelToken, describe
from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.transfer import Context, ProgressCallback, no_progress
from viewer.core.folder.sidecars import (
    SidecarStyle,
    is_image_like,
    new_sidecar_name,
    owns_stem_sidecar,
    sidecars_of,
)
from viewer.core.io.reading import FileStamp
from viewer.core.verdicts.atomic import Changed, read_limited, remove_checked, write_atomic
from viewer.core.verdicts.embedded import HEAD_BYTES, embedded_packet
from viewer.core.verdicts.errors import SidecarError
from viewer.core.verdicts.model import Edit, Verdict
from viewer.core.verdicts.packet import MAX_SIDECAR_BYTES, Packet, parse_packet
from viewer.core.verdicts.properties import verdict_of
from viewer.core.verdicts.splice import EMPTY_SIDECAR, splice_edit

#: How often a write starts again when another program changes the sidecar under it.
ATTEMPTS = 3


@dataclass(frozen=True)
class SidecarState:
    """One sidecar as read: its bytes and stamp (both None: it was not there)."""

    path: str
    data: bytes | None
    stamp: FileStamp | None


@dataclass(frozen=True)
class VerdictRead:
    """An image's verdict and where it came from.

    Attributes:
        source: the sidecar it was read from, the image itself (embedded XMP), or None.
        sidecars: the image's sidecars as read; hand them to ``set_verdict(seen=...)``.
    """

    image: str
    verdict: Verdict
    source: str | None
    sidecars: tuple[SidecarState, ...] = ()


@dataclass(frozen=True)
class SidecarChange:
    """One sidecar a write changed: ``before`` is None if the write created it."""

    path: str
    before: bytes | None
    after: bytes
    stamp: FileStamp


@dataclass(frozen=True)
class VerdictWrite:
    """What ``set_verdict`` did, and what ``undo_verdict`` needs.

    Attributes:
        verdict: the image's verdict now.
        changes: the sidecars written, in order (empty: the edit changed nothing).
        merged: a sidecar had changed since ``seen`` was read; the edit went into its new
            content, keeping the other program's change.
    """

    image: str
    verdict: Verdict
    changes: tuple[SidecarChange, ...]
    merged: bool = False


def _context(fs: FileSystem | None, progress: ProgressCallback | None) -> Context:
    return Context(fs or FileSystem(), CancelToken(), progress or no_progress)


def _names(ctx: Context, image: str, names: Iterable[str] | None) -> list[str]:
    if names is not None:
        return list(names)
    return ctx.fs.listdir(os.path.dirname(image) or ".")


def _read_sidecar(ctx: Context, path: str) -> tuple[SidecarState, Packet] | None:
    """A sidecar's state and packet; None if it is not there (the listing was older)."""
    try:
        data, stamp = read_limited(ctx, path, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SidecarError(str(describe(error, "read", path))) from None
    return SidecarState(path, data, stamp), parse_packet(data, os.path.basename(path))


def _embedded(ctx: Context, image: str) -> Verdict | None:
    """The verdict in the image's first 64 KB; None if it has none (or none readable)."""
    try:
        with ctx.fs.open_read(image) as reader:
            head = reader.read(HEAD_BYTES)
    except OSError:
        return None
    packet = embedded_packet(head)
    if packet is None:
        return None
    try:
        return verdict_of(parse_packet(packet, os.path.basename(image)))
    except SidecarError:
        return None  # a damaged packet in an image says nothing; the image still shows


def _read(ctx: Context, image: str, names: list[str], embedded: bool = True) -> VerdictRead:
    states: list[SidecarState] = []
    verdict: Verdict | None = None
    source: str | None = None
    for path in sidecars_of(image, names):
        read = _read_sidecar(ctx, path)
        if read is None:
            continue
        states.append(read[0])
        if verdict is None:
            verdict, source = verdict_of(read[1]), path
    if verdict is None and embedded:
        verdict = _embedded(ctx, image)
        source = image if verdict is not None else None
    return VerdictRead(image, verdict or Verdict(), source, tuple(states))


def read_verdict(
    image: str, *, names: Iterable[str] | None = None, fs: FileSystem | None = None
) -> VerdictRead:
    """``image``'s verdict; ``names`` is its folder's listing (listed here if None).

    Raises:
        SidecarError: one of its sidecars cannot be read safely.
    """
    ctx = _context(fs, None)
    return _read(ctx, image, _names(ctx, image, names))


def read_verdicts(
    folder_or_paths: str | Iterable[str],
    *,
    names: Iterable[str] | None = None,
    fs: FileSystem | None = None,
    problems: dict[str, str] | None = None,
    embedded: bool = True,
) -> dict[str, Verdict]:
    """The verdict of every image in a folder, or of the images named.

    Each folder is listed once (or ``names`` is its listing, for one folder); only the
    sidecars it names are read, and for images without one, the first 64 KB of the image
    (unless ``embedded`` is False). An image whose sidecar cannot be read safely is left
    out, with its sentence in ``problems`` if given. Images without a verdict are unrated.
    """
    ctx = _context(fs, None)
    if isinstance(folder_or_paths, str):
        folder = folder_or_paths
        listed = list(names) if names is not None else ctx.fs.listdir(folder)
        images = [os.path.join(folder, n) for n in sorted(listed) if is_image_like(n)]
        listings = {folder: listed}
    else:
        images = list(folder_or_paths)
        listings = {}
        if names is not None:
            listings = {os.path.dirname(path): list(names) for path in images}
    found: dict[str, Verdict] = {}
    for image in images:
        folder = os.path.dirname(image)
        if folder not in listings:
            listings[folder] = ctx.fs.listdir(folder or ".")
        try:
            found[image] = _read(ctx, image, listings[folder], embedded).verdict
        except SidecarError as error:
            if problems is not None:
                problems[image] = str(error)
    return found


def _creation_path(image: str, names: list[str], style: SidecarStyle) -> str:
    folder, name = os.path.split(image)
    if style is SidecarStyle.NAME and not owns_stem_sidecar(name, names):
        style = SidecarStyle.NAME_EXT  # NAME.xmp would belong to the pair's RAW, not here
    return os.path.join(folder, new_sidecar_name(name, style))


def _rollback(ctx: Context, done: list[SidecarChange]) -> None:
    """Put back the sidecars this attempt already wrote (best effort: they are the
    viewer's own bytes, and a failure here leaves a valid sidecar either way)."""
    for change in reversed(done):
        with contextlib.suppress(OSError, SidecarError):
            if change.before is None:
                remove_checked(ctx, change.path, change.stamp)
            else:
                write_atomic(ctx, change.path, change.before, change.stamp)


def _attempt(
    ctx: Context, image: str, edit: Edit, names: list[str], style: SidecarStyle
) -> tuple[VerdictRead, list[SidecarChange], Verdict]:
    read = _read(ctx, image, names, embedded=False)
    done: list[SidecarChange] = []
    try:
        if not read.sidecars:
            seed = _embedded(ctx, image) or Verdict()
            wanted = edit.applied_to(seed)
            first = Edit.seed(wanted).against(Verdict())
            if first.empty:
                return read, done, wanted
            path = _creation_path(image, names, style)
            packet = parse_packet(EMPTY_SIDECAR, os.path.basename(path))
            data = splice_edit(packet, first, os.path.basename(path))
            stamp = write_atomic(ctx, path, data, None)
            done.append(SidecarChange(path, None, data, stamp))
            return read, done, wanted
        verdict = edit.applied_to(read.verdict)
        for state in read.sidecars:
            assert state.data is not None and state.stamp is not None
            name = os.path.basename(state.path)
            packet = parse_packet(state.data, name)
            needed = edit.against(verdict_of(packet))
            if needed.empty:
                continue
            data = splice_edit(packet, needed, name)
            stamp = write_atomic(ctx, state.path, data, state.stamp)
            done.append(SidecarChange(state.path, state.data, data, stamp))
        return read, done, verdict
    except BaseException:
        _rollback(ctx, done)
        raise


def set_verdict(
    image: str,
    edit: Edit,
    *,
    names: Iterable[str] | None = None,
    style: SidecarStyle = SidecarStyle.NAME_EXT,
    seen: VerdictRead | None = None,
    fs: FileSystem | None = None,
    progress: ProgressCallback | None = None,
) -> VerdictWrite:
    """Make ``edit`` to ``image``'s verdict in its sidecars (created in ``style`` if none).

    ``names`` is the folder's listing (listed here if None); ``seen`` is the read the user's
    decision was made on, to tell whether another program's change was merged.

    Raises:
        SidecarError: a sidecar cannot be read or changed safely, or the file system failed;
            every sidecar keeps its bytes, and ``str()`` says why in one sentence.
    """
    ctx = _context(fs, progress)
    listed = _names(ctx, image, names)
    for attempt in range(ATTEMPTS):
        try:
            read, done, verdict = _attempt(ctx, image, edit, listed, style)
        except Changed:
            if attempt == ATTEMPTS - 1:
                raise
            listed = ctx.fs.listdir(os.path.dirname(image) or ".")
            continue
        except OSError as error:
            folder = os.path.dirname(image)
            raise SidecarError(
                str(describe(error, "write the verdict of", image, folder))
            ) from None
        merged = seen is not None and _differs(seen.sidecars, read.sidecars)
        return VerdictWrite(image, verdict, tuple(done), merged)
    raise AssertionError("unreachable")  # pragma: no cover


def _differs(seen: tuple[SidecarState, ...], now: tuple[SidecarState, ...]) -> bool:
    return {(s.path, s.data) for s in seen} != {(s.path, s.data) for s in now}


def undo_verdict(
    write: VerdictWrite,
    *,
    fs: FileSystem | None = None,
    progress: ProgressCallback | None = None,
) -> None:
    """Restore every sidecar ``write`` changed to its previous bytes, or remove the one it
    created, if each still holds the bytes the write left.

    Raises:
        SidecarError: a sidecar changed since (it is kept as it is), or the file system
            failed.
    """
    ctx = _context(fs, progress)
    for change in reversed(write.changes):
        name = os.path.basename(change.path)
        kept = SidecarError(f"{name} changed since the verdict was set, so undo kept it.")
        try:
            data, stamp = read_limited(ctx, change.path, MAX_SIDECAR_BYTES)
        except FileNotFoundError:
            raise kept from None
        if data != change.after:  # bytes, not the stamp: an undo before this one rewrote them
            raise kept
        try:
            if change.before is None:
                remove_checked(ctx, change.path, stamp)
            else:
                write_atomic(ctx, change.path, change.before, stamp)
        except Changed:
            raise kept from None
        except OSError as error:
            folder = os.path.dirname(change.path)
            raise SidecarError(str(describe(error, "undo", change.path, folder))) from None
