"""Small ICC profiles built from their published primaries: matrix and gamma, nothing else.

A camera set to Adobe RGB often writes no profile at all, only an EXIF marker; LittleCMS can
build sRGB itself but not Adobe RGB, so the viewer builds that profile here from the
colorants of Adobe RGB (1998), adapted to the D50 connection space as ICC profiles store them.
ProPhoto (ROMM RGB) is here too, for tests and for scripts.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_D50 = (0.9642, 1.0, 0.8249)


@dataclass(frozen=True)
class MatrixProfile:
    """An RGB working space: its colorants (XYZ, D50-adapted) and one gamma for all channels."""

    name: str
    red: tuple[float, float, float]
    green: tuple[float, float, float]
    blue: tuple[float, float, float]
    gamma: float


ADOBE_RGB = MatrixProfile(
    "Adobe RGB (1998)",
    red=(0.60974, 0.31111, 0.01947),
    green=(0.20528, 0.62567, 0.06087),
    blue=(0.14919, 0.06322, 0.74457),
    gamma=563 / 256,
)
PROPHOTO_RGB = MatrixProfile(
    "ProPhoto RGB",
    red=(0.7977, 0.2880, 0.0),
    green=(0.1352, 0.7119, 0.0),
    blue=(0.0313, 0.0001, 0.8249),
    gamma=1.8,
)


def icc_bytes(space: MatrixProfile) -> bytes:
    """A version 2 display profile for ``space`` that LittleCMS and other readers accept."""
    tags = [
        (b"desc", _description(space.name)),
        (b"cprt", b"text\0\0\0\0" + b"No copyright, use freely\0"),
        (b"wtpt", _xyz(_D50)),
        (b"rXYZ", _xyz(space.red)),
        (b"gXYZ", _xyz(space.green)),
        (b"bXYZ", _xyz(space.blue)),
        (b"rTRC", _gamma(space.gamma)),
    ]
    # The three tone curves are the same: share one copy, as Adobe's own profile does.
    return assemble(b"mntr", b"RGB ", b"XYZ ", tags, aliases={b"gTRC": b"rTRC", b"bTRC": b"rTRC"})


def assemble(
    device_class: bytes,
    colour_space: bytes,
    connection: bytes,
    tags: list[tuple[bytes, bytes]],
    aliases: dict[bytes, bytes] | None = None,
) -> bytes:
    """An ICC profile from its header fields and tag data (each tag padded to 4 bytes)."""
    aliases = aliases or {}
    count = len(tags) + len(aliases)
    offset = 128 + 4 + 12 * count
    table, body, placed = b"", b"", {}
    for signature, data in tags:
        placed[signature] = (offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    for signature, target in aliases.items():
        placed[signature] = placed[target]
    for signature, (start, size) in placed.items():
        table += signature + struct.pack(">II", start, size)
    size = offset + len(body)
    header = (
        struct.pack(">I4sI", size, b"lcms", 0x02100000)
        + device_class
        + colour_space
        + connection
        + bytes(12)  # creation date: none
        + b"acsp"
        + bytes(24)  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # rendering intent: perceptual
        + _s15(_D50)
        + bytes(4 + 16 + 28)  # creator, profile ID, reserved
    )
    return header + struct.pack(">I", count) + table + body


def _s15(values: tuple[float, ...]) -> bytes:
    return b"".join(struct.pack(">i", round(value * 65536)) for value in values)


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(values)


def _gamma(gamma: float) -> bytes:
    return b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256))


def _description(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + bytes(4 + 4 + 2 + 1 + 67)  # no Unicode or ScriptCode descriptions
    )


_SWAPPED = {b"rXYZ": b"bXYZ", b"bXYZ": b"rXYZ", b"rTRC": b"bTRC", b"bTRC": b"rTRC"}
_MATRIX_TAGS = frozenset(_SWAPPED)
_LUT_PREFIXES = (b"A2B", b"B2A", b"D2B", b"B2D")


def red_blue_swapped(profile: bytes) -> bytes | None:
    """The same matrix-shaper profile with red and blue exchanged; None for any other kind.

    A transform between two swapped profiles converts B, G, R pixels as an ordinary one
    converts R, G, B: Qt's memory order can then be converted in place, with no copies.
    Profiles with lookup tables (which LittleCMS prefers to the matrix) are not swapped.
    """
    if len(profile) < 132:
        return None
    (count,) = struct.unpack(">I", profile[128:132])
    end = 132 + 12 * count
    if count > 1000 or end > len(profile):
        return None
    table = bytearray(profile[132:end])
    signatures = {bytes(table[i * 12 : i * 12 + 4]) for i in range(count)}
    if not signatures >= _MATRIX_TAGS or any(s.startswith(_LUT_PREFIXES) for s in signatures):
        return None
    for index in range(count):
        signature = bytes(table[index * 12 : index * 12 + 4])
        table[index * 12 : index * 12 + 4] = _SWAPPED.get(signature, signature)
    return profile[:132] + bytes(table) + profile[end:]
