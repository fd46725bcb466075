"""The README's script example runs as printed (on a folder of small JPEGs)."""

import os
import re

import numpy as np
from PIL import Image

from tests.images import write_image

README = os.path.join(os.path.dirname(__file__), "..", "..", "..", "README.md")
EXAMPLE_SOURCE = "/mnt/share/run7/*.jpg"


def readme_example() -> str:
    with open(README, encoding="utf-8") as file:
        text = file.read()
    section = text[text.index("## Use it from a script, without Qt") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs(tmp_path, capsys):
    for number in (10, 2, 1):
        write_image(str(tmp_path / f"{number}.jpg"), (32, 24), seed=number)
    (tmp_path / "3.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * 20)  # a damaged frame
    code = readme_example()
    assert EXAMPLE_SOURCE in code
    namespace: dict[str, object] = {}
    exec(code.replace(EXAMPLE_SOURCE, str(tmp_path / "*.jpg")), namespace)
    means = namespace["means"]
    assert sorted(means) == [0, 1, 3]  # 1.jpg, 2.jpg, 10.jpg; 3.jpg (index 2) was skipped
    out = capsys.readouterr().out
    assert "skipped" in out and "3.jpg" in out
    assert "hits" in out
    red = np.asarray(Image.open(tmp_path / "1.jpg").convert("RGB"))[..., 0].mean()
    assert abs(means[0] - red) < 2
