"""Watches one window while a script runs: presses, paints, GUI stalls, loads in flight, RSS.

Key-to-painted runs from just before the key event is sent to the end of the view's paint
that first shows the image the key made current, sharp (not its preview); key-to-first-pixels
to the first paint of anything of that image, its preview included. Stalls are gaps between
ticks of a 1 ms timer on the GUI thread; blank time is when the view shows no image at all,
dark time when it shows none undimmed (blank, or the last image dimmed under "Loading…").

A paint counts for the image the key made current only once the window says so (its sharp
image is the one shown, or the preview mark is up): the last image, kept on screen while the
next one loads, repaints without counting.
"""

from __future__ import annotations

import time
from typing import Callable

import psutil
from PyQt5.QtCore import QEventLoop, QObject, Qt, QTimer, pyqtSlot
from PyQt5.QtTest import QTest

from bench.schedstat import run_queue_seconds
from viewer.ui.window.main_window import MainWindow

RSS_EVERY_MS = 20


def wait(seconds: float) -> None:
    """Run the event loop for ``seconds`` (a benchmark may wait; tests never do)."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    loop.exec_()


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        wait(0.002)
    return True


class Probe(QObject):
    """Records one script's events on ``window``.

    Attributes:
        pressed: index → when the key (or open) that made it current was sent.
        painted: index → when its first sharp paint after that finished.
        first: index → when its first paint of any pixels of it (a preview) finished.
        blank: seconds the view showed no image at all (neither the last one nor a preview).
        dark: seconds, from the first paint on, the view showed no image undimmed.
        gaps: seconds between heartbeat ticks.
        queued: for each gap, the seconds of it the GUI thread was runnable but waiting for
            a CPU (the OS gave the cores to other work); 0 where the OS cannot tell.
        peak_in_flight: most loads queued or running seen at once.
        peak_rss: largest resident set size sampled, in bytes.
        final_index: the window's index when the probe stopped.
    """

    def __init__(self, window: MainWindow, in_flight: Callable[[], int]) -> None:
        super().__init__()
        self._window = window
        self._in_flight = in_flight
        self.pressed: dict[int, float] = {}
        self.painted: dict[int, float] = {}
        self.first: dict[int, float] = {}
        self.blank = 0.0
        self.dark = 0.0
        self._lit_once = False
        self.gaps: list[float] = []
        self.queued: list[float] = []
        self._last_queue = run_queue_seconds()
        self.peak_in_flight = 0
        self.peak_rss = 0
        self.final_index: int | None = None
        self._process = psutil.Process()
        self._last_beat = time.perf_counter()
        self._beat = QTimer(self)
        self._beat.setTimerType(Qt.PreciseTimer)
        self._beat.setInterval(1)
        self._beat.timeout.connect(self._on_beat)
        self._rss = QTimer(self)
        self._rss.setInterval(RSS_EVERY_MS)
        self._rss.timeout.connect(self._on_rss)
        window.view.painted.connect(self._on_painted)

    def start(self) -> None:
        self._last_queue = run_queue_seconds()
        self._last_beat = time.perf_counter()
        self._beat.start()
        self._rss.start()
        self._on_rss()

    def stop(self) -> None:
        self.final_index = self._window.current_index
        self._beat.stop()
        self._rss.stop()
        self._window.view.painted.disconnect(self._on_painted)

    def press(self, key: Qt.Key) -> None:
        started = time.perf_counter()
        QTest.keyClick(self._window, key)
        self.mark(self._window.current_index, started)

    def mark(self, index: int | None, started: float) -> None:
        """Count ``index`` as asked for at ``started`` (the open of ``cold`` uses this too)."""
        if index is not None and index not in self.pressed:
            self.pressed[index] = started
        self._count_in_flight()

    def shown(self, index: int | None) -> bool:
        return index is not None and index in self.painted

    @pyqtSlot()
    def _on_beat(self) -> None:
        now = time.perf_counter()
        view = self._window.view
        if view.pixmap() is None:
            self.blank += now - self._last_beat
        if view.has_image():
            self._lit_once = True
        elif self._lit_once:
            self.dark += now - self._last_beat
        queue = run_queue_seconds()
        self.gaps.append(now - self._last_beat)
        last_queue, self._last_queue = self._last_queue, queue
        self.queued.append(0.0 if queue is None or last_queue is None else queue - last_queue)
        self._last_beat = now
        self._count_in_flight()

    @pyqtSlot()
    def _on_rss(self) -> None:
        self.peak_rss = max(self.peak_rss, int(self._process.memory_info().rss))

    @pyqtSlot()
    def _on_painted(self) -> None:
        index = self._window.current_index
        if index is None or index not in self.pressed:
            return
        now = time.perf_counter()
        preview = self._window.previews.showing
        sharp = self._window.browsing.shown == index and not preview
        if preview or sharp:
            self.first.setdefault(index, now)
        if sharp and index not in self.painted:
            self.painted[index] = now

    def _count_in_flight(self) -> None:
        self.peak_in_flight = max(self.peak_in_flight, self._in_flight())
