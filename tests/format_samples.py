"""One small file of every format the viewer lists, made by Pillow, a plugin or by hand.

Each builder returns the file's bytes: an 8×6 picture whose top-left pixel is ``RED`` (grey
and 1-bit formats store the nearest they can). Formats that no builder covers are named in
``NOT_BUILT`` with the reason, so a format that a new Pillow adds fails the format test until
it gets a builder or a reason.
"""

from __future__ import annotations

import io
import struct
from typing import Callable

import numpy as np
from PIL import Image

SIZE = (8, 6)
RED = (200, 20, 30)


def picture(mode: str = "RGB") -> Image.Image:
    image = Image.new("RGB", SIZE, (20, 30, 200))
    image.paste(RED, (0, 0, 4, 3))
    return image if mode == "RGB" else image.convert(mode)


def saved(kind: str, mode: str = "RGB", **options: object) -> Callable[[], bytes]:
    def build() -> bytes:
        buffer = io.BytesIO()
        picture(mode).save(buffer, kind, **options)
        return buffer.getvalue()

    return build


def psd() -> bytes:
    """A flat RGB Photoshop file: header, no resources or layers, raw channel planes."""
    width, height = SIZE
    planes = np.asarray(picture()).transpose(2, 0, 1).tobytes()
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height, width, 8, 3)
    return header + struct.pack(">III", 0, 0, 0) + struct.pack(">H", 0) + planes


def xpm() -> bytes:
    width, height = SIZE
    rows = ['"' + "".join("r" if x < 4 and y < 3 else "b" for x in range(width)) + '"'
            for y in range(height)]  # fmt: skip
    colours = ['"r c #C8141E"', '"b c #141EC8"']
    lines = [f'"{width} {height} 2 1"', *colours, *rows]
    return ("/* XPM */\nstatic char *sample[] = {\n" + ",\n".join(lines) + "\n};\n").encode()


def cur() -> bytes:
    """A cursor is an icon file with type 2 (and a hot spot where an icon has planes)."""
    buffer = io.BytesIO()
    picture().save(buffer, "ICO", sizes=[SIZE], bitmap_format="bmp")
    data = bytearray(buffer.getvalue())
    data[2:4] = struct.pack("<H", 2)
    return bytes(data)


def sun() -> bytes:
    width, height = SIZE
    rows = np.asarray(picture())[..., ::-1].reshape(height, width * 3)
    padded = np.zeros((height, (width * 3 + 1) // 2 * 2), np.uint8)
    padded[:, : width * 3] = rows
    header = struct.pack(">8I", 0x59A66A95, width, height, 24, padded.size, 1, 0, 0)
    return header + padded.tobytes()


def dcx() -> bytes:
    """A DCX is a list of PCX pages: magic, page offsets ending in 0, then the pages."""
    page = saved("PCX")()
    return struct.pack("<III", 987654321, 12, 0) + page


def gbr() -> bytes:
    """A GIMP brush, version 2, in colour (4 bytes a pixel)."""
    width, height = SIZE
    name = b"sample\0"
    header = struct.pack(">IIIII4sI", 28 + len(name), 2, width, height, 4, b"GIMP", 10)
    return header + name + np.asarray(picture("RGBA")).tobytes()


def fits() -> bytes:
    """A FITS image: 80-column header cards padded to 2880 bytes, then the rows bottom-up."""
    width, height = SIZE
    cards = ["SIMPLE  =                    T", "BITPIX  =                    8",
             "NAXIS   =                    2", f"NAXIS1  = {width:>20}",
             f"NAXIS2  = {height:>20}", "END"]  # fmt: skip
    header = "".join(card.ljust(80) for card in cards).encode().ljust(2880, b" ")
    grey = np.asarray(picture("L"))[::-1].tobytes()
    return header + grey.ljust(2880, b"\0")


def heif() -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return saved("HEIF", quality=95)()


def jxl() -> bytes:
    import pillow_jxl  # noqa: F401  (registers the JXL format with Pillow)

    return saved("JXL", lossless=True)()


#: Pillow format name → builder of a sample file.
BUILDERS: dict[str, Callable[[], bytes]] = {
    "AVIF": saved("AVIF", quality=95), "BLP": saved("BLP", "P"), "BMP": saved("BMP"),
    "CUR": cur, "DCX": dcx, "DDS": saved("DDS"), "DIB": saved("DIB"), "FITS": fits,
    "GBR": gbr, "GIF": saved("GIF"), "HEIF": heif, "ICNS": saved("ICNS"),
    "ICO": saved("ICO", sizes=[SIZE]), "IM": saved("IM"), "JPEG": saved("JPEG", quality=95),
    "JPEG2000": saved("JPEG2000"), "JXL": jxl, "MPO": saved("MPO", quality=95),
    "MSP": saved("MSP", "1"), "PCX": saved("PCX"), "PNG": saved("PNG"), "PPM": saved("PPM"),
    "PSD": psd, "QOI": saved("QOI"), "SGI": saved("SGI"), "SUN": sun, "TGA": saved("TGA"),
    "TIFF": saved("TIFF"), "WEBP": saved("WEBP", lossless=True), "XBM": saved("XBM", "1"),
    "XPM": xpm,
}  # fmt: skip
#: Pillow's float PFM shares the PPM plugin: a second sample for its own extension.
PFM = saved("PPM", "F")

NOT_BUILT = {
    "FLI": "an Autodesk animation: no writer, and intricate to build by hand",
    "FTEX": "a Firaxis game texture: no writer",
    "PCD": "a Kodak Photo CD image: fixed 3 MB layout, no writer",
    "PIXAR": "a Pixar film-studio format: no writer",
}
