"""One way in for every loader: a file's path to decoded pixels, whatever its format.

The dispatcher sits above the formats it chooses between, so ``decode`` (bytes to pixels)
and ``raw.load`` (a RAW's preview, or LibRaw) never import each other.
"""

from __future__ import annotations

import os

from viewer.core.formats.colour.manage import ColourManager
from viewer.core.formats.decode import LoadedFile, decode_bytes, read_file
from viewer.core.formats.geometry import Size
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.formats.pixels import Allocator, new_array
from viewer.core.formats.raw.load import load_raw
from viewer.core.formats.registry import is_raw
from viewer.core.io.cancel import check_cancelled


def load_image(
    path: str,
    allocate: Allocator = new_array,
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    display_box: Size | None = None,
    colour: ColourManager | None = None,
) -> LoadedFile:
    """Read and decode one file. The unit of work of every loader in the project."""
    if is_raw(path):  # its preview's byte range, not the whole file
        return load_raw(path, allocate, max_bytes, display_box, colour)
    data, stamp = read_file(path)
    check_cancelled()  # read in full, but the user has moved on: skip the decode too
    decoded = decode_bytes(data, os.path.basename(path), allocate, max_bytes, display_box, colour)
    return LoadedFile(path, stamp, decoded)
