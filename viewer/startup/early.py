"""The early start: the first image is read and decoded on a plain thread while Qt starts.

It is decoded at the screen's size while the main thread imports Qt and builds the window.

A cold start is mostly waiting in turn: imports, the QApplication, the window, the listing,
the read, the decode. Reading needs only ``os`` and decoding releases the GIL, so both can
run beside the imports. ``EarlyStart.begin`` starts at once (before Qt is imported): for a
folder it lists it (names only) to learn its first or ``--start`` image, then reads that
file. The decode is for the screen's size: the app calls ``set_display_box`` once the QApplication
knows the screen (the decode waits up to ``BOX_WAIT`` for it, then takes ``LIKELY_SCREEN``).

The model never learns about any of this: ``loader(fallback)`` wraps its loader, and the
model's first load of that path takes the early result instead of reading the file again
(once; every other load, and any load after a failed early read, goes to ``fallback``).
Nothing here imports Qt, numpy or Pillow until the thread has begun its read.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Callable, Optional, Protocol

from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.io.cancel import check_cancelled, waited_for
from viewer.core.io.ranged import RangeReader, read_file_range

if TYPE_CHECKING:
    from viewer.core.formats.decode import DecodedImage, LoadedFile
    from viewer.core.formats.geometry import Size
    from viewer.core.formats.pixels import Allocator
    from viewer.core.io.reading import DecodeError

    Loader = Callable[[str, Allocator, Optional[Size]], LoadedFile]

log = logging.getLogger(__name__)

#: How long the decode waits for the screen's size (seconds), and the box it takes after.
BOX_WAIT = 1.0
LIKELY_SCREEN = (1920, 1200)
#: The longest the viewer's decode waits for the first frame to be painted (seconds); the
#: window is built some 500 ms later, so waiting delays no one.
SHOWN_WAIT = 0.3
#: How often a load waiting for the early result checks whether it was called off (seconds).
WAIT_SLICE = 0.05
#: ``(path) -> (bytes, os.stat_result)``; the benchmark injects a simulated share.
Reader = Callable[[str], "tuple[bytes, os.stat_result]"]
#: ``(folder) -> image names in natural order``; raises ``SequenceError``.
Lister = Callable[[str], "list[str]"]
#: How long the listing's end waits for the main thread to say where the user left the folder.
PLACE_WAIT = 2.0


class FirstFrameSource(Protocol):
    """What makes the first frame (``viewer.startup.first_image``), on the early thread."""

    def from_ranges(self, path: str, reader: RangeReader, box: Size) -> None:
        """Once the screen's size is known, before the whole file is read: parts of it."""

    def from_data(self, data: bytes, box: Size) -> None:
        """Once the whole file is read, before the viewer's own decode."""

    def wait_shown(self, timeout: float) -> None:
        """Until the first frame has painted its image (or has none), at most ``timeout``
        seconds: the decoder's imports after it hold the GIL for tens of ms at a time."""

    def refine(self, decoded: DecodedImage) -> None:
        """The viewer's own decode, which the window will show: the frame shows it too."""


def read_bytes(path: str) -> tuple[bytes, os.stat_result]:
    """The whole file in one open. Errors are not worded here: the loader reads it again
    and says what went wrong in its own sentences."""
    with open(path, "rb") as file:
        return file.read(), os.fstat(file.fileno())


def _list(folder: str) -> list[str]:
    from viewer.core.folder.sequence import list_image_names

    return list_image_names(folder)


