"""Images the user has marked with M, to act on them together (as in nsxiv and geeqie).

Keyed by path, so a mark follows its file through a re-list, a rename or a move within the
folder, and goes when the file goes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PyQt5.QtCore import QObject, pyqtSignal


class Marks(QObject):
    """The set of marked paths, in the order they were marked.

    Signals:
        changed(int): the number of marked images, after any change.
        toggled(str, bool): one path was marked (True) or unmarked, by ``toggle`` (for views
            that repaint one cell, such as a film strip or a grid).
    """

    changed = pyqtSignal(int)
    toggled = pyqtSignal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: dict[str, None] = {}

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def paths(self) -> list[str]:
        return list(self._paths)

    def in_order(self, listed: Iterable[str]) -> list[str]:
        """The marked paths as they come in ``listed`` (the folder's order)."""
        return [path for path in listed if path in self._paths]

    def toggle(self, path: str) -> bool:
        """Mark ``path``, or unmark it if it was marked; whether it is marked now."""
        if path in self._paths:
            del self._paths[path]
        else:
            self._paths[path] = None
        marked = path in self._paths
        self.toggled.emit(path, marked)
        self.changed.emit(len(self._paths))
        return marked

    def rekey(self, old: str, new: str | None) -> None:
        """``old`` was renamed to ``new`` (None: it left the folder)."""
        if old not in self._paths:
            return
        del self._paths[old]
        if new is not None:
            self._paths[new] = None
        self.changed.emit(len(self._paths))

    def keep_only(self, listed: Iterable[str]) -> None:
        """Forget marks on files no longer listed (deleted or moved away elsewhere)."""
        if not self._paths:
            return  # the usual case, and a poll of a huge folder should cost nothing here
        present = set(listed)
        kept = {path: None for path in self._paths if path in present}
        if len(kept) != len(self._paths):
            self._paths = kept
            self.changed.emit(len(kept))

    def clear(self) -> None:
        if self._paths:
            self._paths.clear()
            self.changed.emit(0)
