"""The Qt-free core: everything a script needs to read an image sequence fast.

Nothing in this package imports Qt, so scripts that process image sequences can use the
sequence, the store, the read-ahead plan, decoding and the prefetcher without a GUI stack.

The names below are imported on first use (PEP 562), not with the package: importing one
light module of the core (``viewer.core.formats.limits`` for the command line, say) must not pull in
numpy, Pillow and the decoder, which cost the viewer's cold start about 120 ms before its
first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.core.folder.sequence import ImageSequence, SequenceError
    from viewer.core.formats.decode import DecodedImage, decode_bytes
    from viewer.core.formats.load import load_image
    from viewer.core.io.reading import DecodeError
    from viewer.core.prefetch import Item, Prefetch
    from viewer.core.prefetcher import Prefetcher
    from viewer.core.readahead.plan import ReadAheadPlan
    from viewer.core.readahead.store import ImageStore

#: Each public name and the module it lives in.
_HOMES = {
    "DecodeError": "viewer.core.io.reading",
    "DecodedImage": "viewer.core.formats.decode",
    "decode_bytes": "viewer.core.formats.decode",
    "load_image": "viewer.core.formats.load",
    "Item": "viewer.core.prefetch",
    "Prefetch": "viewer.core.prefetch",
    "Prefetcher": "viewer.core.prefetcher",
    "ReadAheadPlan": "viewer.core.readahead.plan",
    "ImageSequence": "viewer.core.folder.sequence",
    "SequenceError": "viewer.core.folder.sequence",
    "ImageStore": "viewer.core.readahead.store",
}

__all__ = [
    "DecodeError",
    "DecodedImage",
    "ImageSequence",
    "ImageStore",
    "Item",
    "Prefetch",
    "Prefetcher",
    "ReadAheadPlan",
    "SequenceError",
    "decode_bytes",
    "load_image",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