class EarlyStart:
    """Reads and decodes one image (a file, or a folder's image at ``start``) on a thread.

    Attributes:
        names: for a folder, its image names in natural order once listed; None otherwise,
            or if the listing failed (the window's own listing then says why).
    """

    def __init__(
        self,
        path: str,
        *,
        folder: bool = False,
        start: int = 0,
        max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
        read: Reader | None = None,
        lister: Lister | None = None,
        first: FirstFrameSource | None = None,
        read_part: RangeReader | None = None,
        wants_place: bool = False,
    ) -> None:
        self._given = path
        self._folder = folder
        self._start = start
        self._max_bytes = max_bytes
        self._read = read
        self._lister = lister or _list
        self._first = first
        self._read_part = read_part
        # Without ``--start``: reopen where the user left the folder, which the main thread
        # reads from the settings (``set_place``): this thread never calls Qt, and a
        # QSettings read here while the main thread imported PyQt crashed the process.
        self._wants_place = wants_place
        self._place: str | None = None
        self._place_set = threading.Event()
        self.names: list[str] | None = None
        self._path: str | None = None  # the image file, once known
        self._data: bytes | None = None
        self._stamp: tuple[int, int] = (0, 0)
        self._box: Size | None = None
        self._decoded: DecodedImage | None = None
        self._error: DecodeError | None = None
        self._taken = False
        self._lock = threading.Lock()
        self._known = threading.Event()  # the path is known (or will never be)
        self._box_set = threading.Event()
        self._done = threading.Event()  # pixels, an error, or nothing: the thread is finished
        self._thread = threading.Thread(target=self._run, name="early-start", daemon=True)

    def begin(self) -> EarlyStart:
        """Start the thread; returns self. Daemon: a read hung on a share never holds up
        the exit."""
        self._thread.start()
        return self

    @property
    def path(self) -> str | None:
        """The image file being read, once known (None before, or if there is none)."""
        return self._path

    def set_display_box(self, box: Size | None) -> None:
        """The screen's size in device pixels (None: full size), for a decode not begun yet."""
        self._box = box
        self._box_set.set()

    def set_place(self, name: str | None) -> None:
        """The name of the image last viewed in the folder (None: none remembered)."""
        self._place = name
        self._place_set.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the thread has finished, waiting up to ``timeout`` (benchmarks, tests)."""
        return self._done.wait(timeout)

    def loader(self, fallback: Loader) -> Loader:
        """A loader that serves the early result to the first load of its path."""

        def load(path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile:
            early = self.take(path, allocate, display_box)
            return early if early is not None else fallback(path, allocate, display_box)

        return load

    def take(self, path: str, allocate: Allocator, display_box: Size | None) -> LoadedFile | None:
        """The early result for ``path`` in ``allocate``'s memory, once; None: load it anew.

        Runs on a pool thread and waits for the early thread, checking between waits whether
        the load was called off. A decode error is raised as the loader would raise it.
        """
        _wait(self._known)
        with self._lock:
            if self._taken or path != self._path:
                return None
            self._taken = True
        try:
            _wait(self._done)
        except BaseException:
            self._taken = False  # called off while waiting: a later load may still take it
            raise
        if self._error is not None:
            raise self._error
        data, self._data = self._data, None
        if data is None:
            return None  # the early read failed: the loader reads again and says why
        return self._deliver(path, data, allocate, display_box)

    def _deliver(
        self, path: str, data: bytes, allocate: Allocator, display_box: Size | None
    ) -> LoadedFile:
        import numpy as np

        from viewer.core.formats.decode import LoadedFile, decode_bytes
        from viewer.core.io.reading import FileStamp

        decoded, self._decoded = self._decoded, None
        if decoded is None or not _covers(decoded, display_box):
            name = os.path.basename(path)
            decoded = decode_bytes(data, name, allocate, self._max_bytes, display_box)
        else:  # decoded at the screen's size: at least as sharp as the view needs
            pixels = allocate(decoded.height, decoded.width, decoded.has_alpha)
            np.copyto(pixels, decoded.pixels)
            decoded.pixels = pixels
        return LoadedFile(path, FileStamp(*self._stamp), decoded)

    # -- the early thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._path = self._find_image()
            self._known.set()
            if self._path is not None:
                self._first_frame_from_ranges(self._path)
                read = self._read or read_bytes
                self._data, status = read(self._path)
                self._stamp = (status.st_size, status.st_mtime_ns)
                self._first_frame(self._data, self._screen_box())
                if self._first is not None:
                    self._first.wait_shown(SHOWN_WAIT)
                self._decode(self._data, os.path.basename(self._path), self._screen_box())
        except Exception as error:  # the window's own listing and loads report it
            log.info("Early start of %s skipped: %s", self._given, error)
            self._data = None
        finally:
            self._known.set()
            self._done.set()

    def _find_image(self) -> str | None:
        if not self._folder:
            return self._given
        self.names = self._lister(self._given)
        name = None
        if self._wants_place and self._place_set.wait(PLACE_WAIT):
            name = self._place
        if name is not None and name in self.names:
            return os.path.join(self._given, name)
        if not 0 <= self._start < len(self.names):
            return None
        return os.path.join(self._given, self.names[self._start])

    def _screen_box(self) -> Size | None:
        """The screen's size, waiting for it (the latest, if it was set more than once).

        The screen is known soon after Qt's first import, or at once when remembered from
        the last start; a decode for a likely screen instead would cost a larger resize,
        and a larger screen decodes again.
        """
        return self._box if self._box_set.wait(BOX_WAIT) else LIKELY_SCREEN

    def _first_frame_from_ranges(self, path: str) -> None:
        """The first frame from parts of the file (a camera's preview), if it can."""
        box = self._screen_box()
        if self._first is None or box is None:
            return
        try:
            self._first.from_ranges(path, self._read_part or read_file_range, box)
        except OSError as error:  # the whole file's read says what is wrong
            log.info("The first frame of %s was not read: %s", path, error)
        except Exception:
            log.exception("The first frame of %s could not be made", path)

    def _first_frame(self, data: bytes, box: Size | None) -> None:
        if self._first is None or box is None:
            return
        try:
            self._first.from_data(data, box)
        except Exception:  # the decode after it still gives the window its image
            log.exception("The first frame of %s could not be made", self._path)

    def _decode(self, data: bytes, name: str, box: Size | None) -> None:
        from viewer.core.formats.decode import decode_bytes
        from viewer.core.formats.pixels import new_array
        from viewer.core.io.reading import DecodeError

        quiet_bomb_warnings()
        try:
            with waited_for():  # on two cores, as the window's load of it would be
                self._decoded = decode_bytes(data, name, new_array, self._max_bytes, box)
        except DecodeError as error:
            self._error = error
            return
        if self._first is not None:
            try:  # the frame shows the pixels the window will show: no change at hand-over
                self._first.refine(self._decoded)
            except Exception:
                log.exception("The first frame of %s could not be refined", self._path)


def quiet_bomb_warnings() -> None:
    """The decoder checks every image against its own byte limit before decoding, so
    Pillow's warning below its hard decompression-bomb limit would only be noise in the log."""
    import warnings

    from PIL import Image

    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def _covers(decoded: DecodedImage, display_box: Size | None) -> bool:
    """Whether pixels decoded early are at least what a load for ``display_box`` would give."""
    if decoded.full_size is None:
        return True  # full resolution
    if display_box is None:
        return False
    from viewer.core.formats.geometry import fit_within

    width, height = fit_within(decoded.full_size, display_box)
    return decoded.width >= width and decoded.height >= height


def _wait(event: threading.Event) -> None:
    while not event.wait(WAIT_SLICE):
        check_cancelled()
