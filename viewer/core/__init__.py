"""The Qt-free core: everything a script needs to read an image sequence fast.

Nothing in this package imports Qt, so scripts that process image sequences can use the
sequence, the store, the read-ahead plan, decoding and the prefetcher without a GUI stack.
"""

from viewer.core.decode import DecodedImage, DecodeError, decode_bytes, load_image
from viewer.core.prefetcher import Prefetcher
from viewer.core.readahead import ReadAheadPlan
from viewer.core.sequence import ImageSequence, SequenceError
from viewer.core.store import ImageStore

__all__ = [
    "DecodeError",
    "DecodedImage",
    "ImageSequence",
    "ImageStore",
    "Prefetcher",
    "ReadAheadPlan",
    "SequenceError",
    "decode_bytes",
    "load_image",
]
