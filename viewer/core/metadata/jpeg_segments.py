"""One walk over a JPEG's markers, from SOI up to the image data (SOS): where EXIF, XMP, ICC
and MPF segments are found.

Both the EXIF / ICC lookup in ``metadata`` (bytes in memory) and the preview layout in
``previews.jpeg_layout`` (a head that grows by ranged reads) walk the same structure: fill
bytes, markers without a length, and segments whose two-byte length is checked before it is
trusted. The walk yields each segment; what to look for, and when to stop, is the caller's.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

#: Markers that carry no length: TEM, SOI, the restart markers.
BARE_MARKERS = frozenset({0x01, 0xD8, *range(0xD0, 0xD8)})
SOS, EOI = 0xDA, 0xD9


class MarkerError(ValueError):
    """The markers are damaged; ``str()`` says how, without the file's name."""


class Truncated(MarkerError):
    """The bytes end before the next marker's header."""


class Bytes(Protocol):
    """Bytes that may grow on demand (``previews.jpeg_layout.Head``), or not (``InMemory``)."""

    @property
    def data(self) -> bytes: ...

    def ensure(self, end: int, ahead: int = 0) -> bool:
        """Have at least ``end`` bytes (reading ``ahead`` more at once); False if it can't."""
        ...


@dataclass(frozen=True)
class InMemory:
    """Bytes already read, all there will be."""

    data: bytes

    def ensure(self, end: int, ahead: int = 0) -> bool:
        return end <= len(self.data)


@dataclass(frozen=True)
class Segment:
    """One marker segment: its payload is ``data[start:end]`` (``end`` may lie past the data)."""

    marker: int
    start: int
    end: int


def segments(source: Bytes, ahead: int = 0) -> Iterator[Segment]:
    """The segments after SOI, in order, ending quietly at the image data (SOS) or EOI.

    Raises:
        Truncated: the bytes end before the image data.
        MarkerError: a marker is out of step, or a segment claims fewer than 2 bytes.
    """
    position = 2
    while True:
        if not source.ensure(position + 4, ahead):
            raise Truncated("the markers end before the image data")
        data = source.data
        if data[position] != 0xFF:
            raise MarkerError("its JPEG markers are out of step")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in BARE_MARKERS:
            position += 2
            continue
        if marker in (SOS, EOI):
            return
        (length,) = struct.unpack_from(">H", data, position + 2)
        if length < 2:
            raise MarkerError(f"a JPEG segment claims {length} bytes")
        yield Segment(marker, position + 4, position + 2 + length)
        position += 2 + length
