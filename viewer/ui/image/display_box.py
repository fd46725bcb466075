"""Which box the model decodes for: the view's, the compare panes', or full resolution.

One place decides, so a resize, a zoom, the zoom lock and the compare view never argue about
it. Full resolution is asked for ahead of the user only when it will be looked at: zoomed in
beyond the fit with the zoom locked (every next image opens at that zoom), or zoomed in the
compare view. Otherwise images are decoded for the box they are shown in, and only the image
on screen is refined to full resolution when zoomed (``PrefetchModel.request_full``).
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, pyqtSlot

from viewer.core.formats.geometry import Size
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.image.image_view import ImageView


class DisplayBox(QObject):
    """Sets ``model``'s display box from ``view``, the zoom lock and the compare view."""

    def __init__(
        self,
        model: PrefetchModel,
        view: ImageView,
        zoom_locked: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._view = view
        self._zoom_locked = zoom_locked
        self._compare: tuple[Size, bool] | None = None
        view.resized.connect(self.update)
        view.zoomChanged.connect(self.update)

    def compare(self, pane_box: Size | None, zoomed: bool = False) -> None:
        """The compare view shows panes of ``pane_box`` device pixels (None: it closed);
        ``zoomed``: its shared zoom is beyond the fit."""
        self._compare = None if pane_box is None else (pane_box, zoomed)
        self.update()

    def full_ahead(self) -> bool:
        """Whether read-ahead decodes at full resolution now."""
        if self._compare is not None:
            return self._compare[1]
        return self._zoom_locked() and self._view.above_fit()

    @pyqtSlot()
    def update(self) -> None:
        if not self._view.isVisible():
            return  # a hidden view's size is not the one it will show in (100×30 at start)
        if self.full_ahead():
            box: Size | None = None
        elif self._compare is not None:
            box = self._compare[0]
        else:
            box = self._view.display_box()
        self._model.set_display_box(box)
