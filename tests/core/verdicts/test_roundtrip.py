"""Every verdict, in both sidecar styles, written by the viewer and read back by the viewer
and by exiftool (the reference reader of the field)."""

from __future__ import annotations

import itertools
import os

import pytest

from tests.core.verdicts.helpers import exiftool, exiftool_all, needs_exiftool, write
from viewer.core.verdicts import Edit, Label, SidecarStyle, Verdict, read_verdict, set_verdict

VERDICTS = [Verdict(r, lab) for r, lab in itertools.product(range(-1, 6), [None, *Label])]


@needs_exiftool
@pytest.mark.parametrize("style", list(SidecarStyle))
def test_every_verdict_round_trips_through_exiftool(tmp_path: object, style: SidecarStyle) -> None:
    folder = str(tmp_path)
    expected_tags = {}
    for number, verdict in enumerate(VERDICTS):
        image = write(os.path.join(folder, f"IMG_{number:04}.CR2"), b"raw")
        written = set_verdict(image, Edit.seed(verdict), style=style)
        assert written.verdict == verdict
        assert read_verdict(image).verdict == verdict
        if verdict == Verdict():
            assert written.changes == ()  # nothing to say: no sidecar is made
            continue
        (change,) = written.changes
        expected = image + ".xmp" if style is SidecarStyle.NAME_EXT else image[:-4] + ".xmp"
        assert change.path == expected and change.before is None
        expected_tags[change.path] = verdict
    read = exiftool_all(*expected_tags)
    assert len(read) == len(VERDICTS) - 1
    for path, verdict in expected_tags.items():
        assert read[path].get("XMP-xmp:Rating", 0) == verdict.rating
        assert read[path].get("XMP-xmp:Label") == (verdict.label.value if verdict.label else None)


@needs_exiftool
def test_changes_to_an_existing_sidecar_read_back_in_exiftool(tmp_path: object) -> None:
    image = write(os.path.join(str(tmp_path), "IMG_0001.NEF"), b"raw")
    for verdict in [Verdict(3, Label.RED), Verdict(-1), Verdict(0, Label.PURPLE), Verdict(5)]:
        before = read_verdict(image).verdict
        set_verdict(image, Edit.between(before, verdict))
        tags = exiftool(image + ".xmp")
        assert read_verdict(image).verdict == verdict
        assert tags.get("XMP-xmp:Rating") == verdict.rating
        assert tags.get("XMP-xmp:Label") == (verdict.label.value if verdict.label else None)
