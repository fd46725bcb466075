"""Sizes and zoom arithmetic for display images, free of Qt so it is tested exactly.

A display image is what the view paints at "fit": the upright image scaled to fit the view in
device pixels, never enlarged. Workers decode to that size, so the GUI thread only blits.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.formats.orientation import swaps_axes

Size = tuple[int, int]  # (width, height)


def upright_size(size: Size, orientation: int | None) -> Size:
    """The size of the stored image once turned upright by its EXIF orientation."""
    width, height = size
    return (height, width) if swaps_axes(orientation) else (width, height)


def stored_size(upright: Size, orientation: int | None) -> Size:
    """The inverse of ``upright_size``: what to ask a decoder for, before orientation."""
    return upright_size(upright, orientation)


def fit_within(size: Size, box: Size) -> Size:
    """The largest size with ``size``'s aspect ratio inside ``box``; never larger than ``size``."""
    width, height = size
    box_width, box_height = box
    if width <= 0 or height <= 0 or box_width <= 0 or box_height <= 0:
        return (0, 0)
    scale = min(box_width / width, box_height / height, 1.0)
    return (max(1, round(width * scale)), max(1, round(height * scale)))


def device_box(logical: Size, device_pixel_ratio: float) -> Size:
    """A widget's size in device pixels, which is what a sharp image must fill."""
    width, height = logical
    return (round(width * device_pixel_ratio), round(height * device_pixel_ratio))


def display_size(
    source: Size, orientation: int | None, view: Size, device_pixel_ratio: float
) -> Size:
    """Device-pixel size of the display image for a stored ``source`` shown in ``view``."""
    return fit_within(upright_size(source, orientation), device_box(view, device_pixel_ratio))


#: DCT reductions libjpeg-turbo decodes fast. Its other scales (3/8, 5/8, …) were measured
#: slower than a full decode of a 24 MP JPEG (214 ms against 147 ms), so they are not used.
JPEG_REDUCTIONS = (8, 4, 2, 1)


def jpeg_reduced_size(source: Size, reduction: int) -> Size:
    """libjpeg's output size at scale 1/``reduction`` (it rounds up)."""
    width, height = source
    return (-(-width // reduction), -(-height // reduction))


def jpeg_cover_reduction(source: Size, target: Size) -> int:
    """The largest fast DCT reduction (8, 4, 2 or 1) whose output still covers ``target``."""
    target_width, target_height = target
    for reduction in JPEG_REDUCTIONS:
        width, height = jpeg_reduced_size(source, reduction)
        if width >= target_width and height >= target_height:
            return reduction
    return 1


@dataclass(frozen=True)
class Zoom:
    """How an image is placed in the view: a scale and the view point of its top-left corner.

    Coordinates are logical view pixels; ``scale`` is view pixels per image pixel.
    """

    scale: float
    left: float
    top: float

    def image_point(self, view_x: float, view_y: float) -> tuple[float, float]:
        """The image pixel under a view point."""
        return ((view_x - self.left) / self.scale, (view_y - self.top) / self.scale)

    def zoomed_at(self, view_x: float, view_y: float, scale: float) -> Zoom:
        """The same image point stays under (view_x, view_y) at the new ``scale``."""
        image_x, image_y = self.image_point(view_x, view_y)
        return Zoom(scale, view_x - image_x * scale, view_y - image_y * scale)

    def panned(self, dx: float, dy: float) -> Zoom:
        return Zoom(self.scale, self.left + dx, self.top + dy)


def fitted_zoom(image: Size, view: Size, device_pixel_ratio: float = 1.0) -> Zoom:
    """The zoom that shows the whole image centred, never above 100% in device pixels."""
    width, height = image
    view_width, view_height = view
    if width <= 0 or height <= 0:
        return Zoom(1.0, 0.0, 0.0)
    actual = 1.0 / device_pixel_ratio  # one image pixel per device pixel
    scale = min(view_width / width, view_height / height, actual)
    return Zoom(scale, (view_width - width * scale) / 2, (view_height - height * scale) / 2)


def clamp_pan(zoom: Zoom, image: Size, view: Size) -> Zoom:
    """Keep the image covering the view when larger, and centred on an axis where smaller."""
    width, height = image[0] * zoom.scale, image[1] * zoom.scale
    view_width, view_height = view
    left = _clamp_axis(zoom.left, width, view_width)
    top = _clamp_axis(zoom.top, height, view_height)
    return Zoom(zoom.scale, left, top)


def _clamp_axis(start: float, extent: float, view: float) -> float:
    if extent <= view:
        return (view - extent) / 2
    return min(0.0, max(view - extent, start))
