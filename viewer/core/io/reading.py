"""What reading a file gives every loader, without importing numpy or Pillow.

The error that carries a sentence for the user, the stamp of one version of a file, and the
read's chunk size.

They live here, not beside the decoder, so that code that only reads (the ranged reads of
previews, the first frame's header walk, verdict scripts) imports nothing heavy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Reads come in chunks of this size, so a load called off (or giving way to the current
#: image's, ``right_of_way``) stops within one chunk: 256 KB cross a 200 Mbit/s link in
#: 10 ms, where 1 MB held the link for 42 ms ahead of the next image's first bytes.
READ_CHUNK = 1 << 18


class DecodeError(Exception):
    """An image could not be read or decoded. ``str()`` is a sentence to show the user."""


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of a file: an edit in place changes it."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileStamp:
        """The stamp of a file from its ``os.stat`` (or ``os.fstat``) result."""
        return cls(status.st_size, status.st_mtime_ns)
