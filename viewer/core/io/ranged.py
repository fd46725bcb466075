"""Reading parts of a file, through a reader that tests and benchmarks can replace.

Previews come from the first kilobytes of a file (EXIF) or one slice of it (MPF): on a slow
share every byte not read is time the current image's read gets instead. All preview code
reads through a ``RangeReader``, so tests count exactly what was read.
"""

from __future__ import annotations

import os
import threading
from typing import Callable

from viewer.core.io.cancel import check_cancelled
from viewer.core.io.read_errors import read_error
from viewer.core.io.reading import READ_CHUNK, DecodeError, FileStamp

#: ``(path, offset, length) -> bytes``: at most ``length`` bytes from ``offset`` (fewer at the
#: end of the file). Raises ``OSError`` like ``open`` and ``read`` do.
RangeReader = Callable[[str, int, int], bytes]

#: ``path -> FileStamp``: what identifies this version of the file.
StampReader = Callable[[str], FileStamp]


def memory_reader(data: bytes) -> RangeReader:
    """A reader of ranges of ``data``, a file already in memory (any path)."""
    return lambda _path, offset, length: data[offset : offset + length]


def read_file_range(path: str, offset: int, length: int) -> bytes:
    """The default reader: one open, one seek, one read."""
    with open(path, "rb") as file:
        file.seek(offset)
        return file.read(length)


def file_stamp(path: str) -> FileStamp:
    """The file's size and modification time; ``DecodeError`` with a sentence if it is gone."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise DecodeError(read_error(path, error)) from None
    return FileStamp(status.st_size, status.st_mtime_ns)


def read_range(reader: RangeReader, path: str, offset: int, length: int) -> bytes:
    """Read through ``reader``, turning ``OSError`` into a ``DecodeError`` sentence."""
    check_cancelled()
    try:
        return reader(path, offset, length)
    except OSError as error:
        raise DecodeError(read_error(path, error)) from None


def read_whole(reader: RangeReader, path: str, size: int, head: bytes = b"") -> bytes:
    """The whole file in chunks after ``head`` (its start, read already), stopping between
    chunks if the read is called off."""
    chunks: list[bytes] = [head]
    offset = len(head)
    while offset < size:
        chunk = read_range(reader, path, offset, min(READ_CHUNK, size - offset))
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    data = b"".join(chunks)
    if not data:
        raise DecodeError(f"{os.path.basename(path)} is empty (0 bytes).")
    return data


class CountingReader:
    """A ``RangeReader`` that counts the reads and bytes it passes on (tests, benchmarks).

    Attributes:
        reads: ``(path, offset, length asked)`` of every read, in order.
        bytes_read: the bytes returned, per path.
    """

    def __init__(self, inner: RangeReader = read_file_range) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self.reads: list[tuple[str, int, int]] = []
        self.bytes_read: dict[str, int] = {}

    def __call__(self, path: str, offset: int, length: int) -> bytes:
        data = self._inner(path, offset, length)
        with self._lock:
            self.reads.append((path, offset, length))
            self.bytes_read[path] = self.bytes_read.get(path, 0) + len(data)
        return data

    def total(self) -> int:
        with self._lock:
            return sum(self.bytes_read.values())
