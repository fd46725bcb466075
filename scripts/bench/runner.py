"""Runs the browsing scripts against one design, through the real window and key events."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtTest import QTest
from PyQt5.QtWidgets import QApplication

from bench.designs import Design
from bench.figures import script_figures
from bench.probe import Probe, wait, wait_until
from bench.share import Share
from viewer.core.folder.sequence import ImageSequence
from viewer.core.formats.geometry import Size
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.verdicts.book import VerdictBook
from viewer.settings.store import Settings
from viewer.ui.window.main_window import MainWindow

SCRIPTS = ("cold", "seq", "back", "burst", "fast", "jump", "hold")


@dataclass(frozen=True)
class Timing:
    """Presses and pauses of the scripts; ``--quick`` shrinks them."""

    seq_presses: int = 40
    seq_dwell: float = 1.5
    burst_presses: int = 60
    burst_interval: float = 1 / 30
    fast_presses: int = 40
    fast_dwell: float = 0.3
    timeout: float = 60.0
    hold_presses: int = 30  # a held key: issue 22's 30 presses 33 ms apart
    hold_interval: float = 0.033


QUICK_TIMING = Timing(6, 0.05, 8, 1 / 30, 6, 0.03, 20.0, 8, 0.033)


class Session:
    """One fresh window and model for one design; closed and drained by ``close``.

    ``view_size`` sets the image area's size in logical pixels (the window grows around it);
    None keeps the window's default. Settings go to a scratch file, never the user's.
    """

    def __init__(
        self,
        design: Design,
        share: Share,
        sequence: ImageSequence,
        view_size: Size | None = None,
        verdicts: VerdictBook | None = None,
    ) -> None:
        self.model, self.in_flight = design.build(share)
        self.previews = design.build_previews(self.model, share, list(sequence))
        scratch = os.path.join(tempfile.mkdtemp(prefix="viewer-bench-"), "settings.ini")
        settings = Settings(QSettings(scratch, QSettings.IniFormat))
        model = cast(PrefetchModel, self.model)  # model-shaped baselines too
        self.window = MainWindow(
            model, settings=settings, previews=self.previews, verdicts=verdicts
        )
        self.window.show()
        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window)
        if view_size is not None:
            self.set_view_size(view_size)
        self.sequence = sequence

    def set_view_size(self, size: Size) -> None:
        """Resize the window so that its image area is ``size``."""
        view = self.window.view
        extra_width = self.window.width() - view.width()
        extra_height = self.window.height() - view.height()
        self.window.resize(size[0] + extra_width, size[1] + extra_height)
        wait_until(lambda: (view.width(), view.height()) == size, 5)

    def probe(self) -> Probe:
        return Probe(self.window, self.in_flight)

    def open_and_show(self, timeout: float, sequence: ImageSequence | None = None) -> Probe:
        """Open ``sequence`` (default: the session's) at its first image and wait for its
        paint, with the heartbeat running; the stopped probe says when it was painted."""
        probe = self.probe()
        probe.start()
        probe.mark(0, time.perf_counter())
        self.window.open_sequence(sequence or self.sequence, 0)
        wait_until(lambda: probe.shown(0), timeout)
        probe.stop()
        return probe

    def close(self) -> None:
        self.window.close()
        wait_until(lambda: self.in_flight() == 0, 60)
        if isinstance(self.model, PrefetchModel):
            self.model.shutdown(wait=True)
        if self.previews is not None:
            self.previews.queue.shutdown(wait=True)
        self.window.deleteLater()
        QApplication.processEvents()
        gc.collect()


def run_design(
    design: Design,
    share: Share,
    sequence: ImageSequence,
    scripts: Sequence[str],
    timing: Timing,
    view_size: Size | None = None,
) -> list[dict[str, Any]]:
    """Every requested script on fresh windows; ``back`` continues from ``seq``."""
    results = []
    for script in scripts:
        if script == "back":
            continue
        session = Session(design, share, sequence, view_size)
        try:
            results.append(_run(script, session, share, design, timing))
            if script == "seq" and "back" in scripts:
                results.append(_run("back", session, share, design, timing))
        finally:
            session.close()
    return results


def _run(script: str, session: Session, share: Share, design: Design, timing: Timing
         ) -> dict[str, Any]:  # fmt: skip
    if script not in ("cold", "back"):
        session.open_and_show(timing.timeout)
        wait(0.5 if timing.timeout > 30 else 0.05)  # the first read-ahead settles, as a user looks
    share.reset()
    probe = session.probe()
    probe.start()
    started = time.perf_counter()
    if script == "cold":
        probe.mark(0, started)
        session.window.open_sequence(session.sequence, 0)
    elif script == "back":
        probe.press(Qt.Key_Left)
    elif script == "jump":
        probe.press(Qt.Key_End)
    else:
        presses, interval = {
            "seq": (timing.seq_presses, timing.seq_dwell),
            "burst": (timing.burst_presses, timing.burst_interval),
            "fast": (timing.fast_presses, timing.fast_dwell),
            "hold": (timing.hold_presses, timing.hold_interval),
        }[script]
        for number in range(presses):
            wait(started + number * interval - time.perf_counter())
            probe.press(Qt.Key_Right)
            if script == "seq":
                wait_until(lambda: probe.shown(session.window.current_index), interval)
    wait_until(lambda: probe.shown(session.window.current_index), timing.timeout)
    probe.stop()
    return script_figures(script, design, share, probe, started)
