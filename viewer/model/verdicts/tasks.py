"""The verdict model's workers: read a folder's verdicts, and write a batch of edits.

Each task reports through ``VerdictSignals``, which lives on the GUI thread; ``work`` turns
every exception into a sentence, so a worker never dies with one in flight.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence

from PyQt5 import sip
from PyQt5.QtCore import QObject, pyqtSignal

from viewer.core.folder.sidecars import SidecarStyle
from viewer.core.verdicts.api import VerdictWrite
from viewer.core.verdicts.errors import SidecarError
from viewer.core.verdicts.model import Edit, Verdict
from viewer.model.images.load_task import PoolTask
from viewer.model.verdicts.core_calls import VerdictIO

log = logging.getLogger(__name__)

#: Verdicts announced together: often enough for the filter to refine visibly, rarely enough
#: that a folder of 20,000 images costs the GUI thread a few hundred signals.
READ_BATCH = 64


class VerdictSignals(QObject):
    """Carries workers' results to the GUI thread.

    Signals:
        listed(int, object): generation, the folder's names (sidecars included).
        read(int, object, object): generation, {path: Verdict}, {path: sentence}.
        readDone(object): the ReadTask; every image was read.
        written(object, object, object): the WriteTask, its VerdictWrites, {path: sentence}.
    """

    listed = pyqtSignal(int, object)
    read = pyqtSignal(int, object, object)
    readDone = pyqtSignal(object)
    written = pyqtSignal(object, object, object)


class NamesByStem:
    """The folder's names grouped by what precedes their first dot, so each image is read
    with only the names that can be its sidecars or share its stem (every one of those
    starts with its stem), not the whole folder's: the core compares names one by one."""

    def __init__(self, names: Sequence[str]) -> None:
        self._groups: dict[str, list[str]] = {}
        for name in names:
            self._groups.setdefault(name.split(".", 1)[0], []).append(name)

    def near(self, image: str) -> list[str]:
        name = os.path.basename(image)
        stem = os.path.splitext(name)[0]
        group = self._groups.get(name.split(".", 1)[0], [])
        return [other for other in group if other.startswith(stem)]


class SharedListing:
    """The folder's names (sidecars included) for the read tasks of one read: the first task
    to need them lists the folder, the others wait for that one listing."""

    def __init__(self, names: Sequence[str] | None = None) -> None:
        self._lock = threading.Lock()
        self._listed = threading.Event()
        self._names = None if names is None else list(names)
        self._claimed = names is not None
        if names is not None:
            self._listed.set()

    def names(
        self, io: VerdictIO, folder: str, call_off: threading.Event
    ) -> tuple[list[str], bool] | None:
        """The names, and whether this call listed them; None if called off while waiting."""
        with self._lock:
            mine, self._claimed = not self._claimed, True
        if mine:
            try:
                self._names = io.listdir(folder)
            except OSError as error:
                log.info("cannot list %s for verdicts: %s", folder, error)
                self._names = []
            self._listed.set()
            return self._names, True
        while not self._listed.wait(0.1):  # the lister is running; a cancel ends the wait
            if call_off.is_set():
                return None
        assert self._names is not None
        return self._names, False


def _model_gone(error: RuntimeError, signals: QObject) -> None:
    """A worker's error that reached its top: the model was deleted while it ran (the viewer
    is quitting, nobody is left to tell), or a bug, logged. Qt never sees an exception."""
    if sip.isdeleted(signals):
        log.debug("verdict worker finished after its model: %s", error)
    else:
        log.error("verdict worker failed", exc_info=error)


class ReadTask(PoolTask):
    """Read the verdict of each of ``images``, with the folder's names from ``listing``."""

    def __init__(
        self,
        folder: str,
        images: Sequence[str],
        generation: int,
        io: VerdictIO,
        signals: VerdictSignals,
        listing: SharedListing,
        batch: int = READ_BATCH,
    ) -> None:
        super().__init__(folder)
        self.generation = generation
        self._batch = batch
        self.call_off = threading.Event()
        self._images = list(images)
        self._io = io
        self._signals = signals
        self._listing = listing

    def work(self) -> None:
        try:
            self._read_all()
        except RuntimeError as error:
            _model_gone(error, self._signals)

    def _read_all(self) -> None:
        listed = self._listing.names(self._io, self.path, self.call_off)
        if listed is None:
            return
        names, mine = listed
        if mine:
            self._signals.listed.emit(self.generation, names)
        nearby = NamesByStem(names)
        found: dict[str, Verdict] = {}
        problems: dict[str, str] = {}
        for image in self._images:
            if self.call_off.is_set():
                return
            try:
                found[image] = self._io.read(image, nearby.near(image))
            except SidecarError as error:
                problems[image] = str(error)
            except Exception as error:  # a broken read must not stop the others
                log.exception("reading the verdict of %s", image)
                problems[image] = f"The verdict of {image} cannot be read: {error}."
            if len(found) + len(problems) >= self._batch:
                self._signals.read.emit(self.generation, found, problems)
                found, problems = {}, {}
        self._signals.read.emit(self.generation, found, problems)
        self._signals.readDone.emit(self)


class WriteTask(PoolTask):
    """Make one edit per image in its sidecars, image after image; report what each did."""

    def __init__(
        self,
        edits: Sequence[tuple[str, Edit]],
        names: Sequence[str] | None,
        style: SidecarStyle,
        io: VerdictIO,
        signals: VerdictSignals,
    ) -> None:
        super().__init__(edits[0][0] if edits else "")
        self.edits = list(edits)
        #: The verdicts in memory before these edits, put back for an edit that fails.
        self.before: dict[str, Verdict | None] = {}
        self._names = None if names is None else list(names)
        self._style = style
        self._io = io
        self._signals = signals

    def work(self) -> None:
        try:
            self._write_all()
        except RuntimeError as error:
            _model_gone(error, self._signals)

    def _write_all(self) -> None:
        writes: list[VerdictWrite] = []
        problems: dict[str, str] = {}
        nearby = NamesByStem(self._names) if self._names is not None else None
        for image, edit in self.edits:
            names = nearby.near(image) if nearby is not None else None
            try:
                writes.append(self._io.write(image, edit, names, self._style))
            except SidecarError as error:
                problems[image] = str(error)
            except Exception as error:
                log.exception("writing the verdict of %s", image)
                problems[image] = f"The verdict of {image} was not saved: {error}."
        self._signals.written.emit(self, writes, problems)
