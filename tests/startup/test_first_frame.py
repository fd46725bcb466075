"""The first frame: on screen with the image before the viewer is imported, the keys pressed
in it kept, and the rest of the viewer imported beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import Any

import pytest
from PyQt5.QtCore import QSize, Qt, QTimer
from PyQt5.QtWidgets import QMainWindow

from tests.first_frames import SCREEN, image
from tests.waits import TIMEOUT_MS
from viewer.demo.camera_jpeg import camera_jpeg
from viewer.settings.start import StartSettings
from viewer.startup.first_frame import FirstFrame
from viewer.startup.first_image import FirstImage
from viewer.startup.warm_up import warm_up


def test_an_image_delivered_from_another_thread_is_shown(qtbot: Any, frame: FirstFrame) -> None:
    thread = threading.Thread(target=frame.deliver, args=(image(), (3000, 2000)))
    thread.start()
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    thread.join()
    assert frame.view.source_size() == QSize(3000, 2000)


def test_the_first_frame_opens_where_the_window_was_and_as_it_was(qtbot: Any) -> None:
    saved = QMainWindow()
    qtbot.addWidget(saved)
    saved.setGeometry(100, 80, 900, 600)
    StartSettings().remember_window(saved.saveGeometry(), True)
    made = FirstFrame(StartSettings())
    qtbot.addWidget(made)
    made.show_placed([SCREEN])
    assert made.isFullScreen()
    assert made.normalGeometry().size() == QSize(900, 600)
    assert not made.menuBar().isVisible() and not made.statusBar().isVisible()


def test_keys_pressed_in_the_first_frame_are_kept_in_order(qtbot: Any, frame: FirstFrame) -> None:
    qtbot.keyClick(frame, Qt.Key_Right)
    qtbot.keyClick(frame, Qt.Key_Shift)  # a modifier alone is no command
    qtbot.keyClick(frame, Qt.Key_Right, Qt.ShiftModifier)
    assert frame.pressed_keys() == [
        (int(Qt.Key_Right), 0),
        (int(Qt.Key_Right), int(Qt.ShiftModifier)),
    ]


def test_closing_it_is_quitting_but_handing_over_is_not(qtbot: Any, frame: FirstFrame) -> None:
    with qtbot.assertNotEmitted(frame.closedByUser):
        frame.close_handed_over()
    other = FirstFrame(StartSettings())
    qtbot.addWidget(other)
    other.show_placed([SCREEN])
    with qtbot.waitSignal(other.closedByUser, timeout=TIMEOUT_MS):
        other.close()


# -- the first image, made on one thread and shown in a frame made on another -----------------


def test_an_image_made_before_the_frame_exists_is_shown_when_it_does(qtbot: Any) -> None:
    first = FirstImage(1 << 30)
    first.from_data(camera_jpeg(_picture()), (300, 300))
    made = FirstFrame(StartSettings())
    qtbot.addWidget(made)
    first.attach(made)
    qtbot.waitUntil(made.has_image, timeout=TIMEOUT_MS)


def test_the_viewers_own_decode_replaces_the_first_image(qtbot: Any, frame: FirstFrame) -> None:
    import numpy as np

    from viewer.core.formats.decode import DecodedImage

    first = FirstImage(1 << 30)
    first.attach(frame)
    pixels = np.zeros((200, 300, 4), np.uint8)
    pixels[..., 2] = 250  # red, in Qt's RGB32 memory order (B, G, R, A)
    thread = threading.Thread(
        target=first.refine, args=(DecodedImage(pixels, False, "JPEG", full_size=(3000, 2000)),)
    )
    thread.start()  # fmt: skip
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    thread.join()
    shown = frame.view.grab().toImage()
    centre = shown.pixelColor(shown.width() // 2, shown.height() // 2)
    assert (centre.red(), centre.green(), centre.blue()) == (250, 0, 0)


def test_a_decode_after_the_hand_over_leaves_the_deleted_frame_alone(
    qtbot: Any, frame: FirstFrame
) -> None:
    """On a slow share the early decode may end after the window took the frame's place."""
    import numpy as np
    from PyQt5 import sip

    from viewer.core.formats.decode import DecodedImage

    first = FirstImage(1 << 30)
    first.attach(frame)
    frame.close_handed_over()
    qtbot.waitUntil(lambda: sip.isdeleted(frame), timeout=TIMEOUT_MS)
    pixels = np.zeros((200, 300, 4), np.uint8)
    first.refine(DecodedImage(pixels, False, "JPEG", full_size=(3000, 2000)))  # no error


