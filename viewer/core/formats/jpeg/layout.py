"""The start of a JPEG, walked marker by marker: main image size, EXIF and MPF segments.

The first 64 KB are read in one request; the read grows only to the end of an APP1 (EXIF)
or APP2 (MPF) segment whose header says it runs further, or to the next segment header, and
never past ``MAX_HEADER_BYTES``: the whole file is never read here.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from viewer.core.formats.geometry import Size
from viewer.core.io.ranged import RangeReader, read_range, read_whole
from viewer.core.io.reading import DecodeError
from viewer.core.metadata.jpeg_segments import MarkerError, Truncated, segments

PREFIX_BYTES = 64 * 1024
#: Where the walk gives up looking for the frame header (large ICC or XMP segments).
MAX_HEADER_BYTES = 256 * 1024
_STEP_BYTES = 16 * 1024  # how much to read ahead when a segment header lies past the prefix
_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_PROGRESSIVE = frozenset({0xC2, 0xC6, 0xCA, 0xCE})
_EXIF_ID = b"Exif\x00\x00"
_MPF_ID = b"MPF\x00"
_ICC_ID = b"ICC_PROFILE\x00"


@dataclass(frozen=True)
class JpegLayout:
    """What a JPEG's header says about its previews.

    Attributes:
        size: the main image's stored (width, height), before EXIF orientation.
        progressive: whether the main image is progressive (slower to decode reduced).
        exif: the EXIF TIFF data, or None.
        mpf: the MPF TIFF data, or None.
        mpf_offset: the file offset of the MPF TIFF header (MPF offsets count from there).
        components: colour components of the main image: 1 grey, 3 YCbCr, 4 CMYK.
        icc: whether an APP2 segment carries an ICC profile.
    """

    size: Size
    progressive: bool
    exif: bytes | None
    mpf: bytes | None
    mpf_offset: int
    components: int = 3
    icc: bool = False


class Head:
    """The first bytes of a file, grown on demand, contiguous; ``whole()`` reads the rest.

    ``file_size`` None: not known (the first frame reads before it stats); a short read is
    then the end of the file.
    """

    def __init__(self, reader: RangeReader, path: str, file_size: int | None) -> None:
        self.reader = reader
        self.path = path
        self._size = file_size
        self._limit = MAX_HEADER_BYTES if file_size is None else min(file_size, MAX_HEADER_BYTES)
        self.data = read_range(reader, path, 0, min(PREFIX_BYTES, self._limit))

    @property
    def file_size(self) -> int:
        """The file's size: only a head made with it knows it."""
        assert self._size is not None, "this head was made without the file's size"
        return self._size

    def knows_size(self) -> bool:
        return self._size is not None

    def whole(self) -> bytes:
        """The whole file: what was read already, and the rest."""
        return read_whole(self.reader, self.path, self.file_size, self.data)

    def ensure(self, end: int, ahead: int = 0) -> bool:
        """Have at least ``end`` bytes (reading ``ahead`` more at once); False if it can't."""
        if end <= len(self.data):
            return True
        if end > self._limit:
            return False
        want = min(max(end, len(self.data) + ahead), self._limit)
        more = read_range(self.reader, self.path, len(self.data), want - len(self.data))
        self.data += more
        return end <= len(self.data)


def is_jpeg(start: bytes) -> bool:
    return start[:3] == b"\xff\xd8\xff"


def read_layout(prefix: Head) -> JpegLayout | None:
    """Walk the markers of a file up to its frame header; None if it is not a JPEG.

    Raises:
        DecodeError: the header is damaged or truncated (with a sentence).
    """
    name = os.path.basename(prefix.path)
    if not is_jpeg(prefix.data):
        return None
    exif: bytes | None = None
    mpf: bytes | None = None
    mpf_offset, icc = 0, False
    try:
        for segment in segments(prefix, _STEP_BYTES):
            marker, start, end = segment.marker, segment.start, segment.end
            if marker in _FRAME_MARKERS:
                size, components = _frame(prefix, name, start)
                return JpegLayout(size, marker in _PROGRESSIVE, exif, mpf, mpf_offset,
                                  components, icc)  # fmt: skip
            if marker in (0xE1, 0xE2) and prefix.ensure(start + 6, _STEP_BYTES):
                ident = prefix.data[start : start + len(_ICC_ID)]
                if marker == 0xE1 and exif is None and ident[:6] == _EXIF_ID:
                    exif = _segment(prefix, name, "EXIF", start + 6, end)
                elif marker == 0xE2 and mpf is None and ident[:4] == _MPF_ID:
                    mpf, mpf_offset = _segment(prefix, name, "MPF", start + 4, end), start + 4
                elif marker == 0xE2 and ident == _ICC_ID:
                    icc = True
    except Truncated:
        read = len(prefix.data)
        raise DecodeError(f"{name}: no image size within the first {read:,} bytes.") from None
    except MarkerError as error:
        raise DecodeError(f"{name} is damaged: {error}.") from None
    raise DecodeError(f"{name} is damaged: its image data starts before its size.")


def _frame(prefix: Head, name: str, start: int) -> tuple[Size, int]:
    """The (width, height) and the number of components a frame header starting at
    ``start`` (after its length) states."""
    if not prefix.ensure(start + 6):
        raise DecodeError(f"{name} is truncated inside its frame header.")
    height, width = struct.unpack_from(">HH", prefix.data, start + 1)
    if width == 0 or height == 0:
        raise DecodeError(f"{name} is damaged: its frame header claims {width}×{height}.")
    return (width, height), prefix.data[start + 5]


def _segment(prefix: Head, name: str, what: str, start: int, end: int) -> bytes:
    """The payload of a segment, growing the read to the end its header states."""
    if prefix.knows_size() and end > prefix.file_size:
        raise DecodeError(
            f"{name} is truncated: its {what} segment ends at byte {end:,}, "
            f"past the end of the file ({prefix.file_size:,} bytes)."
        )
    if not prefix.ensure(end):
        raise DecodeError(
            f"{name}: its {what} segment lies past the first {MAX_HEADER_BYTES:,} bytes."
        )
    return prefix.data[start:end]
