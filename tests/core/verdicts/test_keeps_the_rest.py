"""Real clients' sidecars keep every other property, prefix, sequence and unknown element
when the viewer changes a rating or a label: by triples (the standard library's parser), by
exiftool's full reading, and byte for byte outside the spliced property."""

from __future__ import annotations

import os

import pytest

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import (
    exiftool_all,
    needs_exiftool,
    read,
    triples,
    without_edited,
    write,
)
from viewer.core.verdicts import Edit, Label, Verdict, read_verdict, set_verdict

EDITS = [
    Edit(rating=5),
    Edit(rating=0),
    Edit(rating=-1),
    Edit(label=Label.PURPLE),
    Edit(label=None),
    Edit(rating=3, label=Label.RED),
]
EXPECTED_BEFORE = {
    "lightroom": Verdict(2, Label.YELLOW),
    "darktable": Verdict(1, Label.GREEN),  # the first of darktable's colour labels
    "darktable-unlabelled": Verdict(1),
    "unknown": Verdict(4, Label.BLUE),
    "no-xmp": Verdict(),
    "old-prefix": Verdict(5),
}


def _sidecar(folder: str, kind: str) -> tuple[str, str]:
    image = write(os.path.join(folder, "IMG_0001.CR2"), b"raw")
    return image, write(image + ".xmp", samples.ALL[kind])


@pytest.mark.parametrize("kind", sorted(samples.ALL))
def test_the_viewer_reads_what_each_client_wrote(tmp_path: object, kind: str) -> None:
    image, _ = _sidecar(str(tmp_path), kind)
    assert read_verdict(image).verdict == EXPECTED_BEFORE[kind]


@pytest.mark.parametrize("kind", sorted(samples.ALL))
@pytest.mark.parametrize("edit", EDITS, ids=repr)
def test_everything_else_reads_back_the_same(tmp_path: object, kind: str, edit: Edit) -> None:
    image, sidecar = _sidecar(str(tmp_path), kind)
    before = read(sidecar)
    written = set_verdict(image, edit)
    after = read(sidecar)
    assert written.verdict == edit.applied_to(EXPECTED_BEFORE[kind])
    assert read_verdict(image).verdict == written.verdict
    assert triples(after) == triples(before)
    if written.changes:
        assert written.changes[0].before == before and written.changes[0].after == after


@pytest.mark.parametrize("kind", ["lightroom", "darktable", "old-prefix"])
def test_a_rating_is_a_splice_of_its_digits_only(tmp_path: object, kind: str) -> None:
    image, sidecar = _sidecar(str(tmp_path), kind)
    before = read(sidecar)
    set_verdict(image, Edit(rating=4))
    after = read(sidecar)
    assert len(after) == len(before)
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [
        before.index(b'Rating="') + len(b'Rating="')
    ]


def test_darktable_labels_follow_where_darktable_is_present(tmp_path: object) -> None:
    image, sidecar = _sidecar(str(tmp_path), "darktable")
    set_verdict(image, Edit(label=Label.BLUE))
    text = read(sidecar)
    assert b"<rdf:li>3</rdf:li>" in text and b"<rdf:li>2</rdf:li>" not in text
    assert b'xmp:Label="Blue"' in text
    set_verdict(image, Edit(label=None))
    assert b"colorlabels" not in read(sidecar) and b"xmp:Label" not in read(sidecar)
    set_verdict(image, Edit(label=Label.RED))  # made anew, in darktable's layout
    assert b"   <darktable:colorlabels>\n    <rdf:Seq>\n     <rdf:li>0</rdf:li>" in read(sidecar)


def test_no_darktable_labels_where_darktable_is_absent(tmp_path: object) -> None:
    image, sidecar = _sidecar(str(tmp_path), "lightroom")
    set_verdict(image, Edit(label=Label.GREEN))
    assert b"darktable" not in read(sidecar)


def test_a_missing_xmp_namespace_is_declared_on_the_description(tmp_path: object) -> None:
    image, sidecar = _sidecar(str(tmp_path), "no-xmp")
    set_verdict(image, Edit(rating=2, label=Label.YELLOW))
    assert read(sidecar) == samples.NO_XMP.replace(
        b'acme:Id="42"/>',
        b'acme:Id="42" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="2" '
        b'xmp:Label="Yellow"/>',
    )


def test_the_old_xap_prefix_is_used_where_it_is_bound(tmp_path: object) -> None:
    image, sidecar = _sidecar(str(tmp_path), "old-prefix")
    set_verdict(image, Edit(label=Label.RED))
    assert b'xap:Rating="5" xap:Label="Red"/>' in read(sidecar)
    assert b"xmlns:xmp" not in read(sidecar)


@needs_exiftool
def test_exiftool_reads_everything_else_the_same(tmp_path: object) -> None:
    folder = str(tmp_path)
    pairs = []
    for kind, data in sorted(samples.ALL.items()):
        for number, edit in enumerate(EDITS):
            image = write(os.path.join(folder, f"{kind}-{number}.CR2"), b"raw")
            original = write(os.path.join(folder, f"{kind}-{number}.original"), data)
            sidecar = write(image + ".xmp", data)
            set_verdict(image, edit)
            pairs.append((original, sidecar, edit))
    tags = exiftool_all(*[path for pair in pairs for path in pair[:2]])
    for original, sidecar, edit in pairs:
        assert without_edited(tags[sidecar]) == without_edited(tags[original]), sidecar
        if edit.rating is not None:
            assert tags[sidecar].get("XMP-xmp:Rating", 0) == edit.rating
        if edit.label is None:
            assert "XMP-xmp:Label" not in tags[sidecar]
            assert "XMP-darktable:Colorlabels" not in tags[sidecar]
        elif isinstance(edit.label, Label):
            assert tags[sidecar]["XMP-xmp:Label"] == edit.label.value
            if "XMP-darktable:Colorlabels" in tags[original]:
                assert tags[sidecar]["XMP-darktable:Colorlabels"] == [edit.label.darktable]
