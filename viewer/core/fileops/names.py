"""Whether a new file name is acceptable, answered with a sentence.

Names are checked against the strictest rules we may meet, Windows' and SMB's, on every
platform: a folder on a Linux desktop is often a share that Windows machines read too.
"""

from __future__ import annotations

import re

_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
_FORBIDDEN = '<>:"/\\|?*'
MAX_NAME_BYTES = 255


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name, as a sentence; None if it can."""
    if not name.strip():
        return "A file name cannot be empty."
    if name in (".", ".."):
        return f"“{name}” is not a file name."
    bad = sorted({char for char in name if char in _FORBIDDEN or ord(char) < 32})
    if bad:
        shown = " ".join(char if ord(char) >= 32 else "a control character" for char in bad)
        return f"A file name cannot contain {shown}."
    if name != name.rstrip(" ."):
        return "A file name cannot end with a space or a dot."
    if _RESERVED.match(name):
        return f"“{name}” is a name Windows reserves."
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return "That name is too long."
    return None
