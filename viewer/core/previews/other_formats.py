"""Embedded previews of formats other than JPEG, where Pillow exposes them.

Pillow reads the file through ``RangedFile``, so opening reads headers only: a TIFF's
reduced-resolution page (a scanner's or a raw converter's preview) is decoded without the
full-size page, and a PNG's ``eXIf`` chunk before the pixels brings its EXIF thumbnail.
Formats without either return None, and the caller falls back to a reduced decode.
"""

from __future__ import annotations

import io
import logging
import os
import warnings

from PIL import Image

from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.jpeg.layout import Head, JpegLayout
from viewer.core.formats.thumbnail_pixels import to_qt_layout
from viewer.core.io.ranged import read_range
from viewer.core.io.reading import DecodeError
from viewer.core.previews.in_jpeg import decode_preview, exif_thumbnail, orientation_of

_log = logging.getLogger(__name__)
_NEW_SUBFILE_TYPE = 254
_REDUCED_RESOLUTION = 1
#: Pages looked at for a reduced-resolution one: previews follow the main page.
_MAX_PAGES = 8
_ASPECT_SLACK = 0.02
#: Bytes Pillow reads per request through the ranged reader.
_BUFFER_BYTES = 64 * 1024


class RangedFile(io.RawIOBase):
    """A read-only file over a ``Head``: its bytes from memory, the rest by ranged reads."""

    def __init__(self, head: Head) -> None:
        super().__init__()
        self._head = head
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._head.file_size}
        self._position = max(0, base[whence] + offset)
        return self._position

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        wanted = min(len(buffer), max(0, self._head.file_size - self._position))
        start, head = self._position, self._head.data
        if start + wanted <= len(head):
            data = head[start : start + wanted]
        else:
            data = read_range(self._head.reader, self._head.path, start, wanted)
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


def pillow_preview(head: Head, size: int) -> DecodedImage | None:
    """A TIFF reduced-resolution page or an EXIF thumbnail Pillow finds, or None.

    Raises:
        DecodeError: the preview exists but is damaged.
    """
    name = os.path.basename(head.path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BufferedReader(RangedFile(head), _BUFFER_BYTES)) as opened:
                main = opened.size
                exif = opened.info.get("exif")
                if opened.format == "TIFF":
                    page = _reduced_page(opened, main, size)
                    if page is not None:
                        return page
    except DecodeError:
        raise
    except Exception as error:  # Pillow raises many kinds on files it cannot open
        _log.debug("no Pillow preview of %s: %s", name, error)
        return None
    if not isinstance(exif, bytes):
        return None
    tiff = exif[6:] if exif.startswith(b"Exif\x00\x00") else exif
    layout = JpegLayout(main, False, tiff, None, 0)
    data = exif_thumbnail(layout, name)
    return (
        None if data is None else decode_preview(data, name, layout, orientation_of(layout), size)
    )


def _reduced_page(opened: Image.Image, main: tuple[int, int], size: int) -> DecodedImage | None:
    """The first reduced-resolution page of the main page's shape, decoded to ≤ ``size``."""
    for page in range(1, min(int(getattr(opened, "n_frames", 1)), _MAX_PAGES)):
        opened.seek(page)
        kind = getattr(opened, "tag_v2", {}).get(_NEW_SUBFILE_TYPE, 0)
        width, height = opened.size
        same_shape = abs(width / height - main[0] / main[1]) <= _ASPECT_SLACK * main[0] / main[1]
        if isinstance(kind, int) and kind & _REDUCED_RESOLUTION and same_shape:
            try:
                opened.load()
            except (OSError, ValueError) as error:
                raise DecodeError(f"A TIFF preview page is damaged: {error}.") from None
            image = opened.convert("RGBA" if "A" in opened.mode else "RGB")
            image.thumbnail((size, size), Image.Resampling.BICUBIC)
            pixels, has_alpha = to_qt_layout(image)
            return DecodedImage(pixels, has_alpha, "TIFF", full_size=main)
    return None
