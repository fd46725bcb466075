"""What of the folder is shown, applied to every listing before the window takes it.

RAW+JPEG pairs as one item, View ▸ Show's filter, and the order by rating.

The window passes each (sorted) listing through ``shown``; it gets back the items to show as
an ``ImageSequence``, so navigation, the grid, the film strip and read-ahead all follow the
filter without knowing of it. The whole listing stays here (``listing``) for the marks, the
file operations and the sort. When verdicts arrive or the choice changes, ``reshow`` carries
the whole listing to the window, which takes it as a new listing: the current image stays
current by its path.
"""

from __future__ import annotations

from collections.abc import Callable

from PyQt5.QtCore import QObject, QTimer, pyqtSignal, pyqtSlot

from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.paths import join, name_of
from viewer.core.verdicts.model import Verdict
from viewer.model.verdicts.book import VerdictBook
from viewer.model.verdicts.show_filter import ShowFilter, ShowKind
from viewer.model.verdicts.shown import Items, item_verdict, items_of, shown_names

#: How long verdicts arriving in a burst wait to be shown together (a folder read announces
#: a batch every few milliseconds; one re-filter per batch would be work for nothing).
RESHOW_MS = 100


class FolderShow(QObject):
    """Signals:
    reshow(ImageSequence): the whole listing, to be shown again (filter or verdicts changed).

    Attributes:
        listing: the folder's whole listing in its sort order (None before one arrives).
        items: the listing grouped into items.
    """

    reshow = pyqtSignal(object)

    def __init__(
        self,
        book: VerdictBook,
        is_marked: Callable[[str], bool],
        current: Callable[[], str | None],
        pairs: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._is_marked = is_marked
        self._current = current
        self.pairs = pairs
        self.filter = ShowFilter()
        self.by_rating = False
        self.listing: ImageSequence | None = None
        self.items = Items()
        self._shown_count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESHOW_MS)
        self._timer.timeout.connect(self._on_timeout)

    # -- the listing ----------------------------------------------------------------------------

    def shown(self, listing: ImageSequence) -> ImageSequence:
        """The items of ``listing`` to show, in order; reading verdicts starts for a new folder."""
        old = self.listing
        self.listing = listing
        if old is None or old.folder != listing.folder:
            self._book.open_folder(listing.folder, list(listing))
        else:
            self._book.add_images(listing)
        self.items = items_of(listing.names, self.pairs)
        current = self._current()
        keep = name_of(current) if current is not None else None
        names = shown_names(
            self.items, self.filter, self._verdict_of(listing.folder),
            self._marked_name(listing.folder), self.by_rating, keep,
        )  # fmt: skip
        self._shown_count = len(names)
        return ImageSequence(listing.folder, names)

    def members(self, path: str) -> list[str]:
        """The files of the item ``path`` shows (itself and, for a pair, its RAW)."""
        if self.listing is None:
            return [path]
        folder = self.listing.folder
        return [join(folder, member) for member in self.items.members(name_of(path))]

    def is_pair(self, path: str) -> bool:
        return name_of(path) in self.items.groups

    def verdict(self, path: str) -> Verdict | None:
        """The verdict the item ``path`` shows (a pair's RAW may hold it)."""
        if self.listing is None:
            return self._book.verdict(path)
        return item_verdict(self.items, name_of(path), self._verdict_of(self.listing.folder))

    def is_settled(self) -> bool:
        """Whether what is shown follows every verdict known (no re-filter is waiting)."""
        return not self._timer.isActive()

    def count_text(self) -> str:
        """``312 of 2,400 shown`` while a filter is on, and how far the verdicts' read is."""
        if self.listing is None:
            return ""
        parts = []
        if not self.filter.is_all:
            parts.append(f"{self._shown_count:,} of {len(self.items.shown):,} shown")
        if self._book.is_reading():
            parts.append(f"verdicts {self._book.known():,}/{self._book.wanted():,}")
        return " · ".join(parts)

    # -- choices --------------------------------------------------------------------------------

    def set_filter(self, show: ShowFilter) -> None:
        self.filter = show
        self.refresh()

    def set_by_rating(self, by_rating: bool) -> None:
        self.by_rating = by_rating
        self.refresh()

    def set_pairs(self, pairs: bool) -> None:
        if pairs != self.pairs:
            self.pairs = pairs
            self.refresh()

    def refresh(self) -> None:
        """Show the listing again now."""
        self._timer.stop()
        if self.listing is not None:
            self.reshow.emit(self.listing)

    @pyqtSlot(object)
    def verdicts_changed(self, _paths: object = None) -> None:
        """Verdicts changed in memory: a filter or an order by rating shows them soon."""
        if (not self.filter.is_all or self.by_rating) and not self._timer.isActive():
            self._timer.start()

    def marks_changed(self) -> None:
        if self.filter.kind is ShowKind.MARKED:
            self.refresh()

    @pyqtSlot()
    def _on_timeout(self) -> None:
        self.refresh()

    def _verdict_of(self, folder: str) -> Callable[[str], Verdict | None]:
        book = self._book
        return lambda name: book.verdict(join(folder, name))

    def _marked_name(self, folder: str) -> Callable[[str], bool]:
        marked = self._is_marked
        return lambda name: marked(join(folder, name))
