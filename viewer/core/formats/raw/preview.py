"""Camera RAW: the embedded JPEG preview, read as a range; a demosaic only when it is needed.

A 25 MB RAW carries a camera-made JPEG, often full size, that shows what the photographer saw.
Reading its directories (a 64 KB head and a few small reads) and then only the preview's byte
range costs a fraction of the file over a share. ``rawpy`` (LibRaw) demosaics the sensor data
only when the user zooms past the preview's resolution, or when a file has no preview.

Where the preview lives: TIFF-structured RAWs (CR2, NEF, ARW, DNG, PEF, ORF, and RW2 with its
own magic) name it in an IFD or sub-IFD; RAF gives its offset in the header; CR3 keeps it in
a PRVW box inside a Canon UUID box.
"""

from __future__ import annotations

import io
import os
import struct
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np

from viewer.core.io.cancel import check_cancelled
from viewer.core.metadata.exif import ORIENTATION, orientation_in
from viewer.core.metadata.tiff_ifd import ByteSource, Directory, TiffReader

#: The head read first: every directory and EXIF block of the formats above starts in it.
HEAD_BYTES = 1 << 16
_CHUNK = 1 << 20
_SUB_IFDS, _JPEG_OFFSET, _JPEG_LENGTH, _RW2_JPEG = 0x014A, 0x0201, 0x0202, 0x002E
_COMPRESSION, _PHOTOMETRIC, _BITS, _STRIPS, _STRIP_BYTES = 0x0103, 0x0106, 0x0102, 0x0111, 0x0117
_WIDTH, _HEIGHT, _CR2_SLICES = 0x0100, 0x0101, 0xC640
_JPEG_COMPRESSIONS = frozenset({6, 7})
_SENSOR_PHOTOMETRICS = frozenset({32803, 34892})  # CFA, LinearRaw: sensor data, not a picture
_CANON_PREVIEW_UUID = bytes.fromhex("eaf42b5e1c984b88b9fbb7dc406e4d16")
MISSING_RAWPY = "install the Python package “rawpy” to develop RAW files (pip install rawpy)"


class RawError(Exception):
    """A RAW file's pixels cannot be had; ``str()`` is a sentence for the user."""


@dataclass(frozen=True)
class Preview:
    """Where the embedded JPEG is, and what the RAW's own directory says about it."""

    offset: int
    length: int
    orientation: int = 1  # from IFD0: the embedded JPEG rarely carries its own


class HeadSource:
    """Serves reads from the head already in memory, and from the file beyond it."""

    def __init__(self, file: BinaryIO, head: bytes) -> None:
        self._file = file
        self.head = head
        self.extra_reads = 0  # reads past the head: what the share is asked for beyond it

    def __call__(self, offset: int, length: int) -> bytes:
        if offset < 0:
            return b""
        if offset + length <= len(self.head):
            return self.head[offset : offset + length]
        self.extra_reads += 1
        self._file.seek(offset)
        return self._file.read(length)


def find_preview(source: ByteSource, file_size: int) -> Preview | None:
    """The largest embedded JPEG a RAW file names, or None where it names none."""
    head = source(0, 16)
    if head.startswith(b"FUJIFILMCCD-RAW "):
        offset, length = struct.unpack(">II", source(84, 8) or bytes(8))
        return _checked(Preview(offset, length), file_size)
    if head[4:12] == b"ftypcrx ":
        return _checked(_cr3_preview(source, file_size), file_size)
    reader = TiffReader.open(source)
    if reader is None:
        return None
    directories = reader.chain()
    orientation = orientation_in(directories[0]) if directories else 1
    for parent in list(directories):
        for offset in parent.integers(_SUB_IFDS)[:8]:
            if (child := reader.directory(offset)) is not None:
                directories.append(child)
    candidates = [span for d in directories if (span := _jpeg_span(d)) is not None]
    candidates = [c for c in candidates if c[1] > 0 and c[0] + c[1] <= file_size]
    if not candidates:
        return None
    offset, length = max(candidates, key=lambda span: span[1])
    return Preview(offset, length, orientation)


def sensor_size(source: ByteSource) -> tuple[int, int] | None:
    """The largest picture a TIFF-based RAW's directories describe: its sensor's (w, h).

    Stored size, before orientation. None where the format keeps it elsewhere (RAF, CR3).
    """
    reader = TiffReader.open(source)
    if reader is None:
        return None
    directories = reader.chain()
    for parent in list(directories):
        directories += [d for o in parent.integers(_SUB_IFDS)[:8]
                        if (d := reader.directory(o)) is not None]  # fmt: skip
    sizes = [(d.integer(_WIDTH) or 0, d.integer(_HEIGHT) or 0) for d in directories]
    best = max(sizes, key=lambda size: size[0] * size[1], default=(0, 0))
    return best if best[0] > 0 and best[1] > 0 else None


