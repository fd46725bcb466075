"""What the camera recorded, from the EXIF bytes the viewer already holds.

The EXIF block is found in bytes already read for the image (a JPEG's APP1 segment, a TIFF or
RAW file's own header, or what Pillow found in a PNG, WebP or HEIF), so the metadata panel
never costs a second read over the share. Parsing goes through ``tiff_ifd``, which bounds
every count and offset: a hostile or broken tag is skipped, never trusted.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import datetime

from viewer.core.metadata.jpeg_segments import InMemory, MarkerError, segments
from viewer.core.metadata.tiff_ifd import ByteSource, Directory, TiffReader, memory_source

_EXIF_HEADER = b"Exif\0\0"
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_MAKE, _MODEL, _DATETIME = 0x010F, 0x0110, 0x0132
#: IFD0's orientation tag (1–8; see ``viewer.core.formats.orientation``).
ORIENTATION = 0x0112
_EXPOSURE, _FNUMBER, _ISO, _ORIGINAL, _DIGITIZED = 0x829A, 0x829D, 0x8827, 0x9003, 0x9004
_FLASH, _FOCAL, _FOCAL_35, _LENS = 0x9209, 0x920A, 0xA405, 0xA434
_COLOUR_SPACE, _INTEROP_IFD, _INTEROP_INDEX = 0xA001, 0xA005, 0x0001
_APP1, _APP2 = 0xE1, 0xE2
_ICC_HEADER = b"ICC_PROFILE\0"
_EXIF_UNCALIBRATED, _EXIF_ADOBE = 0xFFFF, 2  # EXIF ColorSpace values
#: EXIF's "YYYY:MM:DD HH:MM:SS", also with dashes in the date, without seconds or time.
_DATE = re.compile(r"(\d{4})([:-])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")


@dataclass(frozen=True)
class CameraFacts:
    """What the EXIF block says, each None when absent or unreadable."""

    camera: str | None = None
    lens: str | None = None
    exposure: float | None = None  # seconds
    aperture: float | None = None  # f-number
    iso: int | None = None
    focal_length: float | None = None  # mm
    focal_length_35: int | None = None  # mm, 35 mm equivalent
    flash: int | None = None  # the EXIF Flash bit field
    date_taken: datetime | None = None
    gps: tuple[float, float] | None = None  # latitude, longitude in degrees
    orientation: int | None = None
    colour_space: int | None = None  # EXIF ColorSpace: 1 sRGB, 0xFFFF uncalibrated
    interop_index: str | None = None  # "R98" sRGB, "R03" Adobe RGB (DCF)

    @property
    def marks_adobe_rgb(self) -> bool:
        """Whether the EXIF marks the pixels as Adobe RGB (DCF's rule) without a profile."""
        return self.colour_space == _EXIF_ADOBE or (
            self.colour_space == _EXIF_UNCALIBRATED and self.interop_index == "R03"
        )


def exif_block(data: bytes) -> bytes | None:
    """The TIFF-structured EXIF block inside ``data``: a JPEG, a TIFF, or ``info["exif"]``."""
    if data.startswith(_EXIF_HEADER):
        return data[len(_EXIF_HEADER) :]
    if data[:4] in (b"II*\0", b"MM\0*"):
        return data
    if data.startswith(b"\xff\xd8"):
        return _jpeg_app1(data)
    return None


def _jpeg_app1(data: bytes) -> bytes | None:
    """The Exif APP1 payload of a JPEG, walking its markers up to the image data."""
    found = jpeg_segments(data, _APP1, _EXIF_HEADER, first_only=True)
    return found[0] if found else None


def jpeg_icc_profile(data: bytes) -> bytes | None:
    """A JPEG's ICC profile, put together from its numbered APP2 chunks; None without one."""
    chunks = jpeg_segments(data, _APP2, _ICC_HEADER)
    numbered = sorted((chunk[0], chunk[2:]) for chunk in chunks if len(chunk) > 2)
    return b"".join(part for _, part in numbered) or None


def jpeg_segments(data: bytes, kind: int, prefix: bytes, first_only: bool = False) -> list[bytes]:
    """Payloads (after ``prefix``) of a JPEG's ``kind`` segments, from its markers only."""
    found: list[bytes] = []
    try:
        for segment in segments(InMemory(data)):
            payload = data[segment.start : segment.end]
            if segment.marker == kind and payload.startswith(prefix):
                found.append(payload[len(prefix) :])
                if first_only:
                    break
    except MarkerError:  # damaged further on: what was found before stands
        pass
    return found


def orientation_in(ifd0: Directory) -> int:
    """IFD0's orientation tag, 1 (upright) when absent or out of the EXIF range 1–8."""
    value = ifd0.integer(ORIENTATION)
    return value if value is not None and 1 <= value <= 8 else 1


def jpeg_orientation(data: bytes) -> int:
    """A JPEG's EXIF orientation from its markers alone (1 without EXIF), so a decoder can
    turn it upright without asking Pillow, which would refuse a huge file as a bomb first."""
    block = _jpeg_app1(data)
    reader = None if block is None else TiffReader.open(memory_source(block))
    if reader is None:
        return 1
    return orientation_in(reader.directory(reader.first_offset) or Directory())


def parse_exif(block: bytes | None) -> CameraFacts:
    """Camera facts from a TIFF-structured EXIF block; empty facts for None or garbage."""
    if not block:
        return CameraFacts()
    return read_facts(memory_source(block))


def read_facts(source: ByteSource, base: int = 0, exif_base: int | None = None) -> CameraFacts:
    """Camera facts from the TIFF structure at ``base`` in ``source`` (a file or bytes).

    ``exif_base`` names a second TIFF structure whose IFD0 is the Exif IFD (Canon CR3 keeps
    the two apart, in its CMT1 and CMT2 boxes).
    """
    reader = TiffReader.open(source, base)
    if reader is None:
        return CameraFacts()
    main = reader.directory(reader.first_offset) or Directory()
    exif = _sub(reader, main, _EXIF_IFD)
    if exif_base is not None and (other := TiffReader.open(source, exif_base)) is not None:
        exif = other.directory(other.first_offset) or exif
    gps = _sub(reader, main, _GPS_IFD) if main.integer(_GPS_IFD) else _sub(reader, exif, _GPS_IFD)
    interop = _sub(reader, exif, _INTEROP_IFD)
    return CameraFacts(
        camera=_camera(_text(main, _MAKE), _text(main, _MODEL)),
        lens=_text(exif, _LENS),
        exposure=_positive(exif, _EXPOSURE),
        aperture=_positive(exif, _FNUMBER),
        iso=exif.integer(_ISO),
        focal_length=_positive(exif, _FOCAL),
        focal_length_35=exif.integer(_FOCAL_35) or None,
        flash=exif.integer(_FLASH),
        date_taken=parse_date(_text(exif, _ORIGINAL) or _text(exif, _DIGITIZED))
        or parse_date(_text(main, _DATETIME)),
        gps=_coordinates(gps),
        orientation=main.integer(ORIENTATION),
        colour_space=exif.integer(_COLOUR_SPACE),
        interop_index=_text(interop, _INTEROP_INDEX),
    )


def facts_from_head(head: bytes, source: ByteSource | None = None) -> CameraFacts:
    """Camera facts from a file's first bytes: JPEG, TIFF and TIFF-based RAWs, RAF and CR3.

    ``source`` reads beyond the head where a RAW's directories point there (a few small
    reads); without one, only the head is read.
    """
    read = source or memory_source(head)
    if head.startswith(b"\xff\xd8"):
        return parse_exif(_jpeg_app1(head))
    if head.startswith(b"FUJIFILMCCD-RAW ") and len(head) >= 92:
        (offset,) = struct.unpack(">I", head[84:88])
        return parse_exif(_jpeg_app1(read(offset, 1 << 16)))
    if head[4:12] == b"ftypcrx ":  # CR3: IFD0 in a CMT1 box, the Exif IFD in CMT2
        first, second = head.find(b"CMT1"), head.find(b"CMT2")
        if first < 0 or second < 0:
            return CameraFacts()
        return read_facts(read, base=first + 4, exif_base=second + 4)
    return read_facts(read)


def _sub(reader: TiffReader, parent: Directory, tag: int) -> Directory:
    offset = parent.integer(tag)
    return (reader.directory(offset) if offset else None) or Directory()


def _text(directory: Directory, tag: int) -> str | None:
    value = directory.tags.get(tag)
    if isinstance(value, bytes):
        value = value.split(b"\0", 1)[0].decode("utf-8", "replace").strip()
    return value if isinstance(value, str) and value else None


def _positive(directory: Directory, tag: int) -> float | None:
    value = directory.tags.get(tag)
    if isinstance(value, tuple):
        value = value[0] if value else None
    return float(value) if isinstance(value, (int, float)) and value > 0 else None


def _camera(make: str | None, model: str | None) -> str | None:
    """ "Canon Canon EOS R5" reads badly: drop the make when the model already starts with it."""
    if make and model and model.lower().startswith(make.split()[0].lower()):
        return model
    return " ".join(part for part in (make, model) if part) or None


def parse_date(text: str | None) -> datetime | None:
    """An EXIF date ("2024:06:01 14:03:22"); None for blanks, zeros or nonsense.

    Parsed by hand, not with ``strptime``: its first use imports ``_strptime`` (and locale
    and calendar), 25 ms the first frame would wait for on a camera JPEG.
    """
    if not text:
        return None
    match = _DATE.fullmatch(text.strip()[:19])
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (
            int(part or 0) for part in match.group(1, 3, 4, 5, 6, 7)
        )
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _coordinates(gps: Directory) -> tuple[float, float] | None:
    latitude = _degrees(gps.tags.get(2), _text(gps, 1), "S")
    longitude = _degrees(gps.tags.get(4), _text(gps, 3), "W")
    if latitude is None or longitude is None:
        return None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return latitude, longitude


def _degrees(value: object, reference: str | None, negative: str) -> float | None:
    if not isinstance(value, tuple) or len(value) != 3:
        return None
    degrees, minutes, seconds = (float(part) for part in value)
    total = degrees + minutes / 60 + seconds / 3600
    return -total if (reference or "").upper().startswith(negative) else total
