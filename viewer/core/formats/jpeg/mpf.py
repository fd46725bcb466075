"""The MPF (CIPA DC-007) index of a camera JPEG: where its screen-sized preview is.

Many cameras append a "large thumbnail" (VGA or Full HD) after the main image and list it in
an APP2 ``MPF`` segment near the start of the file. One ranged read of exactly that preview
is a fraction of the file, and sharp enough to show full screen while the real image loads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.io.reading import DecodeError
from viewer.core.metadata.tiff_ifd import TiffError, TiffReader

if TYPE_CHECKING:
    from viewer.core.formats.jpeg.layout import JpegLayout

_NUMBER_OF_IMAGES = 0xB001
_MP_ENTRY = 0xB002
_ENTRY_BYTES = 16
#: MP types of the "large thumbnail" classes: VGA equivalent, Full HD equivalent.
LARGE_THUMBNAIL_TYPES = frozenset({0x010001, 0x010002})
PRIMARY_TYPE = 0x030000
_JPEG_FORMAT = 0  # image data format bits of the attribute: 0 is JPEG
#: No camera stores more; a larger claim is a damaged index.
MAX_IMAGES = 64


@dataclass(frozen=True)
class MpEntry:
    """One image of a multi-picture file.

    Attributes:
        mp_type: the MP type code (``attribute & 0xFFFFFF``).
        data_format: 0 for JPEG.
        size: its length in bytes.
        offset: where it starts, relative to the MPF TIFF header (0 for the first image).
    """

    mp_type: int
    data_format: int
    size: int
    offset: int

    @property
    def is_large_thumbnail(self) -> bool:
        return self.mp_type in LARGE_THUMBNAIL_TYPES and self.data_format == _JPEG_FORMAT


def read_mpf(data: bytes) -> list[MpEntry]:
    """The images an MPF index lists (the APP2 payload after ``MPF\\0``), in order.

    Raises:
        TiffError: the index is damaged.
    """
    reader = TiffReader.strict(data)
    index = reader.directory(reader.first_offset)
    if index is None:
        raise TiffError(f"the MPF index is at {reader.first_offset:,}")
    raw = index.tags.get(_MP_ENTRY)
    if not isinstance(raw, bytes):
        if _MP_ENTRY in index.spans:
            raise TiffError("the MPF image list lies past the end of its segment")
        raise TiffError("the MPF index has no image list")
    count = len(raw) // _ENTRY_BYTES
    listed = index.integer(_NUMBER_OF_IMAGES)
    if listed is not None:
        count = min(count, listed)
    if count > MAX_IMAGES:
        raise TiffError(f"the MPF index claims {count} images")
    layout = ("<" if reader.little else ">") + "III"
    entries = []
    for number in range(max(count, 0)):
        attribute, size, offset = struct.unpack_from(layout, raw, number * _ENTRY_BYTES)
        entries.append(MpEntry(attribute & 0xFFFFFF, (attribute >> 24) & 0x7, size, offset))
    return entries


def large_thumbnails(entries: list[MpEntry]) -> list[MpEntry]:
    """The large-thumbnail previews, smallest first (the index order is not guaranteed)."""
    return sorted((e for e in entries if e.is_large_thumbnail and e.offset > 0), key=_size)


def _size(entry: MpEntry) -> int:
    return entry.size


def mpf_preview_entry(layout: JpegLayout, file_size: int | None, name: str) -> MpEntry | None:
    """The largest MPF large thumbnail (the index gives bytes, not pixels; cameras store one).

    Every listed preview must lie inside the file, or the index is not trusted at all
    (``file_size`` None: not known yet, and the read of the preview's range finds out).

    Raises:
        DecodeError: the index is damaged, or claims bytes past the end of the file.
    """
    if layout.mpf is None:
        return None
    try:
        entries = large_thumbnails(read_mpf(layout.mpf))
    except TiffError as error:
        raise DecodeError(f"{name} has a damaged MPF index: {error}.") from None
    if not entries:
        return None
    entry = entries[-1]
    for end in (layout.mpf_offset + e.offset + e.size for e in entries):
        if file_size is not None and end > file_size:
            raise DecodeError(f"{name}: its MPF preview claims bytes past the end of the file.")
    return entry
