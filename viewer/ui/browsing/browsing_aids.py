"""The image information panel, the sort order and the slideshow, as the window uses them.

One object, so the window gains a few hook lines rather than three features' worth of slots:
its commands (``slots``), its submenu (``submenus``), every listing passed through
``ordered``, and a new order announced through ``relist`` as a new listing would be.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtCore import QObject, pyqtSlot
from PyQt5.QtWidgets import QMainWindow, QMenu

from viewer.core.folder.sequence import ImageSequence
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.browsing.image_details import ImageDetails
from viewer.ui.browsing.slideshow import Slideshow
from viewer.ui.browsing.sorting import FolderSorting
from viewer.ui.messages import Messages


class BrowsingAids(QObject):
    """Attributes:
    details: the I panel's controller.
    sorting: the sort order and its menu.
    slideshow: the S slideshow.
    """

    def __init__(
        self,
        window: QMainWindow,
        model: PrefetchModel,
        browsing: Browsing,
        messages: Messages,
        settings: Settings,
        go_next: Callable[[], None],
        relist: Callable[[ImageSequence], None],
    ) -> None:
        super().__init__(window)
        self._model, self._browsing, self._messages = model, browsing, messages
        self._settings, self._go_next = settings, go_next
        self.details = ImageDetails(window, model, browsing)
        self.sorting = FolderSorting(settings, messages, window)
        self.slideshow = Slideshow(self._next_is_ready, self._slide_on, self._seconds, self)
        self.sorting.reordered.connect(relist)
        model.imageReady.connect(self.slideshow.on_image_ready)
        self.slideshow.runningChanged.connect(self._on_slideshow)

    def slots(self) -> dict[str, Callable[[], object]]:
        return {"info": self.details.toggle, "slideshow": self.slideshow.toggle}

    def submenus(self) -> dict[str, list[QMenu]]:
        return {"View": [self.sorting.menu]}

    def ordered(self, sequence: ImageSequence) -> ImageSequence:
        """A listing in the chosen order (reading dates, times or sizes starts if needed)."""
        return self.sorting.ordered(sequence)

    def close(self) -> None:
        self.slideshow.stop()
        self.sorting.shutdown()

    def _next_is_ready(self) -> bool:
        """The slideshow moves on only to a stored image (or, at the end, to stop)."""
        index, count = self._browsing.index, self._browsing.count()
        return index is None or index + 1 >= count or self._model.is_cached(index + 1)

    def _slide_on(self) -> None:
        index, count = self._browsing.index, self._browsing.count()
        if index is None or index + 1 >= count:
            self.slideshow.stop()
        else:
            self._go_next()

    def _seconds(self) -> float:
        return self._settings.preferences().slideshow_seconds

    @pyqtSlot(bool)
    def _on_slideshow(self, running: bool) -> None:
        self._messages.notice("Slideshow started." if running else "Slideshow stopped.")
