"""Hostile sidecars (they come off shares): each is refused with one sentence, keeps its
bytes through an attempted write, and the rest of the folder still reads."""

from __future__ import annotations

import os

import pytest

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import partials, read, write
from viewer.core.verdicts import Edit, SidecarError, read_verdicts, set_verdict

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Label="&lol9;"/>
</rdf:RDF></x:xmpmeta>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:Label>&secret;</xmp:Label>
</rdf:Description></rdf:RDF></x:xmpmeta>
"""

HOSTILE = {
    "billion laughs": (BILLION_LAUGHS, "declares a DTD or an entity"),
    "external entity": (EXTERNAL_ENTITY, "declares a DTD or an entity"),
    "malformed": (samples.LIGHTROOM[:-40], "is not well-formed XML"),
    "utf-16 without BOM": (samples.UNKNOWN.decode().encode("utf-16-le"), "is not UTF-8"),
    "latin-1 junk": (samples.NO_XMP.replace(b"Z9", b"Z\xe9\xff"), "is not UTF-8"),
    "not xmp": (b"<html><body>hello</body></html>", "holds no XMP"),
}


def _folder(tmp_path: object, data: bytes) -> tuple[str, str, str]:
    folder = str(tmp_path)
    image = write(os.path.join(folder, "IMG_0001.CR2"), b"raw")
    write(os.path.join(folder, "IMG_0002.CR2"), b"raw")
    write(os.path.join(folder, "IMG_0002.CR2.xmp"), samples.LIGHTROOM)
    return folder, image, write(image + ".xmp", data)


def _one_sentence(text: str) -> None:
    assert text.endswith(".") and ". " not in text.rstrip(".")
    assert text.startswith("IMG_0001.CR2.xmp was not read: ")


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_sidecar_keeps_its_bytes(tmp_path: object, kind: str) -> None:
    data, reason = HOSTILE[kind]
    folder, image, sidecar = _folder(tmp_path, data)
    with pytest.raises(SidecarError) as raised:
        set_verdict(image, Edit(rating=5))
    _one_sentence(str(raised.value))
    assert reason in str(raised.value)
    assert b"root:" not in str(raised.value).encode()
    assert read(sidecar) == data
    assert partials(folder) == []
    problems: dict[str, str] = {}
    verdicts = read_verdicts(folder, problems=problems)
    assert list(verdicts) == [os.path.join(folder, "IMG_0002.CR2")]  # the viewer goes on
    assert problems == {image: str(raised.value)}


def test_a_50_mb_sidecar_is_refused_unread(tmp_path: object) -> None:
    folder, image, sidecar = _folder(tmp_path, samples.LIGHTROOM)
    with open(sidecar, "r+b") as grow:
        grow.truncate(50 << 20)  # sparse: the test costs no disk
    with pytest.raises(SidecarError, match=r"larger than 4 MB") as raised:
        set_verdict(image, Edit(rating=1))
    _one_sentence(str(raised.value))
    assert os.path.getsize(sidecar) == 50 << 20
    assert read(sidecar)[: len(samples.LIGHTROOM)] == samples.LIGHTROOM
    assert partials(folder) == []
