"""Files the format, colour, metadata and sorting tests build: EXIF, profiles, a DNG."""

from __future__ import annotations

import io
import itertools
import struct
from datetime import datetime

import numpy as np
import tifffile
from PIL import Image, ImageCms

from viewer.core.formats.colour.icc import MatrixProfile, assemble, icc_bytes

SRGB_PRIMARIES = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
STRIPE = 16  # each colour is a 16-pixel stripe, so a JPEG's blocks hold one colour each


def primaries_in(space: MatrixProfile) -> tuple[Image.Image, bytes]:
    """Three sRGB primaries converted into ``space``; the image and the profile to embed."""
    profile = icc_bytes(space)
    stripes = Image.new("RGB", (STRIPE * 3, STRIPE))
    for index, colour in enumerate(SRGB_PRIMARIES):
        stripes.paste(colour, (index * STRIPE, 0, (index + 1) * STRIPE, STRIPE))
    transform = ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"), ImageCms.ImageCmsProfile(io.BytesIO(profile)),
        "RGB", "RGB", ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )  # fmt: skip
    converted = ImageCms.applyTransform(stripes, transform)
    assert converted is not None
    return converted, profile


def stripe_colours(pixels: np.ndarray) -> list[tuple[int, int, int]]:
    """The RGB colour at the centre of each stripe of an ``(h, w, 3+)`` RGB array."""
    height, width = pixels.shape[:2]
    row = pixels[height // 2]
    return [tuple(int(v) for v in row[(2 * i + 1) * width // 6][:3]) for i in range(3)]  # type: ignore[misc]


def grey_cmyk_profile() -> bytes:
    """A CMYK profile unlike any formula: paper is white, black ink black, other inks grey L*50.

    A lut8 A2B0 table on a 2-point grid: Pillow's plain CMYK → RGB formula would show pure
    cyan as (0, 255, 255); this profile makes it neutral grey, so a test can tell them apart.
    """
    corners = bytearray()
    for inks in itertools.product((0, 1), repeat=4):
        lightness = 255 if not any(inks) else 0 if inks[3] else 128
        corners += bytes((lightness, 128, 128))
    identity_table = bytes(range(256))
    matrix = b"".join(struct.pack(">i", 65536 if i % 4 == 0 else 0) for i in range(9))
    lut = (b"mft1\0\0\0\0" + bytes((4, 3, 2, 0)) + matrix + identity_table * 4 + bytes(corners)
           + identity_table * 3)  # fmt: skip
    white = b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536))
                                       for v in (0.9642, 1.0, 0.8249))  # fmt: skip
    description = b"desc\0\0\0\0" + struct.pack(">I", 10) + b"Grey CMYK\0" + bytes(78)
    return assemble(b"prtr", b"CMYK", b"Lab ", [(b"desc", description), (b"wtpt", white),
                                                (b"A2B0", lut)])  # fmt: skip


def lightness_to_srgb(lightness: float) -> int:
    """The sRGB value of a neutral grey of CIE lightness L*, from the formulas, not LittleCMS."""
    f = (lightness + 16) / 116
    linear = f**3 if f**3 > 0.008856 else (lightness / 903.3)
    encoded = 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return round(encoded * 255)


def exif_with(
    make: str = "Canon",
    model: str = "Canon EOS R5",
    taken: datetime | None = datetime(2024, 6, 1, 14, 3, 22),
    **exif: object,
) -> bytes:
    """An EXIF block (with its "Exif\\0\\0" header) written by Pillow's own EXIF writer."""
    block = Image.Exif()
    block[0x010F], block[0x0110] = make, model
    sub = block.get_ifd(0x8769)
    if taken is not None:
        sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    for name, value in exif.items():
        sub[int(name.removeprefix("tag_"), 16)] = value
    return block.tobytes()


def jpeg_with_exif(exif: bytes, size: tuple[int, int] = (32, 24)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 150)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def write_dng(path: str, preview: bytes, orientation: int = 1, make: str = "Test") -> None:
    """A DNG as cameras lay one out: a small thumbnail in IFD0, then two sub-IFDs holding the
    sensor's CFA data and a JPEG preview (named by JPEGInterchangeFormat, as NEFs do)."""
    thumb = np.full((12, 16, 3), (10, 200, 10), np.uint8)
    sensor = np.random.default_rng(1).integers(0, 4000, (96, 128)).astype(np.uint16)
    jpeg = np.frombuffer(preview, np.uint8).reshape(1, -1)
    with tifffile.TiffWriter(path) as tif:
        tif.write(thumb, photometric="rgb", subfiletype=1, subifds=2, extratags=[
            (50706, "B", 4, (1, 4, 0, 0), True), (50708, "s", 0, "Test Camera", True),
            (271, "s", 0, make, True), (272, "s", 0, "Cam 1", True),
            (274, "H", 1, orientation, True)])  # fmt: skip
        tif.write(sensor, photometric=32803, subfiletype=0, extratags=[
            (33421, "H", 2, (2, 2), True), (33422, "B", 4, (0, 1, 1, 2), True),
            (50717, "I", 1, 4095, True)])  # fmt: skip
        tif.write(
            jpeg,
            photometric="minisblack",
            subfiletype=1,
            extratags=[(513, "I", 1, 0, True), (514, "I", 1, len(preview), True)],
        )
    with tifffile.TiffFile(path, mode="r+b") as tiff:
        tiff.filehandle.seek(tiff.pages[0].subifds[1])
        page = tifffile.TiffPage(tiff, index=(0, 1))
        page.tags[513].overwrite(page.dataoffsets[0])


def jpeg_bytes(size: tuple[int, int], colour: tuple[int, int, int] = (200, 30, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def tiff_block(tags: dict[int, object], little: bool = True) -> bytes:
    """A TIFF-structured block (an EXIF block without its header) from a nested tag dict.

    Values: str → ASCII, int → LONG, float or tuple of floats → RATIONAL, bytes → UNDEFINED,
    dict → a sub-IFD (its offset as a LONG), as the Exif, GPS and Interop pointers are. Data
    is kept at even offsets, as TIFF asks.
    """
    order = "<" if little else ">"
    header = (b"II*\0" if little else b"MM\0*") + struct.pack(order + "I", 8)
    return header + _ifd_bytes(tags, 8, order)


def _ifd_bytes(tags: dict[int, object], start: int, order: str) -> bytes:
    entries, data = b"", b""
    data_start = start + 2 + 12 * len(tags) + 4
    for tag, value in sorted(tags.items()):
        if isinstance(value, dict):  # a sub-IFD: the entry holds its offset
            where = data_start + len(data)
            entries += struct.pack(order + "HHII", tag, 4, 1, where)
            data += _ifd_bytes(value, where, order)
            continue
        kind, count, payload = _encoded(value, order)
        if len(payload) <= 4:
            entries += struct.pack(order + "HHI", tag, kind, count) + payload.ljust(4, b"\0")
        else:
            where = data_start + len(data)
            entries += struct.pack(order + "HHII", tag, kind, count, where)
            data += payload + b"\0" * (len(payload) % 2)
    return struct.pack(order + "H", len(tags)) + entries + struct.pack(order + "I", 0) + data


def _encoded(value: object, order: str) -> tuple[int, int, bytes]:
    if isinstance(value, str):
        text = value.encode() + b"\0"
        return 2, len(text), text
    if isinstance(value, bytes):
        return 7, len(value), value
    if isinstance(value, int):
        return 4, 1, struct.pack(order + "I", value)
    numbers = value if isinstance(value, tuple) else (value,)
    packed = b"".join(struct.pack(order + "II", round(float(n) * 1000), 1000) for n in numbers)  # type: ignore[arg-type]
    return 5, len(numbers), packed
