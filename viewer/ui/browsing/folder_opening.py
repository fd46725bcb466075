"""Opening a path: is it a folder or an image, and how did its first listing go?

The window asks ``open(path, start)`` and hears back through signals, so it never follows the
``FolderLister`` itself. No widgets here, and no file-system call on the GUI thread: the
listing runs on the lister's worker, and the one probe (folder, file or nothing) on a thread
of its own (``OffThread``), because a probe of a dead share can hang for minutes. Tests inject
a probe that blocks.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Callable

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot

from viewer.core.folder.sequence import ImageSequence, is_image_name
from viewer.core.io.paths import name_of
from viewer.model.folder.lister import FolderLister
from viewer.model.folder.off_thread import OffThread


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
        probed(str, object): what a path given to ``open`` is (a ``PathKind``), found off the
            GUI thread; the answer to an open superseded by a later one never comes.
        progress(int): files seen so far by the listing under way.
        firstListing(object, int): the first listing of a folder given to ``open``: the
            ``ImageSequence`` and the index asked for (possibly past its end). With
            subfolders, it may be the first folder's images, once they hold that index, while
            the walk goes on; the whole walk then comes as ``relisted``.
        relisted(object): any other listing of the folder watched, changed or not (after an
            image given to ``open``, after ``watch``, or from polling).
        opened(int): the first listing of what ``open`` was given has been handed on; the
            number of images in it.
        failed(str): what ``open`` was given cannot be shown (no such folder, no images).
        unavailable(str): a later listing failed: the folder went away or the share dropped.
    """

    probed = pyqtSignal(str, object)
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
        self._asked: tuple[int, str, int] | None = None  # the probe awaited: ticket, path, start
        self._questions = OffThread(self)
        self._questions.answered.connect(self._on_probed)
        self._questions.failed.connect(self._on_probe_failed)
        lister.progress.connect(self.progress)
        lister.partial.connect(self._on_partial)
        lister.listed.connect(self._on_listed)
        lister.failed.connect(self._on_failed)

    def open(self, path: str, start: int = 0) -> None:
        """Start opening ``path``: ``probed`` says what it is, then a folder is listed at once
        and an image once ``watch`` is called. For ``NOTHING`` no other signal follows."""
        self._asked = (self._questions.ask(self._probe, path), path, start)

    def cancel(self) -> None:
        """Forget the open under way: its probe's answer, when it comes, starts nothing."""
        self._asked = None

    def has_running_work(self) -> bool:
        """Whether a probe has not returned yet (on a dead share it may never)."""
        return self._questions.has_running_work()

    @pyqtSlot(int, object)
    def _on_probed(self, ticket: int, kind: PathKind) -> None:
        if self._asked is None or self._asked[0] != ticket:
            return  # an open given since supersedes this one
        _, path, start = self._asked
        self._asked = None
        if kind is not PathKind.NOTHING:
            self._awaiting = True
            self._start = start if kind is PathKind.FOLDER else None
            if kind is PathKind.FOLDER:
                self._lister.open(path)
        self.probed.emit(path, kind)

    @pyqtSlot(int, str)
    def _on_probe_failed(self, ticket: int, message: str) -> None:
        self._on_probed(ticket, PathKind.NOTHING)

    def watch(self, folder: str) -> None:
        """List ``folder`` (shown already) and keep it listed; its listings are ``relisted``."""
        self._lister.open(folder)

    def is_awaiting(self) -> bool:
        """Whether the first listing of what ``open`` was given is still to come (or what it
        is has not been found out yet)."""
        return self._awaiting or self._asked is not None

    @pyqtSlot(object)
    def _on_partial(self, sequence: ImageSequence) -> None:
        """The first images of a walk under way: shown at once if they hold the start."""
        if self._awaiting and self._start is not None and self._start < len(sequence):
            start, self._start = self._start, None
            self.firstListing.emit(sequence, start)

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
