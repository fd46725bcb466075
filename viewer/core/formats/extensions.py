"""File-name extensions known without asking Pillow, so start-up need not import it.

Naming a file or listing a camera folder need not import Pillow (about 100 ms with its plugins)
before the first image is read.
"""

from __future__ import annotations

#: Camera RAW, opened by ``viewer.core.formats.raw.preview``.
RAW_EXTENSIONS: frozenset[str] = frozenset(
    {".cr2", ".cr3", ".nef", ".nrw", ".arw", ".dng", ".raf", ".orf", ".rw2", ".pef"}
)
#: Formats every Pillow build opens (its own decoders, no optional library), and RAW: an
#: image for sure. Any other extension is looked up in Pillow's registry
#: (``viewer.core.formats.registry``); a test keeps this set inside it.
ALWAYS_IMAGES: frozenset[str] = (
    frozenset({".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".tif", ".tiff"}) | RAW_EXTENSIONS
)
