"""Decode straight into QImage memory, so pixels are written once and Qt owns them.

A QImage that wraps a numpy buffer would dangle once Python frees the buffer while a
QPixmap still shares it; a QImage that owns its memory is safe to pass anywhere.
"""

from __future__ import annotations

import numpy as np
from PyQt5.QtGui import QImage

from viewer.core.formats.decode import DecodedImage


class QImageAllocator:
    """An ``Allocator`` for the core decoder that hands out views of fresh QImages.

    Attributes:
        image: the QImage behind the last array handed out.
    """

    def __init__(self) -> None:
        self.image: QImage | None = None
        self._pixels: np.ndarray | None = None

    def __call__(self, height: int, width: int, has_alpha: bool) -> np.ndarray:
        image_format = QImage.Format_ARGB32_Premultiplied if has_alpha else QImage.Format_RGB32
        image = QImage(width, height, image_format)
        if image.isNull():
            raise MemoryError(f"cannot allocate a {width}×{height} image")
        self.image = image
        self._pixels = pixels_of(image)
        return self._pixels

    def take(self, decoded: DecodedImage) -> QImage:
        """The QImage holding ``decoded``'s pixels, copying only if a loader bypassed us."""
        pixels, image = self._pixels, self.image
        if image is not None and pixels is not None and np.shares_memory(pixels, decoded.pixels):
            return image
        return to_qimage(decoded)


def pixels_of(image: QImage) -> np.ndarray:
    """A writable ``(height, width, 4)`` view of a 32-bit QImage's memory."""
    pointer = image.bits()
    pointer.setsize(image.sizeInBytes())
    rows = np.frombuffer(memoryview(pointer), dtype=np.uint8)  # type: ignore[arg-type]
    rows = rows.reshape(image.height(), image.bytesPerLine())
    pixels: np.ndarray = rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    return pixels


def to_qimage(decoded: DecodedImage) -> QImage:
    """Copy decoded pixels into a new QImage that owns its memory."""
    allocator = QImageAllocator()
    target = allocator(decoded.height, decoded.width, decoded.has_alpha)
    np.copyto(target, decoded.pixels)
    assert allocator.image is not None
    return allocator.image
