"""A small, defensive TIFF structure reader for the two places previews hide in a JPEG.

EXIF (APP1) and MPF (APP2) both store a TIFF header followed by image file directories. Only
the tags a preview needs are read, and every offset and count is checked against the bytes
actually present, so a hostile file can claim anything without making us read or allocate
more than the segment holds.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

#: Bytes per value of the TIFF field types we meet (BYTE, ASCII, SHORT, LONG, RATIONAL,
#: SBYTE, UNDEFINED, SSHORT, SLONG, SRATIONAL).
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8}
#: No real directory has more entries; a larger count is garbage.
MAX_ENTRIES = 512


class TiffError(ValueError):
    """The structure is damaged; ``str()`` says where, for the log and the user's sentence."""


@dataclass(frozen=True)
class Entry:
    """One directory entry: ``offset`` is where its values start inside the TIFF data."""

    tag: int
    type: int
    count: int
    offset: int


class Tiff:
    """Directories of one TIFF byte string (offsets relative to its first byte)."""

    def __init__(self, data: bytes) -> None:
        if data[:4] == b"II*\x00":
            self._order = "<"
        elif data[:4] == b"MM\x00*":
            self._order = ">"
        else:
            raise TiffError("no TIFF header")
        self._data = data
        self.first_ifd = self._u32(4)

    def directory(self, offset: int) -> tuple[dict[int, Entry], int]:
        """The entries of the directory at ``offset``, and the next directory's offset (0)."""
        count = self._u16(offset)
        if count > MAX_ENTRIES:
            raise TiffError(f"a directory claims {count} entries")
        entries: dict[int, Entry] = {}
        for index in range(count):
            at = offset + 2 + 12 * index
            tag, kind, values = struct.unpack_from(self._order + "HHI", self._check(at, 12), at)
            size = _TYPE_SIZES.get(kind)
            if size is None:
                continue  # unknown type: skip the entry, as readers must
            length = size * values
            where = at + 8 if length <= 4 else self._u32(at + 8)
            entries[tag] = Entry(tag, kind, values, where)
        return entries, self._u32(offset + 2 + 12 * count)

    def integer(self, entry: Entry) -> int:
        """The first value of a SHORT or LONG entry."""
        if entry.type == 3:
            return self._u16(entry.offset)
        if entry.type == 4:
            return self._u32(entry.offset)
        raise TiffError(f"tag {entry.tag:#06x} is not an integer")

    def raw(self, entry: Entry) -> bytes:
        """The bytes of an entry's values, checked to be inside the data."""
        length = _TYPE_SIZES[entry.type] * entry.count
        self._check(entry.offset, length)
        return self._data[entry.offset : entry.offset + length]

    def unpack(self, layout: str, data: bytes, offset: int = 0) -> tuple[int, ...]:
        """``struct.unpack_from`` in this file's byte order."""
        if offset + struct.calcsize(self._order + layout) > len(data):
            raise TiffError("a value runs past its entry")
        values: tuple[int, ...] = struct.unpack_from(self._order + layout, data, offset)
        return values

    def __len__(self) -> int:
        return len(self._data)

    def _u16(self, offset: int) -> int:
        value: int = struct.unpack_from(self._order + "H", self._check(offset, 2), offset)[0]
        return value

    def _u32(self, offset: int) -> int:
        value: int = struct.unpack_from(self._order + "I", self._check(offset, 4), offset)[0]
        return value

    def _check(self, offset: int, length: int) -> bytes:
        if offset < 0 or offset + length > len(self._data):
            raise TiffError(f"an offset points past the end ({offset} + {length} > {len(self)})")
        return self._data


#: EXIF tags: orientation in IFD0; the thumbnail's compression, offset and length in IFD1.
ORIENTATION = 0x0112
COMPRESSION = 0x0103
THUMBNAIL_OFFSET = 0x0201
THUMBNAIL_LENGTH = 0x0202
_JPEG_COMPRESSION = 6  # "old-style JPEG": what every camera writes for its IFD1 thumbnail


@dataclass(frozen=True)
class ExifPreview:
    """What EXIF says: the orientation (1 when absent) and the thumbnail's place, if any.

    Attributes:
        orientation: EXIF orientation 1–8.
        thumbnail: ``(offset, length)`` inside the TIFF data, or None.
    """

    orientation: int
    thumbnail: tuple[int, int] | None


def read_exif(data: bytes) -> ExifPreview:
    """Orientation and IFD1 thumbnail of an EXIF TIFF block (the APP1 payload after ``Exif``)."""
    tiff = Tiff(data)
    ifd0, next_ifd = tiff.directory(tiff.first_ifd)
    orientation = 1
    if ORIENTATION in ifd0:
        value = tiff.integer(ifd0[ORIENTATION])
        orientation = value if 1 <= value <= 8 else 1
    if next_ifd == 0 or next_ifd == tiff.first_ifd:
        return ExifPreview(orientation, None)
    ifd1, _ = tiff.directory(next_ifd)
    if THUMBNAIL_OFFSET not in ifd1 or THUMBNAIL_LENGTH not in ifd1:
        return ExifPreview(orientation, None)
    if COMPRESSION in ifd1 and tiff.integer(ifd1[COMPRESSION]) != _JPEG_COMPRESSION:
        return ExifPreview(orientation, None)  # an uncompressed thumbnail: too rare to read
    offset = tiff.integer(ifd1[THUMBNAIL_OFFSET])
    length = tiff.integer(ifd1[THUMBNAIL_LENGTH])
    if length == 0 or offset + length > len(tiff):
        raise TiffError(
            f"the EXIF thumbnail claims {length:,} bytes at {offset:,}, "
            f"past the {len(tiff):,} bytes of its segment"
        )
    return ExifPreview(orientation, (offset, length))
