"""A simulated network share: a round trip per open, and one bandwidth shared by all reads.

Deterministic enough to compare designs: the link is a virtual clock. Each read waits its
round trip, then, chunk by chunk, reserves the link for ``chunk / rate`` after every
reservation already made and sleeps until that reservation ends. Two reads at once therefore
share the bandwidth but overlap their round trips, as on a real share, and a read called off
stops sending at the next chunk. The bytes come from a local folder (the page
cache after the first run), so the link, not the disk, sets the pace.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Callable

from viewer.core.formats.decode import LoadedFile, decode_bytes, read_file
from viewer.core.formats.geometry import Size
from viewer.core.formats.jpeg.layout import PREFIX_BYTES
from viewer.core.formats.pixels import Allocator, new_array
from viewer.core.io.cancel import check_cancelled
from viewer.core.io.read_errors import read_error
from viewer.core.io.reading import READ_CHUNK, DecodeError, FileStamp
from viewer.core.previews.head_first import read_head_first

try:
    from viewer.core.io import arriving
except ImportError:  # code from before decoding as bytes arrive (bench_frame compares
    arriving = None  # type: ignore[assignment]  # an older checkout, same simulated link)


def _arrived(chunk: bytes) -> None:
    """Hand a chunk that has crossed the link to the load that receives it, if any."""
    if arriving is not None:
        arriving.arrived(chunk)


def _quietly() -> AbstractContextManager[None]:
    """Chunks read from the local folder go to nobody: they are handed on as they cross."""
    return nullcontext() if arriving is None else arriving.receiving(lambda chunk: None)


@dataclass(frozen=True)
class Link:
    """A share's round trip (seconds) and bandwidth (bytes per second)."""

    name: str
    rtt: float
    rate: float


PRESETS = {
    "lan": Link("lan", 0.001, 1e9 / 8),
    "smb": Link("smb", 0.002, 200e6 / 8),  # the SMB share of issue 15's comparison
    "wifi": Link("wifi", 0.005, 200e6 / 8),
    "vpn": Link("vpn", 0.030, 50e6 / 8),
}


def _read_locally(path: str) -> tuple[bytes, FileStamp]:
    """The bytes from the local folder, handed on to nobody: they are handed on as they
    cross the simulated link."""
    with _quietly():
        return read_file(path)


