"""Where the verdict's properties are in a packet, and what they say.

A property can sit on any top-level ``rdf:Description``, as an attribute
(``xmp:Rating="3"``, as darktable and Lightroom write it) or as an element
(``<xmp:Rating>3</xmp:Rating>``, as exiftool and some others do). The label is read the way
darktable reads it: ``xmp:Label`` if it names one of the five colours, else the first of
``darktable:colorlabels``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from viewer.core.verdicts.model import MAX_STARS, REJECTED, UNRATED, Label, Verdict
from viewer.core.verdicts.packet import DARKTABLE_NS, RDF_NS, XMP_NS, Attribute, Node, Packet


@dataclass(frozen=True)
class Found:
    """One place a property is: an attribute of ``description``, or its child ``element``."""

    description: Node
    attribute: Attribute | None = None
    element: Node | None = None

    @property
    def text(self) -> str:
        if self.attribute is not None:
            return self.attribute.value
        assert self.element is not None
        return self.element.text


def find_property(packet: Packet, uri: str, local: str) -> list[Found]:
    """Every place the property (``uri``, ``local``) is set, in document order."""
    found: list[Found] = []
    for description in packet.descriptions():
        for attribute in description.attributes:
            if description.resolve(attribute.qname, attribute=True) == (uri, local):
                found.append(Found(description, attribute=attribute))
        for child in packet.children(description):
            if child.name == (uri, local):
                found.append(Found(description, element=child))
    return found


def darktable_labels(packet: Packet, found: Found) -> list[int]:
    """The numbers in a ``darktable:colorlabels`` element (an ``rdf:Seq`` of ``rdf:li``)."""
    assert found.element is not None
    numbers = []
    for container in packet.children(found.element):
        for item in packet.children(container):
            if item.name == (RDF_NS, "li") and item.text.strip().isdigit():
                numbers.append(int(item.text.strip()))
    return numbers


def uses_darktable(packet: Packet) -> bool:
    """Whether darktable's namespace is declared: only then is its colorlabels kept."""
    return any(DARKTABLE_NS in node.declared.values() for node in packet.nodes)


def _rating(text: str) -> int:
    """An ``xmp:Rating`` text as -1 … 5; the spec allows reals, and junk counts as unrated."""
    try:
        value = float(text.strip())
    except ValueError:
        return UNRATED
    if not math.isfinite(value):
        return UNRATED
    if value < 0:
        return REJECTED
    return min(int(value), MAX_STARS)


def verdict_of(packet: Packet) -> Verdict:
    """The verdict a packet holds (unrated and unlabelled where it says nothing)."""
    ratings = find_property(packet, XMP_NS, "Rating")
    rating = _rating(ratings[0].text) if ratings else UNRATED
    label = None
    for found in find_property(packet, XMP_NS, "Label"):
        label = Label.from_text(found.text)
        if label is not None:
            break
    if label is None:
        for found in find_property(packet, DARKTABLE_NS, "colorlabels"):
            numbers = [n for n in darktable_labels(packet, found) if 0 <= n <= 4]
            if numbers:
                label = Label.from_darktable(min(numbers))
                break
    return Verdict(rating, label)
