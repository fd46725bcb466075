"""The first frame's pixels from the whole file, for a JPEG without a camera preview.

Decoded by Pillow on a thread of its own, beside the header's parse.

The viewer's decoder needs numpy and simplejpeg as well as Pillow: about 200 ms of imports
that hold the GIL. Pillow alone costs about 25 ms and releases the GIL while it decodes
(about 150 ms for a 24 MP photo, whose entropy decoding cannot be reduced), while the
header's EXIF and MPF parsers, Python, run beside it. The file is reduced in its DCT
(``draft``) and resized with the decoder's filter, so the window shows the same pixels when
it takes over. Not Qt's reader: off the GUI thread it can deadlock (``first_preview``), and
its libjpeg, built without SIMD, is 40 % slower here.

Only what shows as the decoder would show it is taken: a JPEG without an embedded or
EXIF-marked colour profile (sRGB), and not when colours are converted for a monitor. Anything
else, or anything unreadable, gives None and waits for the viewer's own decode, which says
what is wrong with a file in its own sentences.
"""

from __future__ import annotations

import io
import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from viewer.core.formats.geometry import Size, fit_within, stored_size
from viewer.core.formats.orientation import upright_transpose
from viewer.startup.first_header import Header

if TYPE_CHECKING:  # Pillow is imported on the early thread, once a file needs it
    import numpy as np
    from PIL.Image import Image as PillowImage
    from PyQt5.QtGui import QImage

log = logging.getLogger(__name__)

_EOI = b"\xff\xd9"
#: Bytes per pixel of each mode a plain JPEG decodes to.
_BYTES_PER_PIXEL = {"RGB": 3, "L": 1}


@dataclass(frozen=True)
class DecodedFrame:
    """The first frame's pixels, made on the early thread without Qt, wrapped in a QImage on
    the GUI thread (``decode``): a PyQt call on another thread while the main thread imports
    PyQt's modules can crash the process (seen: 3 starts in 120 under load)."""

    raw: bytes
    size: Size
    mode: str
    full_size: Size

    def decode(self) -> tuple[QImage, Size]:
        """The pixels as an RGB32 QImage; on the GUI thread only."""
        from PyQt5.QtGui import QImage

        form = QImage.Format_RGB888 if self.mode == "RGB" else QImage.Format_Grayscale8
        width, height = self.size
        wrapped = QImage(self.raw, width, height, width * _BYTES_PER_PIXEL[self.mode], form)
        return wrapped.convertToFormat(QImage.Format_RGB32), self.full_size  # a copy


@dataclass(frozen=True)
class ScreenPixels:
    """The viewer's own decode at the screen's size (Qt's RGB32 layout), made on the early
    thread, copied into a QImage on the GUI thread (``decode``)."""

    pixels: np.ndarray
    full_size: Size

    def decode(self) -> tuple[QImage, Size]:
        """A QImage of its own; on the GUI thread only."""
        from PyQt5.QtGui import QImage

        height, width = self.pixels.shape[:2]
        raw = self.pixels.tobytes()  # the early thread hands these pixels on to the model
        wrapped = QImage(raw, width, height, width * 4, QImage.Format_RGB32)
        return wrapped.copy(), self.full_size  # a QImage of its own: raw may go


def from_file(
    data: bytes, stored: Size, box: Size, header: Callable[[], Header | None]
) -> DecodedFrame | None:
    """The whole file (``stored`` pixels as stored) decoded to fit ``box`` while
    ``header()`` reads the header on this thread; None if the header refuses the file, or it
    is truncated, larger than Pillow takes without warning, or not readable.

    The decode (about 150 ms for a 24 MP photo, whose entropy decoding cannot be reduced)
    releases the GIL, and the header's parsers are Python: side by side they take the longer
    of the two, not their sum.
    """
    from PIL import Image

    if not data.rstrip(b"\0").endswith(_EOI):
        return None  # truncated: the decoder fills it grey and says so in its sentences
    if stored[0] * stored[1] > (Image.MAX_IMAGE_PIXELS or 1 << 62):
        return None  # Pillow would warn on the console; the decoder silences that
    decoded: list[PillowImage] = []
    begun = threading.Event()  # set once the decode has the GIL no more
    thread = threading.Thread(
        target=_decode_into, args=(data, stored, box, decoded, begun), name="first-decode",
        daemon=True,
    )  # fmt: skip
    thread.start()
    try:
        begun.wait()  # the header's parse after: beside it, opening the file took 40 ms
        known = header()
    finally:
        thread.join()
    if known is None or not decoded:
        return None
    return _made(decoded[0], fit_within(known.full_size, box), known)


def _decode_into(
    data: bytes, stored: Size, box: Size, decoded: list[PillowImage], begun: threading.Event
) -> None:
    """The whole JPEG reduced in its DCT to cover ``box`` however its EXIF (not read yet)
    turns it: the largest reduction still at least as large as both fits."""
    from PIL import JpegImagePlugin

    width, height = fit_within(stored, box)
    across, down = fit_within((stored[1], stored[0]), box)
    try:
        try:  # not ``Image.open``: its first call imports five plugins, 40 ms here
            image = JpegImagePlugin.JpegImageFile(io.BytesIO(data))
            image.draft("RGB", (max(width, down), max(height, across)))
            image.decodermaxblock = len(data)  # decoded in one call, so without the GIL
        finally:
            begun.set()
        image.load()
    except Exception as error:  # the viewer's own decode follows, and says what is wrong
        log.info("The first frame was not decoded: %s", error)
        return
    decoded.append(image)


def _made(image: PillowImage, target: Size, header: Header) -> DecodedFrame | None:
    """``image`` resized as the decoder resizes, turned upright, in ``target``'s size."""
    from PIL import Image

    if image.mode not in _BYTES_PER_PIXEL:
        return None
    resized = image.resize(stored_size(target, header.orientation), Image.Resampling.BOX)
    method = upright_transpose(header.orientation)
    upright = resized if method is None else resized.transpose(Image.Transpose[method])
    if upright.size != target:
        return None
    return DecodedFrame(upright.tobytes(), upright.size, upright.mode, header.full_size)
