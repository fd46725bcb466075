"""A bounded reader of TIFF image file directories: the structure of EXIF and of most RAWs.

Files on a share can be damaged or hostile, so every number read is checked before use: a
directory holds at most ``MAX_ENTRIES`` entries, a value at most ``MAX_VALUE_BYTES``, a chain
at most ``MAX_DIRECTORIES`` directories, each visited once (a loop ends the walk), and an
offset past the end yields nothing. A lenient reader (``open``: EXIF metadata, RAWs) never
raises on bad input and reads what it can; a strict one (``strict``: the previews hidden in a
JPEG's EXIF and MPF segments) raises ``TiffError`` where a directory is damaged, so the
preview is refused with a sentence rather than read from a half-trusted index.

Bytes come through a ``ByteSource`` so the same code reads an EXIF block already in memory and
the directories of a RAW file on a share with a few small ranged reads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Union

#: ``(offset, length) -> bytes``: fewer bytes than asked (or none) past the end.
ByteSource = Callable[[int, int], bytes]

MAX_ENTRIES = 512
MAX_VALUE_BYTES = 1 << 16
MAX_DIRECTORIES = 32

#: TIFF field type → (struct code, bytes per item).
_TYPES: dict[int, tuple[str, int]] = {
    1: ("B", 1), 2: ("s", 1), 3: ("H", 2), 4: ("I", 4), 5: ("II", 8), 6: ("b", 1),
    7: ("x", 1), 8: ("h", 2), 9: ("i", 4), 10: ("ii", 8), 11: ("f", 4), 12: ("d", 8),
    13: ("I", 4),
}  # fmt: skip

Value = Union[int, float, str, bytes, tuple[Union[int, float], ...]]


class TiffError(ValueError):
    """A strict reader met a damaged structure; ``str()`` says where, for the log and the user."""


def memory_source(data: bytes) -> ByteSource:
    """A source over bytes already read."""

    def read(offset: int, length: int) -> bytes:
        return data[offset : offset + length] if offset >= 0 else b""

    return read


def file_source(file: BinaryIO) -> ByteSource:
    """A source that seeks and reads an open file: one small read per directory."""

    def read(offset: int, length: int) -> bytes:
        if offset < 0:
            return b""
        file.seek(offset)
        return file.read(length)

    return read


@dataclass
class Directory:
    """One IFD: its tags and where the next one in the chain starts (0 for none)."""

    tags: dict[int, Value] = field(default_factory=dict)
    next_offset: int = 0
    #: tag → (offset, byte length) of values stored out of line, read or not (too large).
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def integer(self, tag: int) -> int | None:
        """The tag as one integer (the first of several), or None."""
        value = self.tags.get(tag)
        if isinstance(value, tuple) and value and isinstance(value[0], int):
            return value[0]
        return value if isinstance(value, int) else None

    def integers(self, tag: int) -> tuple[int, ...]:
        value = self.tags.get(tag)
        if isinstance(value, int):
            return (value,)
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, int))
        return ()


class TiffReader:
    """Reads directories of one TIFF structure starting at ``base`` in ``source``.

    Attributes:
        little: byte order ("II" little-endian, "MM" big-endian).
        first_offset: where IFD0 starts, relative to ``base``.
    """

    def __init__(
        self, source: ByteSource, base: int, little: bool, first_offset: int, strict: bool = False
    ) -> None:
        self._source = source
        self._base = base
        self.little = little
        self.first_offset = first_offset
        self._strict = strict
        self._visited: set[int] = set()

    @classmethod
    def open(cls, source: ByteSource, base: int = 0) -> TiffReader | None:
        """A reader if a TIFF header ("II*\\0", "MM\\0*", or a RAW's variant) is at ``base``."""
        header = source(base, 8)
        if len(header) < 8 or header[:2] not in (b"II", b"MM"):
            return None
        little = header[:2] == b"II"
        (offset,) = struct.unpack("<I" if little else ">I", header[4:8])
        return cls(source, base, little, offset)

    @classmethod
    def strict(cls, data: bytes) -> TiffReader:
        """A reader of a TIFF block in memory that raises ``TiffError`` on a damaged directory.

        Raises:
            TiffError: ``data`` does not start with a TIFF header ("II*\\0" or "MM\\0*").
        """
        if len(data) < 8 or data[:4] not in (b"II*\0", b"MM\0*"):
            raise TiffError("no TIFF header")
        little = data[:2] == b"II"
        (offset,) = struct.unpack("<I" if little else ">I", data[4:8])
        return cls(memory_source(data), 0, little, offset, strict=True)

    def directory(self, offset: int) -> Directory | None:
        """The IFD at ``offset``; None if it is out of bounds, already read, or over budget.

        Raises:
            TiffError: (strict only) the directory claims too many entries, or it or its
                link to the next runs past the end.
        """
        if offset <= 0 or offset in self._visited or len(self._visited) >= MAX_DIRECTORIES:
            return None
        self._visited.add(offset)
        end = "<" if self.little else ">"
        head = self._read(offset, 2)
        if len(head) < 2:
            self._damaged(f"a directory at {offset:,} lies past the end")
            return None
        (count,) = struct.unpack(end + "H", head)
        if count > MAX_ENTRIES:
            self._damaged(f"a directory claims {count} entries")
        count = min(count, MAX_ENTRIES)
        raw = self._read(offset + 2, count * 12 + 4)
        if len(raw) < count * 12 + 4:
            self._damaged(f"the directory at {offset:,} runs past the end")
        directory = Directory()
        for index in range(min(count, len(raw) // 12)):
            entry = raw[index * 12 : index * 12 + 12]
            tag, kind, items = struct.unpack(end + "HHI", entry[:8])
            value = self._value(kind, items, entry[8:12])
            span = self._span(kind, items, entry[8:12])
            if span is not None:
                directory.spans.setdefault(tag, span)
            if value is not None:
                directory.tags.setdefault(tag, value)
        if len(raw) >= count * 12 + 4:
            (directory.next_offset,) = struct.unpack(end + "I", raw[count * 12 :][:4])
        return directory

    def chain(self) -> list[Directory]:
        """IFD0 and the directories chained after it (IFD1 is the thumbnail in EXIF)."""
        found = []
        offset = self.first_offset
        while (directory := self.directory(offset)) is not None:
            found.append(directory)
            offset = directory.next_offset
        return found

    def _damaged(self, problem: str) -> None:
        """A strict reader refuses damage; a lenient one reads on with what there is."""
        if self._strict:
            raise TiffError(problem)

    def _read(self, offset: int, length: int) -> bytes:
        try:
            return self._source(self._base + offset, length)
        except (OSError, ValueError, OverflowError):
            return b""

    def _span(self, kind: int, items: int, inline: bytes) -> tuple[int, int] | None:
        layout = _TYPES.get(kind)
        if layout is None or layout[1] * items <= 4:
            return None
        (offset,) = struct.unpack("<I" if self.little else ">I", inline)
        return self._base + offset, layout[1] * items

    def _value(self, kind: int, items: int, inline: bytes) -> Value | None:
        layout = _TYPES.get(kind)
        if layout is None or items == 0:
            return None
        code, size = layout
        total = size * items
        if total > MAX_VALUE_BYTES:
            return None
        if total <= 4:
            data = inline[:total]
        else:
            (offset,) = struct.unpack("<I" if self.little else ">I", inline)
            data = self._read(offset, total)
            if len(data) < total:
                return None
        return _unpack(code, items, data, self.little)


def _unpack(code: str, items: int, data: bytes, little: bool) -> Value | None:
    end = "<" if little else ">"
    if code == "x":
        return bytes(data)
    if code == "s":
        text = data.split(b"\0", 1)[0]
        return text.decode("utf-8", "replace").strip()
    try:
        numbers = struct.unpack(end + code * items, data)
    except struct.error:
        return None
    if len(code) == 2:  # rationals: numerator, denominator pairs
        pairs = zip(numbers[::2], numbers[1::2])
        numbers = tuple(n / d if d else 0.0 for n, d in pairs)
    return numbers[0] if len(numbers) == 1 else tuple(numbers)
