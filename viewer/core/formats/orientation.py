"""The EXIF orientation tag (1–8), in one table that every decoder and preview reads.

Each orientation names the transpose that turns the stored pixels upright, spelled as Pillow's
``Image.Transpose`` member so the Pillow paths use it directly; the numpy path, the sizes and
the first frame's quarter turns are derived from the same table. Importing this module
imports nothing else: the first frame uses it before numpy and Pillow are loaded.
"""

from __future__ import annotations

#: Orientation → the transpose that turns the stored image upright (as ``exif_transpose``).
UPRIGHT_TRANSPOSE = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}

#: Pillow's rotations are anticlockwise; a screen transform's are clockwise.
_CLOCKWISE = {"ROTATE_90": 270, "ROTATE_180": 180, "ROTATE_270": 90}
#: Transposes that exchange width and height.
_SWAPPING = frozenset({"TRANSPOSE", "ROTATE_270", "TRANSVERSE", "ROTATE_90"})


def upright_transpose(orientation: int | None) -> str | None:
    """The ``Image.Transpose`` member name that turns the stored image upright; None if it
    already is (1), or the tag is absent or out of range."""
    if orientation is None:
        return None
    return UPRIGHT_TRANSPOSE.get(orientation)


def swaps_axes(orientation: int | None) -> bool:
    """Whether the upright image's width is the stored image's height."""
    return upright_transpose(orientation) in _SWAPPING


def clockwise_turn(orientation: int | None) -> int | None:
    """Degrees clockwise that turn the stored image upright, for orientations that are pure
    rotations (1, 3, 6, 8: what cameras write); None for the mirrored ones."""
    transpose = upright_transpose(orientation)
    if transpose is None:
        return 0
    return _CLOCKWISE.get(transpose)
