"""The results table printed at the end of a run, and the JSON written beside it."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from typing import Any

Column = tuple[str, str, int]  # key in the row, title, width

COLUMNS: list[Column] = [
    ("design", "design", 20),
    ("script", "script", 6),
    ("p50_ms", "p50 ms", 8),
    ("p95_ms", "p95 ms", 8),
    ("max_ms", "max ms", 8),
    ("final_ms", "final ms", 8),
    ("first_shown", "1st n", 5),
    ("first_p50_ms", "1st p50", 7),
    ("first_p95_ms", "1st p95", 7),
    ("blank_ms", "blank ms", 8),
    ("dark_ms", "dark ms", 7),
    ("images_per_s", "img/s", 6),
    ("mb_per_shown", "MB/shown", 8),
    ("peak_in_flight", "flight", 6),
    ("stall_p99_ms", "stall99", 7),
    ("stall_max_ms", "stallmax", 8),
    ("stall_own_max_ms", "stallown", 8),
    ("peak_rss_mb", "RSS MB", 6),
]


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[Column] = COLUMNS) -> str:
    """A Markdown table, so the README can take it as it is."""
    head = "| " + " | ".join(title for _, title, _ in columns) + " |"
    rule = "|" + "|".join("---" for _ in columns) + "|"
    body = [
        "| " + " | ".join(_cell(row.get(key)).ljust(width) for key, _, width in columns) + " |"
        for row in rows
    ]
    return "\n".join([head, rule, *body])


def run_header() -> dict[str, Any]:
    """What every result file starts with: when, how it was run, and on what machine."""
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "command": sys.argv,
            "machine": platform.platform(), "cpus": os.cpu_count()}  # fmt: skip


def write_json(folder: str, run: dict[str, Any], prefix: str = "browse") -> str:
    """Write the run to ``folder/<prefix>-<time>.json``; returns the path."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, time.strftime(f"{prefix}-%Y%m%d-%H%M%S.json"))
    with open(path, "w", encoding="utf-8") as file:
        json.dump(run, file, indent=2)
    return path
