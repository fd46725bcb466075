"""Opening a path: is it a folder or an image, and how did its first listing go?

The window asks ``open(path, start)`` and hears back through signals, so it never follows the
``FolderLister`` itself. No widgets here: the listing runs on the lister's worker, and the one
file-system probe (folder, file or nothing) sits behind an injectable function so that a later
change can move it to a worker too (a probe of a dead share can hang).
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Callable

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot

from viewer.core.paths import name_of
from viewer.core.sequence import ImageSequence, is_image_name
from viewer.model.folder_lister import FolderLister


class PathKind(Enum):
    """What ``open`` was given."""

    FOLDER = "folder"
    IMAGE = "image"  # a file with an image's name; its folder is listed once it is shown
    NOTHING = "nothing"  # missing, or not a file this viewer opens


def probe_path(path: str) -> PathKind:
    """Ask the file system what ``path`` is (the only place ``open`` touches it)."""
    if os.path.isdir(path):
        return PathKind.FOLDER
    if os.path.exists(path) and is_image_name(name_of(path)):
        return PathKind.IMAGE
    return PathKind.NOTHING


class FolderOpening(QObject):
    """The listing lifecycle of the folder on screen: first listing, later ones, failures.

    Signals:
        progress(int): files seen so far by the listing under way.
        firstListing(object, int): the first listing of a folder given to ``open``: the
            ``ImageSequence`` and the index asked for (possibly past its end).
        relisted(object): any other listing of the folder watched, changed or not (after an
            image given to ``open``, after ``watch``, or from polling).
        opened(int): the first listing of what ``open`` was given has been handed on; the
            number of images in it.
        failed(str): what ``open`` was given cannot be shown (no such folder, no images).
        unavailable(str): a later listing failed: the folder went away or the share dropped.
    """

    progress = pyqtSignal(int)
    firstListing = pyqtSignal(object, int)
    relisted = pyqtSignal(object)
    opened = pyqtSignal(int)
    failed = pyqtSignal(str)
    unavailable = pyqtSignal(str)

    def __init__(
        self,
        lister: FolderLister,
        probe: Callable[[str], PathKind] = probe_path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lister = lister
        self._probe = probe
        self._awaiting = False  # the first listing of what ``open`` was given is due
        self._start: int | None = None  # the index a folder given to ``open`` starts at
        lister.progress.connect(self.progress)
        lister.listed.connect(self._on_listed)
        lister.failed.connect(self._on_failed)

    def open(self, path: str, start: int = 0) -> PathKind:
        """Start opening ``path``; a folder is listed at once, an image once ``watch`` is called.

        Returns what ``path`` is; for ``NOTHING`` nothing starts and no signal follows.
        """
        kind = self._probe(path)
        if kind is PathKind.NOTHING:
            return kind
        self._awaiting = True
        if kind is PathKind.FOLDER:
            self._start = start
            self._lister.open(path)
        else:
            self._start = None  # the image is shown as it is; its listing only places it
        return kind

    def watch(self, folder: str) -> None:
        """List ``folder`` (shown already) and keep it listed; its listings are ``relisted``."""
        self._lister.open(folder)

    def is_awaiting(self) -> bool:
        """Whether the first listing of what ``open`` was given is still to come."""
        return self._awaiting

    @pyqtSlot(object)
    def _on_listed(self, sequence: ImageSequence) -> None:
        first, self._awaiting = self._awaiting, False
        if first and not len(sequence):
            self.failed.emit(f"No images in folder: {sequence.folder}")
            return
        start, self._start = self._start, None
        if start is not None:
            self.firstListing.emit(sequence, start)
        else:
            self.relisted.emit(sequence)
        if first:
            self.opened.emit(len(sequence))

    @pyqtSlot(str)
    def _on_failed(self, message: str) -> None:
        if self._awaiting:
            self._awaiting = False
            self._start = None
            self.failed.emit(message)
        else:
            self.unavailable.emit(message)
