"""EXIF parsing from crafted blocks, including broken and hostile ones."""

from __future__ import annotations

import struct
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.builders import exif_with, jpeg_with_exif, tiff_block
from viewer.core.metadata.exif import (
    CameraFacts,
    exif_block,
    facts_from_head,
    parse_exif,
    read_facts,
)
from viewer.core.metadata.text import FileFacts, rows
from viewer.core.metadata.tiff_ifd import MAX_DIRECTORIES, TiffReader, memory_source

FULL = {
    0x010F: "Canon",
    0x0110: "Canon EOS R5",
    0x0112: 6,
    0x8769: {
        0x829A: 1 / 250, 0x829D: 2.8, 0x8827: 400, 0x9003: "2024:06:01 14:03:22",
        0x9209: 0x19, 0x920A: 50.0, 0xA405: 75, 0xA434: "RF50mm F1.8 STM",
    },
    0x8825: {1: "N", 2: (48.0, 51.0, 29.5), 3: "W", 4: (2.0, 17.0, 40.2)},
}  # fmt: skip


def test_every_field_of_a_crafted_block() -> None:
    facts = parse_exif(tiff_block(FULL))
    assert facts.camera == "Canon EOS R5"
    assert facts.lens == "RF50mm F1.8 STM"
    assert facts.exposure is not None and abs(facts.exposure - 0.004) < 1e-9
    assert facts.aperture == 2.8
    assert facts.iso == 400
    assert facts.focal_length == 50.0
    assert facts.focal_length_35 == 75
    assert facts.flash == 0x19
    assert facts.date_taken == datetime(2024, 6, 1, 14, 3, 22)
    assert facts.orientation == 6
    assert facts.gps is not None
    latitude, longitude = facts.gps
    assert abs(latitude - (48 + 51 / 60 + 29.5 / 3600)) < 1e-6
    assert abs(longitude + (2 + 17 / 60 + 40.2 / 3600)) < 1e-6


def test_big_endian_blocks_read_the_same() -> None:
    assert parse_exif(tiff_block(FULL, little=False)) == parse_exif(tiff_block(FULL))


def test_exif_written_by_pillow_inside_a_jpeg() -> None:
    jpeg = jpeg_with_exif(exif_with(make="NIKON CORPORATION", model="NIKON Z 6"))
    facts = parse_exif(exif_block(jpeg))
    assert facts.camera == "NIKON Z 6"
    assert facts.date_taken == datetime(2024, 6, 1, 14, 3, 22)


def test_make_is_kept_when_the_model_does_not_repeat_it() -> None:
    assert parse_exif(tiff_block({0x010F: "FUJIFILM", 0x0110: "X-T5"})).camera == "FUJIFILM X-T5"


def test_panel_rows_say_what_the_camera_recorded() -> None:
    file = FileFacts("/photos/a.jpg", 8192, 5464, 12_345_678, "JPEG", 1, "Adobe RGB (1998)")
    shown = dict(rows(parse_exif(tiff_block(FULL)), file))
    assert shown["Exposure"] == "1/250 s"
    assert shown["Aperture"] == "f/2.8"
    assert shown["Focal length"] == "50 mm (75 mm in 35 mm)"
    assert shown["Flash"] == "fired (auto)"
    assert shown["Date taken"] == "2024-06-01 14:03:22"
    assert shown["GPS"].endswith("° W") and "° N" in shown["GPS"]
    assert shown["Pixels"] == "8192 × 5464"
    assert shown["Colour profile"] == "Adobe RGB (1998)"
    assert shown["Path"] == "/photos/a.jpg"
    assert "Frames" not in shown


def test_no_exif_gives_only_the_file_rows() -> None:
    shown = dict(rows(parse_exif(None), FileFacts("x.png", 2, 3, 10, "PNG", 4)))
    assert list(shown) == ["Pixels", "File size", "Format", "Frames", "Path"]


def _entry(tag: int, kind: int, count: int, value: int) -> bytes:
    return struct.pack("<HHII", tag, kind, count, value)


def _block(entries: list[bytes], next_offset: int = 0, tail: bytes = b"") -> bytes:
    ifd = struct.pack("<H", len(entries)) + b"".join(entries) + struct.pack("<I", next_offset)
    return b"II*\0" + struct.pack("<I", 8) + ifd + tail


