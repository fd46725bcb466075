"""How much memory decoding one image may take, and how a too-large image is cut down to fit.

A folder on a share can hold a 30,000 × 30,000 scan or a decompression bomb: a small file
that claims billions of pixels. The decoder checks the size in the file's header against a
per-image budget *before* it allocates any pixels, and then either decodes a JPEG at a
reduced DCT scale (libjpeg does that almost for free) or refuses with the dimensions.
"""

from __future__ import annotations

#: Default budget for all pixel buffers one decode holds at once: 1 GiB. That is a
#: 268-megapixel JPEG at full size, or an 89-megapixel TIFF/PNG (Pillow's own warning
#: threshold, which it derives the same way).
DEFAULT_MAX_IMAGE_BYTES = 1 << 30

#: Bytes per pixel of the final RGB32/ARGB32 image.
OUTPUT_BYTES_PER_PIXEL = 4

#: A Pillow decode may hold Pillow's own buffer, one mode conversion or rotation, and our
#: output at once; 4 bytes per pixel each is the worst case of the modes we convert.
PILLOW_BYTES_PER_PIXEL = 12

#: Reduced sizes libjpeg decodes directly from the DCT coefficients, smallest reduction first.
JPEG_REDUCTIONS = (1, 2, 4, 8)


def scaled(size: int, reduction: int) -> int:
    """A dimension decoded at 1/``reduction`` scale (libjpeg rounds up)."""
    return -(-size // reduction)


def fits(width: int, height: int, bytes_per_pixel: int, max_bytes: int) -> bool:
    return width * height * bytes_per_pixel <= max_bytes


def jpeg_reduction(width: int, height: int, bytes_per_pixel: int, max_bytes: int) -> int | None:
    """The smallest DCT reduction (1, 2, 4 or 8) at which a JPEG fits ``max_bytes``, or None."""
    for reduction in JPEG_REDUCTIONS:
        if fits(scaled(width, reduction), scaled(height, reduction), bytes_per_pixel, max_bytes):
            return reduction
    return None


def reduced_note(reduction: int) -> str:
    """The visible note on an image shown smaller than it is."""
    return f"shown at 1/{reduction} size: too large for the memory limit at full size"


def too_large_message(name: str, width: int, height: int, max_bytes: int) -> str:
    """Why a huge image is refused, with its dimensions, so the user knows it is not broken."""
    megapixels = width * height / 1e6
    return (
        f"{name} is too large to show: {width}×{height} pixels ({megapixels:,.0f} megapixels) "
        f"would need more than the {max_bytes >> 20} MiB allowed for one image."
    )
