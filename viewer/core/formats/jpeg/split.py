"""A two-core decode of a JPEG with restart markers: its top and bottom halves at once.

Entropy decoding is serial within a scan, and it is most of a JPEG's decode time even at a
reduced DCT scale. But where the encoder wrote restart markers (most cameras do: a DRI
segment, then RSTn markers in the scan), the decoder's state is reset at each one, so the
scan can be cut there. When the restart interval is a whole number of MCU rows, the part
after a marker is itself a JPEG: the same headers with the frame's height cut down, and the
RST markers numbered from 0 again. Each half is decoded by libjpeg-turbo (simplejpeg,
which releases the GIL) on its own thread: the top straight into the output, the bottom into
a buffer of its own (it overlaps the seam), copied in after.

Each half decodes one restart interval past the seam and drops it, so the chroma upsampling
next to the seam sees the rows it sees in one decode: the pixels are the same. Anything else
(progressive, no DRI, an interval that is not whole rows, too few rows) is not split.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import simplejpeg

#: Below this many MCU rows a split saves less than starting a thread costs.
MIN_ROWS = 16
_SOF0, _SOF1, _DRI, _SOS, _EOI = 0xC0, 0xC1, 0xDD, 0xDA, 0xD9
_RST0 = 0xD0


@dataclass(frozen=True)
class Scan:
    """Where a baseline JPEG's scan lies, and how it is cut into restart intervals.

    Attributes:
        height: the frame's height in pixels.
        height_at: the offset of the frame header's 16-bit height.
        data_at: the offset of the scan's first entropy-coded byte.
        mcu_height: pixels per MCU row.
        rows_per_interval: MCU rows per restart interval.
        markers: the offset of each RST marker in the scan, in order.
    """

    height: int
    height_at: int
    data_at: int
    mcu_height: int
    rows_per_interval: int
    markers: list[int]


@dataclass(frozen=True)
class _Frame:
    height: int
    width: int
    height_at: int
    mcu_width: int
    mcu_height: int
    components: int


def find_scan(data: bytes) -> Scan | None:
    """The scan of a baseline JPEG whose restart intervals are whole MCU rows; else None."""
    position, frame, interval = 2, None, 0
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if marker in (_SOF0, _SOF1):
            frame = _frame(data, position)
        elif marker == _DRI:
            interval = int.from_bytes(data[position + 4 : position + 6], "big")
        elif marker == _SOS:
            if frame is None or interval == 0 or data[position + 4] != frame.components:
                return None  # no frame, no restart markers, or not all components at once
            per_row = -(-frame.width // frame.mcu_width)
            if interval % per_row:
                return None
            start = position + 2 + length
            return Scan(frame.height, frame.height_at, start, frame.mcu_height,
                        interval // per_row, _restart_markers(data, start))  # fmt: skip
        elif 0xC2 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return None  # progressive, lossless or arithmetic coding
        position += 2 + length
    return None


def _frame(data: bytes, position: int) -> _Frame:
    height = int.from_bytes(data[position + 5 : position + 7], "big")
    width = int.from_bytes(data[position + 7 : position + 9], "big")
    components = data[position + 9]
    sampling = [data[position + 11 + 3 * i] for i in range(components)]
    max_h = max(factor >> 4 for factor in sampling)
    max_v = max(factor & 15 for factor in sampling)
    return _Frame(height, width, position + 5, 8 * max_h, 8 * max_v, components)


def _restart_markers(data: bytes, start: int) -> list[int]:
    """Offsets of the RSTn markers from ``start`` to the end of the scan.

    A 24 MP scan holds tens of thousands of 0xFF bytes (each followed by 0x00 stuffing, an
    RST marker or 0xFF fill, until the marker that ends the scan); numpy finds them without
    holding the GIL, where ``bytes.find`` or ``re`` held it 10–15 ms.
    """
    scan = np.frombuffer(data, np.uint8, offset=start)
    ones = np.flatnonzero(scan[:-1] == 0xFF)
    following = scan[ones + 1]
    restart = (following >= _RST0) & (following <= _RST0 + 7)
    ends = np.flatnonzero(~restart & (following != 0x00) & (following != 0xFF))
    stop = ones[ends[0]] if ends.size else scan.size
    markers = ones[restart & (ones < stop)] + start
    return [int(offset) for offset in markers]


@dataclass(frozen=True)
class Halves:
    """A JPEG cut in two, each half with one restart interval more than it keeps, so the
    chroma upsampling on either side of the seam sees the rows it would see in one decode.

    Attributes:
        top, bottom: the two JPEGs.
        seam: the row (full scale) where the kept top ends and the kept bottom begins.
        overlap: rows (full scale) the bottom decodes above the seam, then drops.
    """

    top: bytearray
    bottom: bytearray
    seam: int
    overlap: int


def halves(data: bytes, scan: Scan) -> Halves | None:
    """The JPEG cut at the restart marker nearest its middle row; None if too few rows."""
    rows = -(-scan.height // scan.mcu_height)
    interval = scan.rows_per_interval * scan.mcu_height  # pixel rows per restart interval
    if rows < MIN_ROWS or len(scan.markers) < 3:
        return None
    # The i-th marker (from 1) ends the i-th interval; the seam follows interval k.
    k = max(2, min(len(scan.markers) - 1, round(scan.height / 2 / interval)))
    seam = k * interval
    top_end = scan.markers[k]  # the top decodes one interval past the seam
    view, at = memoryview(data), scan.height_at
    top = bytearray(view[:top_end])
    top[at : at + 2] = ((k + 1) * interval).to_bytes(2, "big")
    top += bytes([0xFF, _EOI])
    begin = scan.markers[k - 2] + 2  # the bottom decodes one interval above the seam
    bottom = bytearray(view[: scan.data_at])
    bottom[at : at + 2] = (scan.height - (k - 1) * interval).to_bytes(2, "big")
    shift = len(bottom) - begin
    bottom += view[begin:]
    for offset in scan.markers[k - 1 :]:  # numbered from RST0 again
        number = offset + shift + 1
        bottom[number] = _RST0 + (bottom[number] - _RST0 - (k - 1)) % 8
    return Halves(top, bottom, seam, interval)


def decode_split(
    data: bytes, colorspace: str, width: int, height: int, reduction: int,
    out: np.ndarray | None = None,
) -> np.ndarray | None:  # fmt: skip
    """The JPEG decoded at 1/``reduction`` (its stored orientation) by two threads, into
    ``out`` if given (of the decoded shape); None if it cannot be split, or a half fails to
    decode (the caller decodes it whole, and says what is wrong)."""
    scan = find_scan(data)
    parts = None if scan is None else halves(data, scan)
    if parts is None or parts.seam % reduction or parts.overlap % reduction:
        return None
    out_width, out_height = -(-width // reduction), -(-height // reduction)
    if out is None:
        out = np.empty((out_height, out_width, 4), np.uint8)
    elif out.shape[:2] != (out_height, out_width):
        return None
    seam, overlap = parts.seam // reduction, parts.overlap // reduction
    lower = np.empty((out_height - seam + overlap, out_width, 4), np.uint8)
    failures: list[Exception] = []

    def decode(part: bytearray, rows: np.ndarray) -> None:
        try:
            simplejpeg.decode_jpeg(part, colorspace=colorspace, buffer=rows,
                                   min_width=rows.shape[1], min_height=rows.shape[0])  # fmt: skip
        except Exception as error:  # the caller's whole decode says what is wrong
            failures.append(error)

    helper = threading.Thread(target=decode, args=(parts.bottom, lower), daemon=True)
    helper.start()
    decode(parts.top, out[: seam + overlap])  # its last interval is overwritten below
    helper.join()
    if failures:
        return None
    out[seam:] = lower[overlap:]
    return out
