"""Zoom and pan shared by the panes of the compare view, in image-relative coordinates.

Images of a burst may differ in pixel size (a crop, another camera), so the panes cannot share
a zoom in pixels. They share what the image looks like instead: its width on screen
(``extent``) and the point shown at the pane's centre, measured from the image's centre in
units of its width. The same point of every image then sits at the same place in every pane,
at the same size, whatever the pixel counts. A pane moved alone keeps an offset of its own
(to line up a frame that shifted) on top of the shared centre.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.formats.geometry import Size, Zoom, fitted_zoom

MIN_SCALE = 0.01  #: the zoom bounds, device pixels per image pixel (as the single view's)
MAX_SCALE = 32.0

Point = tuple[float, float]


@dataclass
class LinkedZoom:
    """The placement every pane derives its ``Zoom`` from.

    Attributes:
        extent: every image's width on screen in logical pixels; None while each pane fits.
        centre: the image point at the panes' centres, from the image's centre, in widths.
        offsets: per pane, an extra shift of its own centre (same units), from Shift+drag.
    """

    extent: float | None = None
    centre: Point = (0.0, 0.0)
    offsets: dict[int, Point] = field(default_factory=dict)

    def is_fitted(self) -> bool:
        return self.extent is None

    def pane_zoom(self, pane: int, image: Size, view: Size, ratio: float = 1.0) -> Zoom:
        """Where pane ``pane`` draws its ``image`` (pixels) in its ``view`` (logical pixels)."""
        width, height = image
        if self.extent is None or width <= 0 or height <= 0:
            return fitted_zoom(image, view, ratio)
        scale = self.extent / width
        rel_x, rel_y = self._total_centre(pane)
        centre_x, centre_y = width / 2 + rel_x * width, height / 2 + rel_y * width
        return Zoom(scale, view[0] / 2 - centre_x * scale, view[1] / 2 - centre_y * scale)

    def zoom_at(
        self,
        pane: int,
        image: Size,
        view: Size,
        point: Point,
        factor: float,
        ratio: float = 1.0,
    ) -> None:
        """Zoom every pane by ``factor``, keeping the image point under ``point`` (in pane
        ``pane``) where it is; from fit, the step starts at that pane's fitted size."""
        before = self.pane_zoom(pane, image, view, ratio)
        extent = before.scale * image[0] * factor
        self._place(pane, image, view, point, before, extent, ratio)

    def actual_size(self, pane: int, image: Size, view: Size, ratio: float = 1.0) -> None:
        """One device pixel per image pixel in pane ``pane`` (the others at the same look),
        around the point at its centre."""
        before = self.pane_zoom(pane, image, view, ratio)
        centre = (view[0] / 2, view[1] / 2)
        self._place(pane, image, view, centre, before, image[0] / ratio, ratio)

    def fit(self) -> None:
        """Every pane fits again; moves of single panes are kept for the next zoom."""
        self.extent = None
        self.centre = (0.0, 0.0)

    def pan(self, dx: float, dy: float) -> None:
        """Drag every pane by (dx, dy) logical pixels."""
        if self.extent is not None:
            x, y = self.centre
            self.centre = _clamped((x - dx / self.extent, y - dy / self.extent))

    def pan_one(self, pane: int, dx: float, dy: float) -> None:
        """Drag pane ``pane`` alone by (dx, dy) logical pixels."""
        if self.extent is not None:
            x, y = self.offsets.get(pane, (0.0, 0.0))
            self.offsets[pane] = (x - dx / self.extent, y - dy / self.extent)

    def forget_offsets(self) -> None:
        self.offsets.clear()

    def _total_centre(self, pane: int) -> Point:
        offset_x, offset_y = self.offsets.get(pane, (0.0, 0.0))
        return (self.centre[0] + offset_x, self.centre[1] + offset_y)

    def _place(
        self,
        pane: int,
        image: Size,
        view: Size,
        point: Point,
        before: Zoom,
        extent: float,
        ratio: float,
    ) -> None:
        width, height = image
        if width <= 0 or height <= 0:
            return
        scale = min(max(extent / width, MIN_SCALE / ratio), MAX_SCALE / ratio)
        self.extent = scale * width
        image_x, image_y = before.image_point(*point)
        rel_x, rel_y = (image_x - width / 2) / width, (image_y - height / 2) / width
        total = (rel_x - (point[0] - view[0] / 2) / self.extent,
                 rel_y - (point[1] - view[1] / 2) / self.extent)  # fmt: skip
        offset_x, offset_y = self.offsets.get(pane, (0.0, 0.0))
        self.centre = _clamped((total[0] - offset_x, total[1] - offset_y))


def _clamped(centre: Point) -> Point:
    """The shared centre stays on the image (half a width either way of its centre)."""
    return (min(0.5, max(-0.5, centre[0])), min(0.5, max(-0.5, centre[1])))
