"""Every default the user can change, in one place: what Preferences and the remembered
lists start from before the user has chosen anything.

Where the Qt-free core has a default of its own (for scripts that use it without the viewer),
the viewer's is that same value, named here. Only light modules are imported, so reading the
defaults costs start-up nothing.
"""

from __future__ import annotations

from viewer.core.folder.sequence import DEFAULT_POLL_SECONDS
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.previews.cache_budget import DEFAULT_BUDGET_BYTES
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT

#: Images kept in memory, and the memory they may take (MiB).
CACHE_IMAGES = DEFAULT_MAX_COUNT
CACHE_MB = DEFAULT_MAX_COST >> 20
#: Images read ahead in the direction of travel, and kept behind.
AHEAD = ReadAheadPlan().ahead
BEHIND = ReadAheadPlan().behind
#: Worker threads reading and decoding: two, as qimgv, so one slow read never stops the rest.
THREADS = 2
#: How often the open folder is listed again, in seconds (0: never).
POLL_SECONDS = DEFAULT_POLL_SECONDS
#: The most memory decoding one image may take (MiB).
MAX_IMAGE_MB = DEFAULT_MAX_IMAGE_BYTES >> 20
#: The most the shared thumbnail cache on disk may hold (MiB).
THUMBNAIL_CACHE_MB = DEFAULT_BUDGET_BYTES >> 20
#: How long the slideshow shows each image, in seconds.
SLIDESHOW_SECONDS = 4
#: File ▸ Recent Folders keeps this many.
RECENT_LIMIT = 10
#: F7 / F8 offer the last nine folders, on the keys 1–9.
TARGET_LIMIT = 9
