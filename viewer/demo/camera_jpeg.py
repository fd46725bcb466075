"""JPEGs laid out as a camera writes them: EXIF with an IFD1 thumbnail, and an MPF preview.

Pillow writes EXIF tags but neither an IFD1 thumbnail nor an MPF large preview, so both
segments are built here, byte by byte, after CIPA DC-008 (EXIF 2.32) and DC-007 (MPF). The
demo, the sample-image script, the benchmarks and the preview tests all use this one writer.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

from PIL import Image

_ASCII, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 2, 3, 4, 5, 7
_SOI = b"\xff\xd8"
#: MP types: the representative primary image, and a Full HD "large thumbnail".
_PRIMARY = 0x20030000  # bit 29: representative image; type 0x030000 baseline primary
_LARGE_THUMBNAIL_FULL_HD = 0x010002

TiffValue = tuple[int, int, int, bytes]  # tag, type, count, packed value


@dataclass(frozen=True)
class CameraInfo:
    """The EXIF a sample carries, so it looks like a photo in any viewer."""

    make: str = "Viewer Camera Co."
    model: str = "Sample S1"
    exposure: tuple[int, int] = (1, 250)
    f_number: tuple[int, int] = (56, 10)
    iso: int = 200
    date: str = "2026:12:01 09:30:00"
    orientation: int = 1


def camera_jpeg(
    image: Image.Image,
    info: CameraInfo = CameraInfo(),
    *,
    quality: int = 92,
    thumbnail_size: tuple[int, int] | None = (160, 120),
    preview_side: int | None = 1920,
    progressive: bool = False,
    restart_rows: int = 1,
) -> bytes:
    """Encode ``image`` (stored as given: ``info.orientation`` says how to show it).

    Args:
        thumbnail_size: the IFD1 thumbnail's size; the picture is letterboxed into it as
            cameras do (160×120 for a 3:2 photo). None for no thumbnail.
        preview_side: the longest side of the MPF preview; None for no MPF segment.
        restart_rows: a restart marker after every this many rows of MCUs (a DRI segment),
            as most cameras write them; 0 for none.
    """
    picture = image if image.mode == "RGB" else image.convert("RGB")
    main = _encode(picture, quality, progressive, restart_rows)
    # The preview, and the thumbnail from it: a 24 MP frame is reduced once, by whole pixel
    # blocks first (a box average, as a camera's scaler), then filtered to size.
    reduced = _reduced(picture, max(preview_side or 0, *(thumbnail_size or (0,))))
    thumbnail = None if thumbnail_size is None else _letterboxed(reduced, thumbnail_size)
    app1 = _segment(0xE1, b"Exif\x00\x00" + exif_tiff(info, image.size, thumbnail))
    body = _without_jfif(main)
    if preview_side is None:
        return _SOI + app1 + body
    preview_image = reduced.copy() if reduced is picture else reduced
    preview_image.thumbnail((preview_side, preview_side), Image.Resampling.LANCZOS)
    preview = _encode(preview_image, 85, False)
    mpf_header_at = 2 + len(app1) + 4 + 4  # SOI, APP1, APP2 marker and length, "MPF\0"
    primary_size = 2 + len(app1) + len(_mpf_segment(0, 0, 0)) + len(body)
    app2 = _mpf_segment(primary_size, len(preview), primary_size - mpf_header_at)
    return _SOI + app1 + app2 + body + preview


def exif_tiff(info: CameraInfo, size: tuple[int, int], thumbnail: bytes | None) -> bytes:
    """The EXIF TIFF block: IFD0, the Exif IFD, and IFD1 with the thumbnail after it."""
    dpi = struct.pack("<II", 72, 1)
    ifd0 = [
        (0x010F, _ASCII, *_ascii(info.make)),
        (0x0110, _ASCII, *_ascii(info.model)),
        (0x0112, _SHORT, 1, struct.pack("<H", info.orientation)),
        (0x011A, _RATIONAL, 1, dpi),
        (0x011B, _RATIONAL, 1, dpi),
        (0x0128, _SHORT, 1, struct.pack("<H", 2)),
        (0x0132, _ASCII, *_ascii(info.date)),
        (0x8769, _LONG, 1, b"\0\0\0\0"),  # Exif IFD offset, filled in below
    ]
    exif = [
        (0x829A, _RATIONAL, 1, struct.pack("<II", *info.exposure)),
        (0x829D, _RATIONAL, 1, struct.pack("<II", *info.f_number)),
        (0x8827, _SHORT, 1, struct.pack("<H", info.iso)),
        (0x9000, _UNDEFINED, 4, b"0232"),
        (0x9003, _ASCII, *_ascii(info.date)),
        (0xA002, _LONG, 1, struct.pack("<I", size[0])),
        (0xA003, _LONG, 1, struct.pack("<I", size[1])),
    ]
    ifd0_at = 8
    exif_at = ifd0_at + _ifd_size(ifd0)
    ifd1_at = exif_at + _ifd_size(exif)
    ifd0[-1] = (0x8769, _LONG, 1, struct.pack("<I", exif_at))
    blocks = [_ifd(ifd0, ifd0_at, ifd1_at if thumbnail else 0), _ifd(exif, exif_at, 0)]
    if thumbnail is not None:
        ifd1 = [
            (0x0103, _SHORT, 1, struct.pack("<H", 6)),
            (0x011A, _RATIONAL, 1, dpi),
            (0x011B, _RATIONAL, 1, dpi),
            (0x0128, _SHORT, 1, struct.pack("<H", 2)),
            (0x0201, _LONG, 1, b"\0\0\0\0"),
            (0x0202, _LONG, 1, struct.pack("<I", len(thumbnail))),
        ]
        ifd1[4] = (0x0201, _LONG, 1, struct.pack("<I", ifd1_at + _ifd_size(ifd1)))
        blocks += [_ifd(ifd1, ifd1_at, 0), thumbnail]
    return b"II*\x00" + struct.pack("<I", ifd0_at) + b"".join(blocks)


def _mpf_segment(primary_size: int, preview_size: int, preview_offset: int) -> bytes:
    """APP2 ``MPF``: an MP index of two images, the primary and a large thumbnail."""
    entries = struct.pack("<IIIHH", _PRIMARY, primary_size, 0, 0, 0) + struct.pack(
        "<IIIHH", _LARGE_THUMBNAIL_FULL_HD, preview_size, preview_offset, 0, 0
    )
    index = [
        (0xB000, _UNDEFINED, 4, b"0100"),
        (0xB001, _LONG, 1, struct.pack("<I", 2)),
        (0xB002, _UNDEFINED, len(entries), entries),
    ]
    tiff = b"II*\x00" + struct.pack("<I", 8) + _ifd(index, 8, 0)
    return _segment(0xE2, b"MPF\x00" + tiff)


def _ascii(text: str) -> tuple[int, bytes]:
    data = text.encode("ascii") + b"\x00"
    return len(data), data


def _ifd_size(entries: list[TiffValue]) -> int:
    extra = sum(len(value) + len(value) % 2 for *_, value in entries if len(value) > 4)
    return 2 + 12 * len(entries) + 4 + extra


def _ifd(entries: list[TiffValue], at: int, next_ifd: int) -> bytes:
    """One little-endian IFD at offset ``at``, values over 4 bytes right after it."""
    data_at = at + 2 + 12 * len(entries) + 4
    table, data = [struct.pack("<H", len(entries))], []
    for tag, kind, count, value in sorted(entries):
        if len(value) <= 4:
            table.append(struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\0"))
            continue
        table.append(struct.pack("<HHII", tag, kind, count, data_at))
        padded = value + b"\0" * (len(value) % 2)
        data.append(padded)
        data_at += len(padded)
    return b"".join(table) + struct.pack("<I", next_ifd) + b"".join(data)


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) > 0xFFFD:
        raise ValueError(f"a JPEG segment holds at most 65,533 bytes, not {len(payload):,}")
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _encode(image: Image.Image, quality: int, progressive: bool, restart_rows: int = 0) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, progressive=progressive,
               restart_marker_rows=restart_rows)  # fmt: skip
    return buffer.getvalue()


def _reduced(picture: Image.Image, side: int) -> Image.Image:
    """``picture`` shrunk by the largest whole factor that keeps its longest side at least
    ``side`` (``picture`` itself if there is none): cheap, and Lanczos does the rest."""
    factor = max(picture.size) // max(1, side)
    return picture.reduce(factor) if factor >= 2 else picture


def _letterboxed(image: Image.Image, size: tuple[int, int]) -> bytes:
    """The picture fitted into ``size`` on black, as cameras make their 160×120 thumbnail."""
    picture = image.convert("RGB")
    picture.thumbnail(size, Image.Resampling.LANCZOS)
    box = Image.new("RGB", size)
    box.paste(picture, ((size[0] - picture.width) // 2, (size[1] - picture.height) // 2))
    return _encode(box, 80, False)


def _without_jfif(jpeg: bytes) -> bytes:
    """The encoded image after its SOI, minus Pillow's JFIF APP0: EXIF must come first."""
    rest = jpeg[2:]
    if rest[:2] == b"\xff\xe0":
        (length,) = struct.unpack_from(">H", rest, 2)
        rest = rest[2 + length :]
    return rest
