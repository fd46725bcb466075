"""One round of ``bench_frame.py`` in a fresh process: browse, then jump, and print JSON.

``python frame_child.py FOLDER PRESSES DWELL JUMPS WIDTH HEIGHT [HOLD]``: the real window
(offscreen) with its image area at WIDTH×HEIGHT over the folder's JPEGs, local files. ``seq``
presses → PRESSES times, DWELL seconds apart, with the heartbeat running; then JUMPS cold opens
of files dropped from the page cache (request → sharp image painted), as ``bench_display``'s
cold JPEG row does; then, if HOLD is given, ``hold`` on the simulated SMB share (2 ms, 200
Mbit/s): HOLD presses 33 ms apart from the first image, a held key.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from PyQt5.QtWidgets import QApplication

from bench.designs import parse_design
from bench.display import cold_opens
from bench.figures import ms, percentile
from bench.images import sequence_of
from bench.runner import Timing, run_design
from bench.share import PRESETS, Share
from viewer.core.folder.sequence import list_image_names


def main(argv: list[str]) -> int:
    folder, presses, dwell, jumps, width, height = argv[:6]
    hold = int(argv[6]) if len(argv) > 6 else 0
    app = QApplication.instance() or QApplication(sys.argv[:1])
    names = list_image_names(folder)
    paths = [os.path.join(folder, name) for name in names]
    count = int(presses) + 2
    browse_paths, jump_paths = paths[:count], paths[count : count + int(jumps)]
    share, design = Share(None), parse_design("viewer")
    timing = Timing(seq_presses=int(presses), seq_dwell=float(dwell))
    view = (int(width), int(height))
    row = run_design(design, share, sequence_of(browse_paths), ["seq"], timing, view)[0]
    from bench.runner import Session

    session = Session(design, share, sequence_of(browse_paths[:1]), view)
    jumped = cold_opens([session], jump_paths, timing.timeout)[0]["latency"]
    session.close()
    held: dict[str, object] = {}
    if hold:
        timing = Timing(hold_presses=hold)
        smb = Share(PRESETS["smb"])
        held = run_design(design, smb, sequence_of(paths[: hold + 1]), ["hold"], timing, view)[0]
    print(json.dumps({
        "p50_ms": row["p50_ms"], "p95_ms": row["p95_ms"], "max_ms": row["max_ms"],
        "stall_max_ms": row["stall_max_ms"], "stall_own_max_ms": row.get("stall_own_max_ms"),
        "jump_ms": ms(percentile(jumped, 50)), "jumps": [ms(j) for j in jumped],
        "hold_shown": held.get("first_shown"), "hold_dark_ms": held.get("dark_ms"),
        "hold_final_ms": held.get("final_ms"),
    }))  # fmt: skip
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
