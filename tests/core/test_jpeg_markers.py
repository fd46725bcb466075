"""The one JPEG marker walk under the EXIF / ICC lookup and the preview layout."""

from __future__ import annotations

import struct

import pytest

from viewer.core.metadata.jpeg_segments import InMemory, MarkerError, Truncated, segments


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def test_segments_in_order_past_fill_bytes_and_bare_markers_up_to_the_image_data() -> None:
    data = (b"\xff\xd8" + _segment(0xE1, b"Exif") + b"\xff\xff" + b"\xff\xd0"
            + _segment(0xE2, b"ICC") + b"\xff\xda" + _segment(0xE3, b"after"))  # fmt: skip
    found = [(s.marker, data[s.start : s.end]) for s in segments(InMemory(data))]
    assert found == [(0xE1, b"Exif"), (0xE2, b"ICC")]


def test_damage_raises_with_a_sentence() -> None:
    with pytest.raises(Truncated):
        list(segments(InMemory(b"\xff\xd8" + _segment(0xE1, b"x")[:3])))
    with pytest.raises(MarkerError, match="out of step"):
        list(segments(InMemory(b"\xff\xd8" + b"\x00\x01\x02\x03")))
    with pytest.raises(MarkerError, match="claims 1 bytes"):
        list(segments(InMemory(b"\xff\xd8\xff\xe1\x00\x01" + bytes(8))))
