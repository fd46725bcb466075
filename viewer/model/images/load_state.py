"""Where the image at an index stands: what the status bar's read-ahead indicator shows."""

from __future__ import annotations

from enum import Enum


class LoadState(Enum):
    """Stored for the display box in use, loading, failed at its last attempt, or none."""

    CACHED = "cached"
    LOADING = "loading"
    FAILED = "failed"
    ABSENT = "absent"