class Share:
    """Reads files through an optional simulated link, counting bytes and opens.

    Attributes:
        link: the simulated link, or None to read the folder as it is.
        bytes_read: bytes read since the last ``reset``.
        reads: files opened since the last ``reset``.
        ranged_beside_whole: bytes of ranged reads (thumbnails) that began while a whole
            read (an image) was on the link, since the last ``reset``.
    """

    def __init__(self, link: Link | None) -> None:
        self.link = link
        self.bytes_read = 0
        self.reads = 0
        self.ranged_beside_whole = 0
        self._whole_reads = 0
        self._lock = threading.Lock()
        self._link_free_at = 0.0

    def reset(self) -> None:
        with self._lock:
            self.bytes_read = self.reads = self.ranged_beside_whole = 0

    def read(self, path: str) -> tuple[bytes, FileStamp]:
        """Read ``path`` through the link chunk by chunk, as ``read_file`` does on a share.

        Between chunks the read stops if its load was called off, so only the chunks
        actually sent count as bytes read.
        """
        data, stamp = _read_locally(path)
        with self._lock:
            self._whole_reads += 1
        try:
            self._transfer(len(data), data=data)
        finally:
            with self._lock:
                self._whole_reads -= 1
        return data, stamp

    def read_head_first(
        self, path: str, on_head: Callable[[str, bytes, int], None]
    ) -> tuple[bytes, FileStamp]:
        """``read`` that hands the first 64 KB to ``on_head`` as soon as they have crossed
        the link (the previewing loader's reader). Without a simulated link, the file is
        read as the viewer reads it, head first."""
        with self._lock:
            self._whole_reads += 1
        try:
            return self._head_first(path, on_head)
        finally:
            with self._lock:
                self._whole_reads -= 1

    def _head_first(
        self, path: str, on_head: Callable[[str, bytes, int], None]
    ) -> tuple[bytes, FileStamp]:
        if self.link is None:
            data, stamp = read_head_first(path, on_head)
            self._transfer(len(data))
            return data, stamp
        try:
            with open(path, "rb") as file:  # the head crosses before the rest is even read
                stamp = FileStamp.of(os.fstat(file.fileno()))
                head = file.read(PREFIX_BYTES)
                self._transfer(len(head), data=head)
                on_head(path, head, stamp.size)
                rest = file.read()
        except OSError as error:  # as the viewer's own reader says it (a file in the trash)
            raise DecodeError(read_error(path, error)) from None
        if rest:
            with self._lock:
                self.reads -= 1  # one open: the rest continues the same read
            self._transfer(len(rest), round_trip=False, data=rest)
        return head + rest, stamp

    def read_range(self, path: str, offset: int, length: int) -> bytes:
        """A ranged read (the thumbnailer's ``RangeReader``): a round trip, then only the
        bytes asked for cross the link."""
        with open(path, "rb") as file:
            file.seek(offset)
            data = file.read(length)
        self._transfer(len(data))
        return data

    def counted_range(self, path: str, offset: int, length: int) -> bytes:
        """``read_range`` that adds to ``ranged_beside_whole`` if an image read (``read`` or
        ``read_head_first``) was on the link when it began: the thumbnails' reader."""
        with self._lock:
            beside = self._whole_reads > 0
        data = self.read_range(path, offset, length)
        if beside:
            with self._lock:
                self.ranged_beside_whole += len(data)
        return data

    def send(self, size: int, round_trip: bool = True) -> None:
        """``size`` bytes over the link in either direction (a write, a directory listing's
        reply), after one round trip unless ``round_trip`` is False; counted as bytes read."""
        self._transfer(size, round_trip)

    def round_trip(self) -> None:
        """One request and its reply with no payload to speak of (an fsync, a rename)."""
        if self.link is not None:
            time.sleep(self.link.rtt)

    def stat(self, path: str) -> FileStamp:
        """A file's stamp, at the cost of one round trip (a stat on a share is one)."""
        status = os.stat(path)
        if self.link is not None:
            time.sleep(self.link.rtt)
        return FileStamp(status.st_size, status.st_mtime_ns)

    def _transfer(self, size: int, round_trip: bool = True, data: bytes = b"") -> None:
        """One open's round trip, then ``size`` bytes chunk by chunk, stopping between
        chunks if the load was called off; each chunk of ``data`` is handed on as it has
        crossed (``viewer.core.io.arriving``), as a real read hands it on."""
        if self.link is not None:
            if round_trip:
                time.sleep(self.link.rtt)
            for start in range(0, size, READ_CHUNK):
                check_cancelled()
                self._send(min(READ_CHUNK, size - start))
                _arrived(data[start : start + READ_CHUNK])
        else:
            self._count(size)
        with self._lock:
            self.reads += 1

    def _send(self, size: int) -> None:
        """Reserve the link for ``size`` bytes after everything already on it, and wait."""
        assert self.link is not None
        with self._lock:  # bookkeeping only; the sleep is outside
            start = max(time.perf_counter(), self._link_free_at)
            self._link_free_at = start + size / self.link.rate
            done_at = self._link_free_at
        time.sleep(max(0.0, done_at - time.perf_counter()))
        self._count(size)

    def _count(self, size: int) -> None:
        with self._lock:
            self.bytes_read += size

    def load(
        self, path: str, allocate: Allocator = new_array, display_box: Size | None = None
    ) -> LoadedFile:
        """A ``Loader`` for the model: read through the link, then decode as the viewer does."""
        data, stamp = self.read(path)
        check_cancelled()
        decoded = decode_bytes(data, os.path.basename(path), allocate, display_box=display_box)
        return LoadedFile(path, stamp, decoded)
