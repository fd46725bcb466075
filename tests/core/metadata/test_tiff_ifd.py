"""The strict TIFF reader the embedded previews use: damage raises, loops and gaps do not."""

from __future__ import annotations

import struct

import pytest

from viewer.core.metadata.tiff_ifd import TiffError, TiffReader
from viewer.core.previews.in_jpeg import read_exif


def _entry(tag: int, kind: int, count: int, value: int) -> bytes:
    return struct.pack("<HHII", tag, kind, count, value)


def _ifd(entries: list[bytes], next_offset: int = 0) -> bytes:
    return struct.pack("<H", len(entries)) + b"".join(entries) + struct.pack("<I", next_offset)


def test_a_strict_reader_wants_a_whole_tiff_header() -> None:
    for data in (b"", b"II*\0\x08", b"IIRO" + struct.pack("<I", 8), b"JFIF" + bytes(8)):
        with pytest.raises(TiffError, match="no TIFF header"):
            TiffReader.strict(data)


def test_a_strict_reader_refuses_what_a_lenient_one_reads_around() -> None:
    many = b"II*\0" + struct.pack("<IH", 8, 0xFFFF) + _entry(0x0112, 3, 1, 6)
    with pytest.raises(TiffError, match="claims 65535 entries"):
        TiffReader.strict(many).directory(8)
    cut = (b"II*\0" + struct.pack("<I", 8) + _ifd([_entry(0x0112, 3, 1, 6)] * 3))[:30]
    with pytest.raises(TiffError, match="runs past the end"):
        TiffReader.strict(cut).directory(8)
    lenient = TiffReader.open(lambda offset, length: cut[offset : offset + length])
    assert lenient is not None and lenient.directory(8) is not None


def test_exif_thumbnail_and_orientation_through_the_strict_reader() -> None:
    ifd1_at = 8 + 18
    thumb_at = ifd1_at + 2 + 3 * 12 + 4
    ifd0 = _ifd([_entry(0x0112, 3, 1, 8)], next_offset=ifd1_at)
    ifd1 = _ifd([_entry(0x0103, 3, 1, 6), _entry(0x0201, 4, 1, thumb_at), _entry(0x0202, 4, 1, 5)])
    block = b"II*\0" + struct.pack("<I", 8) + ifd0 + ifd1 + b"\xff\xd8abc"
    found = read_exif(block)
    assert found.orientation == 8 and found.thumbnail == (thumb_at, 5)
    with pytest.raises(TiffError, match="claims 5 bytes"):
        read_exif(block[:-1])
    looped = b"II*\0" + struct.pack("<I", 8) + _ifd([_entry(0x0112, 3, 1, 3)], next_offset=8)
    assert read_exif(looped).thumbnail is None and read_exif(looped).orientation == 3