def with_orientation(jpeg: bytes, orientation: int) -> bytes:
    """The preview with an EXIF orientation in front, so the JPEG decoder turns it upright.

    Embedded previews seldom carry the RAW's orientation; the first Exif segment is the one
    decoders read, so this one wins over any the preview has.
    """
    if orientation == 1 or not jpeg.startswith(b"\xff\xd8"):
        return jpeg
    tiff = b"II*\0" + struct.pack("<IHHHIHHI", 8, 1, ORIENTATION, 3, 1, orientation, 0, 0)
    segment = b"Exif\0\0" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + jpeg[2:]


def _jpeg_span(directory: Directory) -> tuple[int, int] | None:
    """A directory's JPEG picture (offset, length); None for sensor data or nothing."""
    if _RW2_JPEG in directory.spans:
        return directory.spans[_RW2_JPEG]
    offset, length = directory.integer(_JPEG_OFFSET), directory.integer(_JPEG_LENGTH)
    if offset and length:
        return offset, length
    if directory.integer(_COMPRESSION) not in _JPEG_COMPRESSIONS:
        return None
    if directory.integer(_PHOTOMETRIC) in _SENSOR_PHOTOMETRICS or _CR2_SLICES in directory.tags:
        return None
    if max(directory.integers(_BITS), default=8) > 8:
        return None
    strips, counts = directory.integers(_STRIPS), directory.integers(_STRIP_BYTES)
    if len(strips) != 1 or len(counts) != 1:
        return None
    return strips[0], counts[0]


def _cr3_preview(source: ByteSource, file_size: int) -> Preview | None:
    """CR3: the PRVW box inside the top-level preview UUID box holds a JPEG to the box's end."""
    position = 0
    for _ in range(64):  # top-level boxes; a CR3 has a handful
        header = source(position, 24)
        if len(header) < 8:
            return None
        size, kind = struct.unpack(">I4s", header[:8])
        if size == 1 and len(header) >= 16:
            (size,) = struct.unpack(">Q", header[8:16])
        if size < 8:
            return None
        if kind == b"uuid" and header[8:24] == _CANON_PREVIEW_UUID:
            box = source(position + 24, min(size - 24, 256))
            start = box.find(b"\xff\xd8\xff")
            if start < 0:
                return None
            return Preview(position + 24 + start, size - 24 - start)
        position += size
        if position >= file_size:
            return None
    return None


def _checked(preview: Preview | None, file_size: int) -> Preview | None:
    if preview is None or preview.length <= 0 or preview.offset + preview.length > file_size:
        return None
    return preview


def read_range(file: BinaryIO, offset: int, length: int) -> bytes:
    """Read ``length`` bytes at ``offset`` in chunks, stopping if the load is called off."""
    file.seek(offset)
    chunks, left = [], length
    while left > 0:
        check_cancelled()
        chunk = file.read(min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass
class RawRead:
    """What one ranged read of a RAW brought: its head, and the preview JPEG if it has one."""

    head: bytes
    preview: bytes | None
    orientation: int
    file_size: int
    mtime_ns: int
    source: HeadSource


def read_preview(file: BinaryIO) -> RawRead:
    """Read a RAW's head and its preview's range from an open file (no rest of the file)."""
    status = os.fstat(file.fileno())
    head = read_range(file, 0, HEAD_BYTES)
    source = HeadSource(file, head)
    found = find_preview(source, status.st_size)
    jpeg = None
    if found is not None:
        check_cancelled()
        jpeg = source(found.offset, found.length)
        if not jpeg.startswith(b"\xff\xd8"):
            jpeg = None
    orientation = found.orientation if found is not None else 1
    return RawRead(head, jpeg, orientation, status.st_size, status.st_mtime_ns, source)


def develop(data: bytes, name: str, half_size: bool = False) -> np.ndarray:
    """Demosaic a whole RAW file with LibRaw: ``(height, width, 3)`` uint8 RGB, upright.

    Raises:
        RawError: rawpy is not installed, or LibRaw cannot read the file.
    """
    try:
        import rawpy
    except ImportError:
        raise RawError(f"{name} has no preview to show: {MISSING_RAWPY}.") from None
    try:
        with rawpy.imread(io.BytesIO(data)) as raw:
            pixels = raw.postprocess(use_camera_wb=True, output_bps=8, half_size=half_size)
    except (rawpy.LibRawError, ValueError, OSError) as error:
        raise RawError(f"{name} cannot be developed: {error}.") from None
    return np.ascontiguousarray(pixels, dtype=np.uint8)