def test_an_image_made_after_the_frame_exists_is_shown(qtbot: Any, frame: FirstFrame) -> None:
    first = FirstImage(1 << 30)
    first.attach(frame)
    thread = threading.Thread(target=first.from_data, args=(camera_jpeg(_picture()), (300, 300)))
    thread.start()
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    thread.join()


# The early thread's part of the first frame, in a fresh interpreter: it must make its image
# without importing (so without calling) any of Qt. A PyQt call off the main thread while the
# main thread imports PyQt's modules crashed starts; Qt's reader off the GUI thread hung them.
EARLY_THREAD_ONLY = """
import sys
from tests.images import pattern
from viewer.demo.camera_jpeg import camera_jpeg
from viewer.startup.first_image import FirstImage

class Signal:
    def connect(self, slot):
        pass

class Frame:  # what FirstImage asks of a FirstFrame, without Qt
    imagePainted = nothingToShow = destroyed = Signal()

    def deliver_encoded(self, encoded):
        self.encoded = encoded

data = camera_jpeg(pattern((1200, 800)), preview_side=int(sys.argv[1]) or None)
first, frame = FirstImage(1 << 30), Frame()
first.attach(frame)
first.from_ranges("photo.jpg", lambda _p, at, size: data[at : at + size], (300, 300))
first.from_data(data, (300, 300))
print(type(frame.encoded).__name__, sorted(m for m in sys.modules if m.startswith("PyQt5")))
"""


@pytest.mark.parametrize(
    ("preview_side", "made"), [(600, "Preview"), (0, "DecodedFrame")], ids=["preview", "file"]
)
def test_the_early_thread_makes_its_image_without_qt(preview_side: int, made: str) -> None:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, "-c", EARLY_THREAD_ONLY, str(preview_side)],
                            capture_output=True, text=True, check=True, cwd=root)  # fmt: skip
    assert result.stdout.split(" ", 1) == [made, "[]\n"]


@pytest.mark.parametrize("preview_side", [600, None], ids=["camera preview", "whole file"])
def test_the_image_made_on_the_early_thread_is_shown(
    qtbot: Any, frame: FirstFrame, preview_side: int | None
) -> None:
    from tests.images import pattern

    data = camera_jpeg(pattern((1200, 800)), preview_side=preview_side)
    first = FirstImage(1 << 30)
    first.attach(frame)

    def early() -> None:
        first.from_ranges("photo.jpg", lambda _p, at, size: data[at : at + size], (300, 300))
        first.from_data(data, (300, 300))

    thread = threading.Thread(target=early, name="early-start")
    thread.start()
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    thread.join()


@pytest.mark.parametrize("preview_side", [600, None], ids=["camera preview", "whole file"])
def test_the_early_thread_hears_once_the_image_is_painted(
    qtbot: Any, frame: FirstFrame, preview_side: int | None
) -> None:
    """The decoder's imports wait for that paint: they hold the GIL for tens of ms."""
    first = FirstImage(1 << 30)
    first.attach(frame)
    data = camera_jpeg(_picture(), preview_side=preview_side)
    heard = threading.Event()

    def early() -> None:
        first.from_ranges("photo.jpg", lambda _p, at, size: data[at : at + size], (300, 300))
        first.from_data(data, (300, 300))
        first.wait_shown(3600)  # the test's own wait fails long before this would return
        heard.set()

    thread = threading.Thread(target=early)
    thread.start()
    qtbot.waitUntil(heard.is_set, timeout=TIMEOUT_MS)
    thread.join()
    assert frame.has_image()


