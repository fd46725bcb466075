"""How large the shared thumbnail cache may grow unless told otherwise.

Apart from ``thumbcache`` (which writes PNGs with Pillow), so settings name the default
without importing a decoder.
"""

from __future__ import annotations

#: What the cache may hold before least-recently-used entries go.
DEFAULT_BUDGET_BYTES = 500 * 1024 * 1024
