"""The README's verdict example runs as printed, on a folder of sidecars."""

from __future__ import annotations

import os
import re

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import write
from viewer.core.verdicts import Label, Verdict, read_verdicts

README = os.path.join(os.path.dirname(__file__), "..", "..", "..", "README.md")
SOURCE = "/mnt/share/2024-06-01"


def test_the_readme_example_runs(tmp_path: object) -> None:
    with open(README, encoding="utf-8") as file:
        text = file.read()
    section = text[text.index("### Ratings, rejects and colour labels (XMP)") :]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None and SOURCE in found.group(1)
    folder = str(tmp_path)
    four = write(os.path.join(folder, "a.CR2"), b"raw")
    write(four + ".xmp", samples.UNKNOWN)  # 4 stars, blue
    two = write(os.path.join(folder, "b.CR2"), b"raw")
    write(os.path.join(folder, "b.xmp"), samples.LIGHTROOM)  # 2 stars, yellow
    exec(found.group(1).replace(SOURCE, folder), {})
    assert read_verdicts(folder) == {four: Verdict(4, Label.GREEN), two: Verdict(2, Label.YELLOW)}
