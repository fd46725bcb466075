"""The first frame's image, made on the early thread and handed over once both exist.

Whichever of the two is ready first waits for the other. The early thread never calls Qt:
it reads and decodes, and the frame makes the QImage on the GUI thread (``Encoded``).
"""

from __future__ import annotations

import threading
from contextlib import suppress
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.formats.decode import DecodedImage
    from viewer.core.formats.geometry import Size
    from viewer.core.formats.jpeg.layout import JpegLayout
    from viewer.core.io.ranged import RangeReader
    from viewer.startup.first_frame import Encoded, FirstFrame
    from viewer.startup.first_header import Header


def _import_pillow() -> None:
    """Import what decodes a whole file for the first frame, while the file is read."""
    with suppress(ImportError):  # the decode imports it again, and its failure is logged
        import_module("PIL.JpegImagePlugin")


class FirstImage:
    """What the first frame shows: one image, delivered once to one frame.

    An ``EarlyStart`` first source: ``from_ranges`` tries the camera's preview from parts of
    the file (the frame decodes it, on the GUI thread); ``from_data`` decodes the whole file
    if that did not make the image.
    """

    def __init__(self, max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._wanted = True
        self._layout: JpegLayout | None = None
        self._header: Header | None = None
        self._made: Encoded | None = None
        self._settled = False  # made, or found there is nothing to make
        self._shown = threading.Event()  # painted in the frame, or nothing to paint
        self._frame: FirstFrame | None = None

    def refuse(self) -> None:
        """Make none (colours are converted for a monitor: only the decoder does that)."""
        self._wanted = False
        self._shown.set()

    def is_wanted(self) -> bool:
        return self._wanted

    def from_ranges(self, path: str, reader: RangeReader, box: Size) -> None:
        """The camera's preview, if it may stand in for the image: its markers first.

        Without an MPF index there is no preview: the rest of the header is left to read
        beside the whole file's decode, so that the read of the file begins at once.
        """
        if not self._wanted:
            return
        from viewer.startup.first_header import header_of, plain_layout

        self._layout = plain_layout(path, reader, self._max_bytes)
        if self._layout is None:
            self._settle(None)  # not a JPEG shown as the decoder shows it
        elif self._layout.mpf is None:  # no preview: Pillow decodes the file, once it is read
            threading.Thread(target=_import_pillow, name="pillow-import", daemon=True).start()
        else:
            self._header = header_of(self._layout)
            if self._header is None:
                self._settle(None)
            elif self._header.preview is not None:
                from viewer.startup.first_preview import from_preview

                if (preview := from_preview(self._header, path, reader, box)) is not None:
                    self._settle(preview)  # decoded by the frame, on the GUI thread

    def from_data(self, data: bytes, box: Size) -> None:
        """The whole file decoded, unless the image is made already."""
        if self._wanted and self._layout is None and not self._settled:
            from viewer.core.io.ranged import memory_reader

            self.from_ranges("", memory_reader(data), box)  # no ranged read came first
        if self._settled:
            return
        made = None
        if self._wanted:
            from viewer.startup.first_decode import from_file
            from viewer.startup.first_header import header_of

            if (header := self._header) is not None:
                made = from_file(data, header.stored, box, lambda: header)
            elif (layout := self._layout) is not None:
                made = from_file(data, layout.size, box, lambda: header_of(layout))
        self._settle(made)

    def refine(self, decoded: DecodedImage) -> None:
        """Show the viewer's own decode of the image instead: the window takes the same
        pixels, so its hand-over changes nothing on screen (the camera's preview, or
        Pillow's decode, differ from them by a few levels)."""
        if not self._wanted or decoded.has_alpha:
            return
        from viewer.startup.first_decode import ScreenPixels

        full = decoded.full_size or (decoded.width, decoded.height)
        with self._lock:
            self._made, self._settled = ScreenPixels(decoded.pixels, full), True
            if self._frame is not None:
                self._hand(self._frame)

    def wait_shown(self, timeout: float) -> None:
        """Until the frame has painted the image, or there is none, at most ``timeout``."""
        self._shown.wait(timeout)

    def attach(self, frame: FirstFrame) -> None:
        """Show the image in ``frame`` when made (at once, if it already is)."""
        frame.imagePainted.connect(self._shown.set)
        # Handed over and deleted, the frame must hear no more from the early thread: a
        # decode later than the hand-over (a slow share) would call a deleted object.
        frame.destroyed.connect(self._detach)
        with self._lock:
            self._frame = frame
            if self._settled:
                self._hand(frame)

    def _detach(self) -> None:
        with self._lock:  # waits for a hand that is under way, on the early thread
            self._frame = None

    def _settle(self, made: Encoded | None) -> None:
        if made is None:
            self._shown.set()
        with self._lock:
            self._made, self._settled = made, True
            if self._frame is not None:
                self._hand(self._frame)

    def _hand(self, frame: FirstFrame) -> None:
        if self._made is not None:
            frame.deliver_encoded(self._made)
        else:
            frame.nothingToShow.emit()
