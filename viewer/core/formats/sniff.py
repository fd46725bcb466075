"""Name the real type of a file that has an image's extension but is not an image.

"photo.jpg is not an image: it is a PDF document" tells the user what happened (a renamed
or mis-saved file) far better than "cannot identify image file". Only the first bytes are
looked at; an unknown type gives None. And say how large a refused image claims to be.
"""

from __future__ import annotations

import io

from PIL import Image

_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"8BPS", "a Photoshop document"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)

# ISO media ("ftyp" box) brands: some are images this viewer cannot read, the rest videos.
_IMAGE_BRANDS = {b"heic": "a HEIC image", b"heix": "a HEIC image", b"mif1": "a HEIF image",
                 b"avif": "an AVIF image"}  # fmt: skip

_TEXT_SAMPLE = 1024


def describe(data: bytes) -> str | None:
    """What ``data`` is, as a phrase such as "a PDF document", or None if unknown."""
    for prefix, kind in _PREFIXES:
        if data.startswith(prefix):
            return kind
    if data[4:8] == b"ftyp":
        return _IMAGE_BRANDS.get(data[8:12], "an MP4 or QuickTime video")
    if data[:4] == b"RIFF" and data[8:12] in (b"AVI ", b"WAVE"):
        return "an AVI video" if data[8:12] == b"AVI " else "a WAV audio file"
    return _describe_text(data[:_TEXT_SAMPLE])


def _describe_text(sample: bytes) -> str | None:
    if b"\x00" in sample:
        return None
    try:
        text = sample.decode("utf-8").lstrip("\ufeff \t\r\n").lower()
    except UnicodeDecodeError:
        return None
    if not text:
        return None
    if "<svg" in text:
        return "an SVG drawing, which this viewer cannot show"
    if text.startswith(("<!doctype html", "<html")):
        return "a web page (HTML)"
    if text.startswith("<?xml"):
        return "an XML file"
    return "a text file"


def bomb_message(data: bytes, name: str) -> str:
    size = claimed_size(data)
    claim = "" if size is None else f" ({size[0]}×{size[1]} pixels)"
    return (
        f"{name} is too large to open safely{claim}: it is over Pillow's decompression-bomb limit."
    )


def claimed_size(data: bytes) -> tuple[int, int] | None:
    """The size a file's header claims, read by Pillow's format parsers directly.

    ``Image.open`` raises ``DecompressionBombError`` without saying the size; the parsers
    themselves only read headers and allocate no pixels, so asking them is safe.
    """
    Image.init()
    prefix = data[:16]
    for format_id in Image.ID:
        factory, accept = Image.OPEN[format_id]
        try:
            accepted = accept(prefix) if accept is not None else True
            if not accepted or isinstance(accepted, str):
                continue
            with factory(io.BytesIO(data), "") as image:
                width, height = image.size
                return int(width), int(height)
        except Exception:
            continue
    return None
