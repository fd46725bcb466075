"""The XMP packet an image carries inside, found in the bytes already read.

A JPEG keeps it in an APP1 segment whose payload starts with Adobe's namespace and a NUL;
cameras and editors put it within the first 64 KB. DNG (a TIFF tag) and HEIC (an ``mime``
item) keep it elsewhere, but always as one ``<x:xmpmeta>`` … ``</x:xmpmeta>`` run of text,
which a scan of the head finds without parsing either container. The packet is parsed by
``packet.parse_packet``, with the same caps as a sidecar.
"""

from __future__ import annotations

from viewer.core.metadata.jpeg_segments import InMemory, MarkerError, segments

#: How much of an image is read for its packet: the same read sorting by date makes.
HEAD_BYTES = 64 << 10

JPEG_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
APP1 = 0xE1
_OPEN = b"<x:xmpmeta"
_CLOSE = b"</x:xmpmeta>"


def jpeg_packet(head: bytes) -> bytes | None:
    """The XMP packet in a JPEG's APP1 segment, if it lies wholly within ``head``."""
    if not head.startswith(b"\xff\xd8"):
        return None
    try:
        for segment in segments(InMemory(head)):
            if segment.marker != APP1 or segment.end > len(head):
                continue
            payload = head[segment.start : segment.end]
            if payload.startswith(JPEG_XMP_HEADER):
                return payload[len(JPEG_XMP_HEADER) :]
    except MarkerError:
        pass  # the head ends, or the markers are damaged, before any packet
    return None


def scan_packet(head: bytes) -> bytes | None:
    """The first whole ``<x:xmpmeta>`` element in ``head`` (DNG, HEIC, TIFF, …)."""
    start = head.find(_OPEN)
    if start < 0:
        return None
    end = head.find(_CLOSE, start)
    return None if end < 0 else head[start : end + len(_CLOSE)]


def embedded_packet(head: bytes) -> bytes | None:
    """An image's own XMP packet from its first bytes, or None."""
    return jpeg_packet(head) or scan_packet(head)
