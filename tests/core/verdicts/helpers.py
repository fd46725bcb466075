"""What the verdict tests share: exiftool's reading of a file, and a packet's content as
triples, read by the standard library's own parser (not the code under test)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from typing import Any

import pytest

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XMP = "{http://ns.adobe.com/xap/1.0/}"
DARKTABLE = "{http://darktable.sf.net/}"
EDITED = {f"{XMP}Rating", f"{XMP}Label", f"{DARKTABLE}colorlabels"}
#: exiftool's names of the edited tags (-G1 groups them under XMP-xmp / XMP-darktable).
EDITED_TAGS = {"XMP-xmp:Rating", "XMP-xmp:Label", "XMP-darktable:Colorlabels"}

needs_exiftool = pytest.mark.skipif(
    shutil.which("exiftool") is None,
    reason="exiftool is not installed (Debian: libimage-exiftool-perl)",
)


def exiftool_all(*paths: str) -> dict[str, dict[str, Any]]:
    """exiftool's full reading of each file's XMP, structures kept (one run for all)."""
    out = subprocess.run(
        ["exiftool", "-j", "-struct", "-G1", "-XMP:all", *paths],
        capture_output=True, check=True, text=True,
    )  # fmt: skip
    return {found.pop("SourceFile"): found for found in json.loads(out.stdout)}


def exiftool(path: str) -> dict[str, Any]:
    return exiftool_all(path)[path]


def without_edited(tags: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in tags.items() if key not in EDITED_TAGS}


def triples(data: bytes) -> set[tuple[str, ...]]:
    """(Description number, property path, value) for every attribute and text in the
    top-level Descriptions, the edited properties left out; Seq items keep their order."""
    root = ET.fromstring(data)
    rdf = root if root.tag == f"{RDF}RDF" else root.find(f"{RDF}RDF")
    assert rdf is not None
    found: set[tuple[str, ...]] = set()

    def walk(element: ET.Element, path: str, number: str) -> None:
        for key, value in element.attrib.items():
            found.add((number, f"{path}/@{key}", value))
        if element.text and element.text.strip():
            found.add((number, path, element.text))
        for index, child in enumerate(element):
            walk(child, f"{path}/{child.tag}[{index}]", number)

    for number, description in enumerate(rdf):
        for key, value in description.attrib.items():
            if key not in EDITED:
                found.add((str(number), f"@{key}", value))
        for child in description:
            if child.tag not in EDITED:
                walk(child, child.tag, str(number))
    return found


def write(path: str, data: bytes) -> str:
    with open(path, "wb") as writer:
        writer.write(data)
    return path


def read(path: str) -> bytes:
    with open(path, "rb") as reader:
        return reader.read()


def partials(folder: str) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith(".viewer-part")]
