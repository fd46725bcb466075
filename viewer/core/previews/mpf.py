"""The MPF (CIPA DC-007) index of a camera JPEG: where its screen-sized preview is.

Many cameras append a "large thumbnail" (VGA or Full HD) after the main image and list it in
an APP2 ``MPF`` segment near the start of the file. One ranged read of exactly that preview
is a fraction of the file, and sharp enough to show full screen while the real image loads.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.previews.tiff import Tiff, TiffError

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
    tiff = Tiff(data)
    index, _ = tiff.directory(tiff.first_ifd)
    if _MP_ENTRY not in index:
        raise TiffError("the MPF index has no image list")
    raw = tiff.raw(index[_MP_ENTRY])
    count = len(raw) // _ENTRY_BYTES
    if _NUMBER_OF_IMAGES in index:
        count = min(count, tiff.integer(index[_NUMBER_OF_IMAGES]))
    if count > MAX_IMAGES:
        raise TiffError(f"the MPF index claims {count} images")
    entries = []
    for number in range(count):
        attribute, size, offset = tiff.unpack("III", raw, number * _ENTRY_BYTES)
        entries.append(MpEntry(attribute & 0xFFFFFF, (attribute >> 24) & 0x7, size, offset))
    return entries


def large_thumbnails(entries: list[MpEntry]) -> list[MpEntry]:
    """The large-thumbnail previews, smallest first (the index order is not guaranteed)."""
    return sorted((e for e in entries if e.is_large_thumbnail and e.offset > 0), key=_size)


def _size(entry: MpEntry) -> int:
    return entry.size
