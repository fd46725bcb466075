"""Focus peaking, clipping and the histogram, toggled by keys, over every image shown.

Each image area (the single view, each compare pane) is an ``AidTarget``: it says which
pixels it shows (its QImage and the region of it in view) and takes back what to paint. This
room asks the worker for them whenever a target's image or zoom changes (a burst of pan
steps is one ask), and drops results for what is no longer shown. The GUI thread only paints.
"""

from __future__ import annotations

import functools
from typing import Callable, Protocol

from PyQt5.QtCore import QObject, QRect, QTimer, pyqtBoundSignal, pyqtSlot
from PyQt5.QtGui import QImage

from viewer.core.aids.overlay import AidChoice
from viewer.model.aids.aid_worker import AidResult, AidWorker
from viewer.ui.aids.shown_aids import ShownAids

#: Pan and zoom steps closer together than this are measured once.
SETTLE_MS = 30


class AidTarget(Protocol):
    def aid_source(self) -> tuple[QImage, QRect] | None:
        """The image painted now and the region of it in view (its pixels), or None."""
        ...

    def set_aids(self, aids: ShownAids | None) -> None: ...


class FocusAids(QObject):
    """The aids' switches, and their results handed to the targets that asked.

    Attributes:
        worker: computes them off the GUI thread.
        on_notice: says which aids are on (the window's status bar).
    """

    def __init__(
        self, on_notice: Callable[[str], None] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.choice = AidChoice()
        self.worker = AidWorker(self)
        self.worker.done.connect(self._on_done)
        self.on_notice = on_notice
        self._targets: list[AidTarget] = []
        self._dirty: list[AidTarget] = []
        self._asked: dict[int, AidTarget] = {}  # by token: the latest ask of each target
        self._tokens = 0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)

    def slots(self) -> dict[str, Callable[[], object]]:
        return {"peaking": self.toggle_peaking, "clipping": self.toggle_clipping,
                "histogram": self.toggle_histogram}  # fmt: skip

    def watch(self, target: AidTarget, changed: pyqtBoundSignal) -> None:
        """Keep ``target``'s aids current: measured again whenever ``changed`` fires."""
        self.add_target(target)
        changed.connect(functools.partial(self.changed, target))

    def add_target(self, target: AidTarget) -> None:
        if target not in self._targets:
            self._targets.append(target)

    def remove_target(self, target: AidTarget) -> None:
        if target in self._targets:
            self._targets.remove(target)
        target.set_aids(None)

    def changed(self, target: AidTarget) -> None:
        """``target`` shows another image or region: measure it soon (if any aid is on)."""
        if self.choice.any() and target not in self._dirty:
            self._dirty.append(target)
            self._settle.start()

    def toggle_peaking(self) -> None:
        self._set(AidChoice(not self.choice.peaking, self.choice.clipping, self.choice.histogram))

    def toggle_clipping(self) -> None:
        self._set(AidChoice(self.choice.peaking, not self.choice.clipping, self.choice.histogram))

    def toggle_histogram(self) -> None:
        self._set(AidChoice(self.choice.peaking, self.choice.clipping, not self.choice.histogram))

    def close(self) -> None:
        self.worker.close(wait=True)

    def _set(self, choice: AidChoice) -> None:
        self.choice = choice
        names = [n for n, on in (("focus peaking", choice.peaking), ("clipping",
                 choice.clipping), ("histogram", choice.histogram)) if on]  # fmt: skip
        if self.on_notice is not None:
            self.on_notice("Showing " + ", ".join(names) + "." if names else "Aids off.")
        for target in self._targets:
            if choice.any():
                self.changed(target)
            else:
                target.set_aids(None)

    @pyqtSlot()
    def _on_settled(self) -> None:
        dirty, self._dirty = self._dirty, []
        for target in dirty:
            if target not in self._targets:
                continue
            source = target.aid_source()
            if source is None:
                target.set_aids(None)
                continue
            image, region = source
            self._tokens += 1
            self._asked = {k: v for k, v in self._asked.items() if v is not target}
            self._asked[self._tokens] = target
            self.worker.ask(image, region, self.choice, self._tokens)

    @pyqtSlot(object)
    def _on_done(self, result: AidResult) -> None:
        target = self._asked.pop(result.token, None)
        if target is None or not self.choice.any():
            return  # superseded by a newer ask, or switched off meanwhile
        if target in self._targets:
            target.set_aids(ShownAids(result.marks, result.region, result.histogram))
