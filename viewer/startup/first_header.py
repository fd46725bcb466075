"""What the first frame needs to know of a JPEG before decoding it, read without Qt.

Its first markers say whether Qt shows it as the viewer's decoder would, how it is turned,
and where the camera's preview lies; the previews' own ``read_layout`` reads them from the
file's first 64 KB. Two steps, so that a file without a camera preview is read whole, and
its decode begun, before the slower step: ``plain_layout`` (the markers: the profile, the
components, the size) and ``header_of`` (the EXIF and the MPF index, whose parsers cost
about 20 ms of imports, more while the main thread imports Qt beside them).
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.formats.geometry import JPEG_REDUCTIONS, Size, upright_size
from viewer.core.formats.jpeg.layout import Head, JpegLayout, read_layout
from viewer.core.formats.limits import OUTPUT_BYTES_PER_PIXEL, scaled
from viewer.core.io.ranged import RangeReader
from viewer.core.io.reading import DecodeError

#: The most a JPEG can be reduced in its DCT; larger files are left to the decoder.
MOST_REDUCTION = max(JPEG_REDUCTIONS)


@dataclass(frozen=True)
class Header:
    """What the first markers of a plain sRGB JPEG say.

    Attributes:
        stored: (width, height) as stored; orientation: the EXIF one (1 without);
        preview: where the MPF large preview lies in the file (offset, size), or None.
    """

    stored: Size
    orientation: int
    preview: tuple[int, int] | None

    @property
    def full_size(self) -> Size:
        return upright_size(self.stored, self.orientation)


def plain_layout(
    path: str, reader: RangeReader, max_bytes: int, size: int | None = None
) -> JpegLayout | None:
    """The markers of a JPEG Qt may show as the decoder would, from its first bytes; None
    for anything else (CMYK, a colour profile, damaged markers, too large even at 1/8)."""
    try:
        layout = read_layout(Head(reader, path, size))
    except DecodeError:
        return None
    if layout is None or layout.icc or layout.components not in (1, 3):
        return None
    width, height = layout.size
    least = scaled(width, MOST_REDUCTION) * scaled(height, MOST_REDUCTION)
    return None if least * OUTPUT_BYTES_PER_PIXEL > max_bytes else layout


def header_of(layout: JpegLayout) -> Header | None:
    """The header of a plain layout; None if its EXIF marks Adobe RGB or its MPF index is
    damaged."""
    from viewer.core.formats.jpeg.mpf import mpf_preview_entry
    from viewer.core.metadata.exif import parse_exif

    try:
        entry = mpf_preview_entry(layout, None, "the first image")
    except DecodeError:
        return None
    facts = parse_exif(layout.exif)
    if facts.marks_adobe_rgb:
        return None
    preview = None if entry is None else (layout.mpf_offset + entry.offset, entry.size)
    return Header(layout.size, facts.orientation or 1, preview)