def test_huge_counts_are_skipped_not_read() -> None:
    block = _block([_entry(0x010F, 2, 0xFFFFFFFF, 8), _entry(0x0110, 2, 4, 0x00585858)])
    assert parse_exif(block).camera == "XXX"


def test_a_directory_claiming_65535_entries_stops_at_the_data() -> None:
    block = b"II*\0" + struct.pack("<IH", 8, 0xFFFF) + _entry(0x0110, 2, 4, 0x00595959)
    assert parse_exif(block).camera == "YYY"


def test_loops_end() -> None:
    # IFD0 chains to itself, and its Exif pointer points back at IFD0.
    looped = _block([_entry(0x8769, 4, 1, 8), _entry(0x0110, 2, 3, 0x00005A5A)], next_offset=8)
    assert parse_exif(looped).camera == "ZZ"
    reader = TiffReader.open(memory_source(looped))
    assert reader is not None and len(reader.chain()) == 1


def test_long_chains_stop_at_the_budget() -> None:
    directories = b""
    start = 8
    for index in range(MAX_DIRECTORIES * 3):
        following = start + 18 * (index + 1)
        entry = _entry(0x0110, 2, 2, 0x41)
        directories += struct.pack("<H", 1) + entry + struct.pack("<I", following)
    reader = TiffReader.open(memory_source(b"II*\0" + struct.pack("<I", start) + directories))
    assert reader is not None and len(reader.chain()) == MAX_DIRECTORIES


def test_offsets_past_the_end_give_nothing() -> None:
    block = _block([_entry(0x8769, 4, 1, 10_000_000), _entry(0x010F, 2, 40, 90_000),
                    _entry(0x8825, 4, 1, 0xFFFFFFF0)])  # fmt: skip
    assert parse_exif(block) == CameraFacts()


def test_wrong_types_and_zero_denominators_are_ignored() -> None:
    block = tiff_block({0x0110: 5, 0x8769: {0x829D: 0.0, 0x9003: "0000:00:00 00:00:00",
                                              0x8827: "four hundred"},
                        0x8825: {2: (1.0, 2.0), 4: "east"}})  # fmt: skip
    facts = parse_exif(block)
    assert (facts.camera, facts.aperture, facts.date_taken, facts.gps) == (None, None, None, None)


def test_truncated_blocks_read_what_is_there() -> None:
    whole = tiff_block(FULL)
    for cut in range(0, len(whole), 7):
        parse_exif(whole[:cut])  # never raises


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_never_raise(data: bytes) -> None:
    parse_exif(b"II*\0\x08\0\0\0" + data)
    parse_exif(b"MM\0*\0\0\0\x08" + data)
    exif_block(b"\xff\xd8" + data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 800), st.integers(0, 255)), max_size=12))
def test_mutated_blocks_never_raise(flips: list[tuple[int, int]]) -> None:
    block = bytearray(tiff_block(FULL))
    for position, value in flips:
        block[position % len(block)] = value
    read_facts(memory_source(bytes(block)))


def test_exif_block_of_jpeg_stops_at_the_image_data() -> None:
    # A JPEG whose APP segments end before any Exif: the walk stops at SOS, not at the end.
    head = b"\xff\xd8" + b"\xff\xe0\x00\x04ab" + b"\xff\xda\x00\x02"
    fake = head + b"Exif\0\0" + tiff_block(FULL)
    assert exif_block(fake) is None


def test_facts_from_the_head_of_a_raf_and_a_cr3() -> None:
    jpeg = jpeg_with_exif(exif_with(make="FUJIFILM", model="X-T5"))
    raf = b"FUJIFILMCCD-RAW 0201".ljust(84, b"\0") + struct.pack(">II", 100, len(jpeg))
    raf = raf.ljust(100, b"\0") + jpeg
    assert facts_from_head(raf).camera == "FUJIFILM X-T5"

    ifd0 = tiff_block({0x010F: "Canon", 0x0110: "Canon EOS R6"})
    exif = tiff_block({0x9003: "2023:02:03 04:05:06", 0x8827: 800})
    boxes = b"".join(struct.pack(">I", 8 + len(body)) + kind + body
                     for kind, body in ((b"CMT1", ifd0), (b"CMT2", exif)))  # fmt: skip
    cr3 = struct.pack(">I", 24) + b"ftypcrx " + bytes(12) + boxes
    facts = facts_from_head(cr3)
    assert (facts.camera, facts.iso) == ("Canon EOS R6", 800)
    assert facts.date_taken == datetime(2023, 2, 3, 4, 5, 6)
