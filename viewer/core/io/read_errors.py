"""The sentence the user reads when a file cannot be opened, read or decoded.

One wording for every reader: the whole-file read of the decoder and the ranged reads of the
previews say the same thing about the same failure.
"""

from __future__ import annotations

import os
import struct

#: What Pillow and its plugins raise on damaged data (a GIF frame header cut short raises
#: struct.error; the JPEG XL plugin RuntimeError): each becomes "damaged", never a crash.
DAMAGED_DATA = (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError, RuntimeError,
                struct.error)  # fmt: skip


def read_error(path: str, error: OSError) -> str:
    """The sentence for a failed open, stat or read of ``path``."""
    name = os.path.basename(path)
    if isinstance(error, FileNotFoundError):
        return f"{name} is gone: it was deleted or moved."
    if isinstance(error, IsADirectoryError):
        return f"{name} is a folder, not an image file."
    if isinstance(error, PermissionError):
        return f"Permission denied reading {name}."
    return f"Cannot read {name}: {error.strerror or error}."


def damage_reason(error: BaseException) -> str:
    """Why a decoder refused damaged data, as the end of "NAME is damaged: …"."""
    if type(error) is RuntimeError:  # a plugin's library (JPEG XL's) says only "Generic Error"
        return "its decoder could not read it"
    text = str(error).strip().rstrip(".")
    return text or type(error).__name__
