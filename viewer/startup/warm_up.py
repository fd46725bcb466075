"""The rest of the viewer is imported on a thread, once the first frame shows its image.

Imports hold the GIL in slices, and a C extension's set-up (numpy's, for one) holds it whole
for tens of ms; on this thread they leave the GUI thread free to paint the first image. They
wait for that image (or ``WAIT_MS``, or word that there will be none): the first image is what
the user is waiting for, and the early decode runs faster without them beside it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence
from typing import Callable

from PyQt5.QtCore import QEventLoop, QObject, QTimer, pyqtSignal

from viewer.startup.first_frame import FirstFrame

log = logging.getLogger(__name__)

#: What ``viewer.app`` imports to build the window, heaviest first.
VIEWER_MODULES = (
    "viewer.core.formats.decode",
    "viewer.model.images.prefetch_model",
    "viewer.ui.window.main_window",
    "viewer.model.previews.pipeline",
    "viewer.model.thumbnails.model",
    "viewer.core.previews.thumbnailer",
)
#: The longest the imports wait for the first image (ms): a read on a slow share may take
#: longer, and the window must be built meanwhile.
WAIT_MS = 300


class _WarmUp(QObject):
    """One warm-up: its thread, its event loop and what starts the imports."""

    done = pyqtSignal()  # emitted from the thread when the imports are over

    def __init__(self, frame: FirstFrame, modules: Sequence[str], wait_ms: int) -> None:
        super().__init__()
        self._frame = frame
        self.closed = False
        self._loop = QEventLoop()
        self._thread = threading.Thread(
            target=_import_all, args=(modules, self.done.emit), name="warm-up", daemon=True
        )
        self._started = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(wait_ms)
        self._links = [
            (self._timer.timeout, self._begin), (self.done, self._loop.quit),
            (frame.closedByUser, self._on_closed), (frame.view.painted, self._on_painted),
            (frame.nothingToShow, self._begin),
        ]  # fmt: skip

    def run(self) -> None:
        for signal, slot in self._links:
            signal.connect(slot)
        self._timer.start()
        self._loop.exec_()
        for signal, slot in self._links:
            signal.disconnect(slot)
        self._timer.stop()
        if self._started:
            self._thread.join()  # over, or nearly: ``done`` is its last step

    def _begin(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def _on_painted(self) -> None:
        if self._frame.has_image():
            self._begin()

    def _on_closed(self) -> None:
        self.closed = True
        self._loop.quit()


def warm_up(
    frame: FirstFrame, modules: Sequence[str] = VIEWER_MODULES, wait_ms: int = WAIT_MS
) -> bool:
    """Import ``modules`` on a thread, running the event loop meanwhile; returns False if the
    user closed the first frame before they were all imported.

    A module that fails to import is left for the caller's own import to fail on, with its
    usual error.
    """
    warming = _WarmUp(frame, modules, wait_ms)
    warming.run()
    return not warming.closed


def _import_all(modules: Sequence[str], done: Callable[[], object]) -> None:
    try:
        for name in modules:
            importlib.import_module(name)
    except Exception as error:  # the GUI thread imports it again and reports it
        log.debug("Warm-up stopped at %s", error)
    finally:
        done()
