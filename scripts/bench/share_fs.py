"""The viewer's ``FileSystem`` over the simulated share, for the verdict benchmark.

Every call the verdict core makes pays what it would on SMB: a round trip per request, the
link's bandwidth for bytes either way. A directory listing is modelled as SMB2's
QUERY_DIRECTORY: 104 bytes plus the UTF-16 name per entry, in 64 KB replies, one round trip
each. Bytes read are counted per file, so the benchmark can say what each image cost.
"""

from __future__ import annotations

import io
import os
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, cast

from bench.share import Share
from viewer.core.fileops.fs import FileSystem
from viewer.core.io.reading import FileStamp

ENTRY_BYTES = 104  # FILE_ID_BOTH_DIR_INFORMATION without its name
REPLY_BYTES = 64 << 10


def listing_bytes(names: list[str]) -> int:
    return sum(ENTRY_BYTES + 2 * len(name) for name in names)


class _LinkReader(io.RawIOBase):
    """A file read through the link: each ``read`` is one request of its size."""

    def __init__(self, path: str, share: Share, counts: dict[str, int], lock: threading.Lock):
        super().__init__()
        self._file = open(path, "rb")  # noqa: SIM115 - closed with the reader
        self._path, self._share, self._counts, self._lock = path, share, counts, lock

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self._share.send(len(data))
        with self._lock:
            self._counts[self._path] += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._file.close()
        super().close()


class ShareFileSystem(FileSystem):
    """``FileSystem`` whose calls cross ``share``'s link.

    Attributes:
        read_by_path: bytes read from each file (listings not included).
        listed_bytes: bytes of directory listings.
    """

    def __init__(self, share: Share) -> None:
        self.share = share
        self.read_by_path: dict[str, int] = defaultdict(int)
        self.listed_bytes = 0
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self.read_by_path.clear()
            self.listed_bytes = 0

    def listdir(self, folder: str) -> list[str]:
        names = super().listdir(folder)
        self._list(names)
        return names

    def _list(self, names: list[str]) -> None:
        size = listing_bytes(names)
        replies = size // REPLY_BYTES + 1
        for _ in range(replies):
            self.share.round_trip()
        self.share.send(size, round_trip=False)
        with self._lock:
            self.listed_bytes += size

    @contextmanager
    def scandir(self, folder: str) -> Iterator[Iterator[os.DirEntry[str]]]:
        """``os.scandir`` through the link, for the viewer's own listing."""
        with os.scandir(folder) as entries:
            found = list(entries)
        self._list([entry.name for entry in found])
        yield iter(found)

    def stamp(self, path: str) -> FileStamp:
        return self.share.stat(path)

    def exists(self, path: str) -> bool:
        self.share.round_trip()
        return super().exists(path)

    def open_read(self, path: str) -> BinaryIO:
        self.share.round_trip()  # the open; each read is a request of its own
        reader = _LinkReader(path, self.share, self.read_by_path, self._lock)
        return cast(BinaryIO, reader)

    def create_new(self, path: str) -> BinaryIO:
        self.share.round_trip()
        return super().create_new(path)

    def write(self, handle: BinaryIO, data: bytes) -> None:
        self.share.send(len(data))
        super().write(handle, data)

    def flush(self, handle: BinaryIO) -> None:
        self.share.round_trip()
        super().flush(handle)

    def flush_folder(self, folder: str) -> None:
        self.share.round_trip()
        super().flush_folder(folder)

    def replace(self, source: str, target: str) -> None:
        self.share.round_trip()
        super().replace(source, target)

    def rename_new(self, source: str, target: str) -> None:
        self.share.round_trip()
        super().rename_new(source, target)

    def unlink(self, path: str) -> None:
        self.share.round_trip()
        super().unlink(path)