@pytest.mark.parametrize("refuse", [False, True])
def test_when_there_is_nothing_to_show_the_frame_hears_so(
    qtbot: Any, frame: FirstFrame, refuse: bool
) -> None:
    first = FirstImage(1 << 30)
    data = camera_jpeg(_picture())
    if refuse:
        first.refuse()  # colours are converted for a monitor
    else:
        data = b"not an image"
    first.attach(frame)
    with qtbot.waitSignal(frame.nothingToShow, timeout=TIMEOUT_MS):
        first.from_data(data, (300, 300))
    assert not frame.has_image()
    first.wait_shown(3600)  # nothing to paint: returns at once


def _picture() -> Any:
    from tests.images import pattern

    return pattern((600, 400))


# -- the rest of the viewer, imported beside it ------------------------------------------------


@pytest.fixture
def module_dir(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [name for name in sys.modules if name.startswith("warm_")]:
        del sys.modules[name]


def test_the_rest_is_imported_on_a_thread_once_the_image_is_shown(
    qtbot: Any, frame: FirstFrame, module_dir: Any
) -> None:
    (module_dir / "warm_probe.py").write_text(
        "import threading\nTHREAD = threading.current_thread().name\n"
    )
    frame.deliver(image(), (300, 200))
    assert warm_up(frame, ["warm_probe"], wait_ms=TIMEOUT_MS)
    assert sys.modules["warm_probe"].THREAD == "warm-up"


def test_without_an_image_the_imports_start_when_the_frame_hears_there_is_none(
    qtbot: Any, frame: FirstFrame, module_dir: Any
) -> None:
    (module_dir / "warm_idle.py").write_text("")
    QTimer.singleShot(0, frame.nothingToShow.emit)  # heard once the warm-up's loop runs
    assert warm_up(frame, ["warm_idle"], wait_ms=TIMEOUT_MS)
    assert "warm_idle" in sys.modules


def test_closing_the_frame_during_the_imports_says_so(
    qtbot: Any, frame: FirstFrame, module_dir: Any
) -> None:
    (module_dir / "warm_slow.py").write_text("import sys\nsys.modules['warm_gate'].wait(30)\n")
    gate = threading.Event()
    sys.modules["warm_gate"] = gate  # type: ignore[assignment]
    frame.nothingToShow.connect(frame.close)  # the user closes it as the imports begin
    frame.nothingToShow.connect(gate.set)  # after which the import may end
    QTimer.singleShot(0, frame.nothingToShow.emit)
    assert not warm_up(frame, ["warm_slow"], wait_ms=TIMEOUT_MS)


def test_a_module_that_fails_to_import_is_left_to_the_caller(
    qtbot: Any, frame: FirstFrame, module_dir: Any
) -> None:
    (module_dir / "warm_broken.py").write_text("raise ImportError('a missing package')\n")
    assert warm_up(frame, ["warm_broken"], wait_ms=0)
    with pytest.raises(ImportError, match="a missing package"):
        __import__("warm_broken")


def test_the_screen_size_is_remembered_for_the_next_start() -> None:
    settings = StartSettings()
    assert settings.screen_box() is None
    settings.remember_screen_box((2560, 1440))
    assert StartSettings().screen_box() == (2560, 1440)
    settings.remember_screen_box((0, 5))
    assert StartSettings().screen_box() is None  # junk in the file: not known


def test_a_cameras_preview_is_shown_from_two_small_reads(qtbot: Any, frame: FirstFrame) -> None:
    """On a share the first frame must not wait for the whole file: the head, then the
    preview's range; the whole file is never asked for."""
    from tests.images import pattern

    data = camera_jpeg(pattern((2400, 1600)), preview_side=600)
    reads: list[tuple[int, int]] = []

    def read_range(path: str, offset: int, size: int) -> bytes:
        reads.append((offset, size))
        return data[offset : offset + size]

    first = FirstImage(1 << 30)
    first.attach(frame)
    first.from_ranges("photo.jpg", read_range, (300, 300))
    qtbot.waitUntil(frame.has_image, timeout=TIMEOUT_MS)
    assert len(reads) == 2 and reads[0][0] == 0
    assert sum(len(data[offset : offset + size]) for offset, size in reads) < len(data) // 4
    first.from_data(data, (300, 300))  # the whole file, read later, changes nothing
    assert frame.view.source_size() == QSize(2400, 1600)
