"""Display loads that read a file's first 64 KB first and hand them over before the rest.

The image's own read brings its preview: a camera JPEG's EXIF thumbnail lies in those first
bytes, so the preview costs no extra byte and no extra round trip, and it never stands
before the image's read on the link, because it is that read. The rest of the file follows
in the decoder's chunks, and the read stops between chunks once it is called off.
"""

from __future__ import annotations

import logging
import os
from typing import Callable

from viewer.core.formats.decode import DecodedImage
from viewer.core.formats.jpeg.layout import PREFIX_BYTES, Head, read_layout
from viewer.core.io.arriving import arrived
from viewer.core.io.cancel import Cancelled, check_cancelled
from viewer.core.io.ranged import memory_reader
from viewer.core.io.read_errors import read_error
from viewer.core.io.reading import READ_CHUNK, DecodeError, FileStamp
from viewer.core.previews.in_jpeg import decode_preview, exif_thumbnail, orientation_of

_log = logging.getLogger(__name__)

#: ``(path, head, file_size)``: called on the loading thread once the head has arrived.
HeadCallback = Callable[[str, bytes, int], None]
#: ``(path, on_head) -> (data, stamp)``: ``read_head_first``, or a benchmark's simulated share.
HeadFirstReader = Callable[[str, HeadCallback], "tuple[bytes, FileStamp]"]


def read_head_first(path: str, on_head: HeadCallback) -> tuple[bytes, FileStamp]:
    """The whole file in one open: its head first (handed to ``on_head``), then the rest.

    Raises:
        DecodeError: with a sentence naming the file and what went wrong.
        Cancelled: the load was called off.
    """
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            check_cancelled()
            chunks = [file.read(PREFIX_BYTES)]
            _offer(on_head, path, chunks[0], status.st_size)
            arrived(chunks[0])
            while chunks[-1]:
                check_cancelled()
                chunks.append(file.read(READ_CHUNK))
                arrived(chunks[-1])
    except OSError as error:
        raise DecodeError(read_error(path, error)) from None
    data = b"".join(chunks)
    if not data:
        raise DecodeError(f"{os.path.basename(path)} is empty (0 bytes).")
    return data, FileStamp(status.st_size, status.st_mtime_ns)


def head_preview(path: str, head: bytes, file_size: int, size: int) -> DecodedImage | None:
    """The EXIF thumbnail in a file's first bytes, if they hold a usable one; reads nothing."""
    name = os.path.basename(path)
    try:
        layout = read_layout(Head(memory_reader(head), path, file_size))
        data = None if layout is None else exif_thumbnail(layout, name)
        if layout is None or data is None:
            return None
        return decode_preview(data, name, layout, orientation_of(layout), size)
    except DecodeError as error:
        _log.info("%s", error)
        return None


def _offer(on_head: HeadCallback, path: str, head: bytes, file_size: int) -> None:
    """A failing preview never fails the load; a load called off meanwhile stops (it was
    logged as a failed preview, with a traceback)."""
    try:
        on_head(path, head, file_size)
    except Cancelled:
        raise
    except Exception:
        _log.exception("Preview of %s failed", path)
