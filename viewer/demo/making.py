"""DemoMaking: the demo's images made by a process of their own while the window is open."""

from __future__ import annotations

import logging
import sys

from PyQt5.QtCore import QObject, QProcess, pyqtSignal, pyqtSlot

log = logging.getLogger(__name__)

#: How long ``stop`` waits for the maker to end once killed (ms).
STOP_WAIT_MS = 2000


class DemoMaking(QObject):
    """Runs ``python -m viewer.demo.make`` and says when each image is written.

    Signals:
        made(int): the number of the image just written (1 first).
        finished(): every image is made.
        failed(str): the maker could not start or stopped early; says why, as a sentence.
    """

    made = pyqtSignal(int)
    finished = pyqtSignal()
    failed = pyqtSignal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.SeparateChannels)
        self._process.readyReadStandardOutput.connect(self._on_output)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)
        self._stopping = False

    def start(self, folder: str, count: int, size: tuple[int, int] | None = None) -> None:
        """Make images ``1.jpg`` … ``COUNT.jpg`` in ``folder`` (those missing)."""
        arguments = ["-m", "viewer.demo.make", folder, str(count)]
        if size is not None:
            arguments += [str(size[0]), str(size[1])]
        self._process.start(sys.executable, arguments)

    def is_running(self) -> bool:
        return self._process.state() != QProcess.NotRunning

    def has_running_work(self) -> bool:
        return self.is_running()

    def shutdown(self) -> None:
        """Stop making images (the window closed); the next run makes the rest."""
        if self.is_running():
            self._stopping = True
            self._process.kill()
            self._process.waitForFinished(STOP_WAIT_MS)

    @pyqtSlot()
    def _on_output(self) -> None:
        while self._process.canReadLine():
            line = bytes(self._process.readLine()).decode("ascii", "replace").strip()
            if line.isdigit():
                self.made.emit(int(line))

    @pyqtSlot(int, QProcess.ExitStatus)
    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._on_output()
        if self._stopping:
            return
        if code == 0 and status == QProcess.NormalExit:
            self.finished.emit()
            return
        errors = bytes(self._process.readAllStandardError()).decode("utf-8", "replace")
        last = errors.strip().splitlines()[-1:] or ["it stopped"]
        log.warning("Making the demo images failed: %s", errors)
        self.failed.emit(f"The demo's images could not be made: {last[0]}")

    @pyqtSlot(QProcess.ProcessError)
    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.FailedToStart:
            self.failed.emit(f"The demo's images could not be made: {self._process.errorString()}")
