"""Scripts and the viewer's workers import verdicts without numpy, Pillow or Qt."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_api_imports_nothing_heavy() -> None:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    code = (
        "import sys\n"
        "import viewer.core.verdicts as v\n"
        "v.read_verdicts, v.set_verdict, v.group_pairs, v.Edit\n"
        "import viewer.core.fileops.batch\n"
        "print(sorted(m for m in ('numpy', 'PIL', 'PyQt5') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
        env=dict(os.environ, PYTHONPATH=root),
    )  # fmt: skip
    assert out.stdout == "[]\n"
