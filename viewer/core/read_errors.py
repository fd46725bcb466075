"""The sentence the user reads when a file cannot be opened or read.

One wording for every reader: the whole-file read of the decoder and the ranged reads of the
previews say the same thing about the same failure.
"""

from __future__ import annotations

import os


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
