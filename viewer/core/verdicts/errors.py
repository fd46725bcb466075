"""The one error a sidecar raises: it cannot be read, or changed, safely.

Sidecars come off shares and from other programs, so they are untrusted input. Whatever goes
wrong (too big, not UTF-8, a DTD, malformed XML, an edit that would not check out), the file
keeps its bytes and the user gets one sentence; the image still shows.
"""

from __future__ import annotations


class SidecarError(Exception):
    """A sidecar was not read or not changed; ``str()`` is one sentence for the user."""
