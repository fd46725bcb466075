"""Decoding a JPEG while its bytes are still arriving, so the decode overlaps a slow read.

On a share a 24 MP photo takes some 400 ms to cross the link; decoded only after its last
byte, it is sharp 100–300 ms later. libjpeg can suspend when its input runs dry and go on
when more comes (Pillow's JPEG decoder works this way; ``ImageFile.Parser`` will not use it
for JPEGs, so the decoder is driven here). A read fast enough not to need this (a local
disk, the page cache) never starts it: the whole file is then decoded as usual, by
simplejpeg. Anything unusual (no baseline JPEG header yet after a megabyte, CMYK, a decoder
error, a truncated file) gives up quietly and the whole file is decoded as usual.
"""

from __future__ import annotations

import io
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from PIL import Image

from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg.decode import JpegHeader, display_reduction, memory_reduction
from viewer.core.formats.limits import scaled
from viewer.core.formats.pixels import delivered_size
from viewer.core.metadata.exif import jpeg_orientation

#: Start decoding only when the read has taken this long (seconds): a slow read.
STREAM_AFTER_S = 0.03
#: Give up looking for the start of the image data past this many bytes.
HEADER_WITHIN = 1 << 20


@dataclass
class Streamed:
    """A JPEG decoded as it arrived.

    Attributes:
        image: the decoded Pillow image, at 1/``reduction`` of the stored size.
        full_size: the stored (width, height), before the EXIF orientation.
        reduction: the DCT scale it was decoded at.
        forced: the part of ``reduction`` the memory limit forced (the user is told), or 1.
    """

    image: Image.Image
    full_size: Size
    reduction: int
    forced: int = 1


class JpegStream:
    """Takes a file's chunks in order (``feed``, a ``viewer.core.io.arriving`` sink) and
    decodes them as they come, at the DCT scale the display box needs.

    The decoding runs on a thread of its own, so the read never waits for it (on a loaded
    machine a chunk can take longer to decode than to arrive). ``feed`` and ``result`` are
    called by one thread, the load's.
    """

    def __init__(
        self,
        display_box: Size | None,
        max_bytes: int,
        clock: Callable[[], float] = time.perf_counter,
        start_after_s: float = STREAM_AFTER_S,
    ) -> None:
        self._box = display_box
        self._max_bytes = max_bytes
        self._clock = clock
        self._start_after_s = start_after_s
        self._began: float | None = None
        self._waiting: list[bytes] = []  # chunks before the decoder starts
        self._received = 0
        self._unread = b""  # fed, not yet taken by the decoder
        self._decoder: Any = None
        self._streamed: Streamed | None = None
        self._finished = False  # the decoder reached the end of the image
        self._given_up = False
        self._chunks: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def feed(self, chunk: bytes) -> None:
        """The file's next bytes; never raises (trouble only means no streamed result)."""
        if self._given_up:
            return
        now = self._clock()
        self._began = now if self._began is None else self._began
        self._received += len(chunk)
        if self._thread is None:
            self._waiting.append(chunk)
            if now - self._began < self._start_after_s or not self._start():
                return
            chunk, self._waiting = b"".join(self._waiting), []
            self._thread = threading.Thread(
                target=self._decode_all, name="jpeg-stream", daemon=True
            )
            self._thread.start()
        self._chunks.put(chunk)

    def result(self) -> Streamed | None:
        """The image, if it was decoded whole as it arrived; else None (decode the file).
        Waits for the decoding thread to take the last bytes; a read that stopped short
        (called off, failed) stops it."""
        if self._thread is not None:
            self._chunks.put(None)
            self._thread.join()
        if not self._finished:
            self._give_up()
            return None
        return self._streamed

    def _start(self) -> bool:
        """Open the header and set up the decoder; False: not yet, or given up."""
        try:
            head = b"".join(self._waiting)
            image = Image.open(io.BytesIO(head))
        except Exception:  # the header is not all here yet, or is not an image's
            if self._received > HEADER_WITHIN:
                self._give_up()
            return False
        if (
            image.format not in ("JPEG", "MPO")
            or image.mode not in ("RGB", "L")
            or len(image.tile) != 1
        ):
            self._give_up()
            return False
        header = JpegHeader(image.width, image.height, jpeg_orientation(head))
        forced = memory_reduction(header, self._max_bytes)
        if forced is None:  # too large: the usual decode says so
            self._give_up()
            return False
        size = delivered_size(header.full_size, self._box)
        reduction = max(forced, display_reduction(header, size))
        full_size = image.size
        try:
            if reduction > 1:
                image.draft(None, (scaled(image.width, reduction), scaled(image.height, reduction)))
            image.load_prepare()
            codec, extents, offset, args = image.tile[0]
            if codec != "jpeg" or offset != 0:
                self._give_up()
                return False
            image.tile = []
            decoder = Image._getdecoder(image.mode, codec, args, image.decoderconfig)
            decoder.setimage(image.im, extents)
        except Exception:
            self._give_up()
            return False
        self._decoder = decoder
        self._streamed = Streamed(image, full_size, reduction, forced)
        return True

    def _decode_all(self) -> None:
        """The decoding thread: each chunk as it comes, until the end or ``None``."""
        while (chunk := self._chunks.get()) is not None:
            if not self._given_up and not self._finished:
                self._decode(chunk)
        if not self._finished:
            self._give_up()

    def _decode(self, chunk: bytes) -> None:
        """Give the decoder what has arrived; it takes what it can and waits for more."""
        self._unread += chunk
        try:
            consumed, error = self._decoder.decode(self._unread)  # releases the GIL
        except Exception:
            self._give_up()
            return
        if consumed < 0:  # the end of the image, or an error
            if error < 0:
                self._give_up()
                return
            self._finished = True
            self._unread = b""
            self._decoder.cleanup()
            self._decoder = None
            return
        self._unread = self._unread[consumed:]

    def _give_up(self) -> None:
        self._given_up = True
        self._waiting, self._unread, self._streamed = [], b"", None
        if self._decoder is not None:
            self._decoder.cleanup()
            self._decoder = None
