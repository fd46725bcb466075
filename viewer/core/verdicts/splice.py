"""Make an edit to a packet's bytes by splicing only the bytes that change.

Every byte outside the rating, the label and darktable's colorlabels stays as it was: other
programs' properties, prefixes, ``rdf:Seq`` order, history stacks, comments and whitespace.
Then the result is parsed again and compared with the original, all but the edited
properties; if anything else differs, or the edit does not read back, nothing is written.

Choices, following the programs that share these files:

- A rating that exists is overwritten in place; 0 is written, not removed, because 0 means
  unrated to every reader while darktable gives a sidecar without a rating its default star.
- Clearing the label removes ``xmp:Label`` (Lightroom writes none for no label) and
  darktable's ``colorlabels`` (darktable writes it only when a label is set).
- A missing property becomes an attribute of the ``rdf:Description`` that has the xmp
  namespace in scope (else the first one, declaring ``xmlns:xmp`` there), laid out like its
  neighbouring attributes.
- ``darktable:colorlabels`` is touched only where darktable's namespace is declared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

from viewer.core.verdicts.errors import SidecarError
from viewer.core.verdicts.model import Edit, Keep, Label
from viewer.core.verdicts.packet import (
    DARKTABLE_NS,
    RDF_NS,
    XMP_NS,
    Node,
    Packet,
    parse_packet,
)
from viewer.core.verdicts.properties import Found, find_property, uses_darktable, verdict_of

_SPACE = b" \t\r\n"
#: Edited properties, left out when the rest of the packet is compared before and after.
EDITED = frozenset({(XMP_NS, "Rating"), (XMP_NS, "Label"), (DARKTABLE_NS, "colorlabels")})

#: A new sidecar before its first edit: the edit adds the properties to the Description.
EMPTY_SIDECAR = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="viewer">\n'
    b' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
    b'  <rdf:Description rdf:about=""\n'
    b'    xmlns:xmp="http://ns.adobe.com/xap/1.0/"/>\n'
    b" </rdf:RDF>\n"
    b"</x:xmpmeta>\n"
)


@dataclass(frozen=True)
class Splice:
    """Replace ``data[start:end]`` with ``text``; ``order`` keeps insertions at one place
    in the order they were made."""

    start: int
    end: int
    text: bytes
    order: int = 0


def _indent_before(data: bytes, position: int) -> bytes:
    """The whitespace from the start of ``position``'s line to it ("" if not only spaces)."""
    line_start = data.rfind(b"\n", 0, position) + 1
    run = data[line_start:position]
    return run if run.strip() == b"" else b""


def _space_before(data: bytes, position: int) -> int:
    """Where the whitespace right before ``position`` begins."""
    while position > 0 and data[position - 1] in _SPACE:
        position -= 1
    return position


def _free_prefix(node: Node, wanted: str) -> str:
    prefix, number = wanted, 1
    while prefix in node.scope:
        number += 1
        prefix = f"{wanted}{number}"
    return prefix


class _Editor:
    def __init__(self, packet: Packet, name: str) -> None:
        self.packet = packet
        self.data = packet.data
        self.name = name
        self.splices: list[Splice] = []
        #: Attributes to add, per Description start offset, in order.
        self.added: dict[int, list[bytes]] = {}
        self.prefixes: dict[int, str] = {}

    # -- generic steps
    def replace(self, start: int, end: int, text: bytes) -> None:
        self.splices.append(Splice(start, end, text))

    def set_text(self, found: Found, text: str) -> None:
        if found.attribute is not None:
            value = quoteattr(text)[1:-1].encode()
            self.replace(found.attribute.value_start, found.attribute.value_end, value)
            return
        element = found.element
        assert element is not None
        if element.children:
            raise SidecarError(
                f"{self.name} was not changed: it holds a verdict in a form the viewer "
                "does not write."
            )
        if element.empty:
            qname = element.qname.encode()
            body = b"<" + qname + b">" + escape(text).encode() + b"</" + qname + b">"
            self.replace(element.start, element.end, body)
        else:
            self.replace(element.head_end, element.inner_end, escape(text).encode())

    def remove(self, found: Found) -> None:
        if found.attribute is not None:
            self.replace(found.attribute.start, found.attribute.end, b"")
        else:
            assert found.element is not None
            element = found.element
            self.replace(_space_before(self.data, element.start), element.end, b"")

    def target(self, uri: str) -> Node:
        """The Description that gets a new property of namespace ``uri``."""
        descriptions = self.packet.descriptions()
        if not descriptions:
            raise SidecarError(
                f"{self.name} was not changed: its rdf:RDF holds no rdf:Description."
            )
        return next((d for d in descriptions if d.prefix_for(uri)), descriptions[0])

    def prefix(self, description: Node, uri: str, wanted: str) -> str:
        """A prefix for ``uri`` on ``description``, declaring one there if none is in scope."""
        existing = description.prefix_for(uri)
        if existing is not None:
            return existing
        if description.start not in self.prefixes:
            prefix = _free_prefix(description, wanted)
            self.prefixes[description.start] = prefix
            self.add_attribute(description, f"xmlns:{prefix}", uri)
        return self.prefixes[description.start]

    def add_attribute(self, description: Node, qname: str, value: str) -> None:
        self.added.setdefault(description.start, []).append(
            qname.encode() + b"=" + quoteattr(value).encode()
        )

    def set_property(self, local: str, text: str) -> None:
        places = find_property(self.packet, XMP_NS, local)
        for found in places:
            self.set_text(found, text)
        if not places:
            description = self.target(XMP_NS)
            prefix = self.prefix(description, XMP_NS, "xmp")
            self.add_attribute(description, f"{prefix}:{local}", text)

    # -- darktable
    def set_darktable(self, label: Label | None) -> None:
        places = find_property(self.packet, DARKTABLE_NS, "colorlabels")
        if label is None:
            for found in places:
                self.remove(found)
            return
        for found in places:
            self._refill(found, label.darktable)
        if not places:
            self._insert_colorlabels(label.darktable)

    def _seq(self, rdf: str, number: int, indent: bytes, step: bytes) -> bytes:
        return (
            f"<{rdf}:Seq>\n".encode() + indent + step
            + f"<{rdf}:li>{number}</{rdf}:li>\n".encode() + indent + f"</{rdf}:Seq>".encode()
        )  # fmt: skip

    def _refill(self, found: Found, number: int) -> None:
        element = found.element
        assert element is not None
        containers = self.packet.children(element)
        rdf = element.prefix_for(RDF_NS) or "rdf"
        if len(containers) == 1 and containers[0].name[0] == RDF_NS and not containers[0].empty:
            container = containers[0]
            items = self.packet.children(container)
            lead = b"\n" + _indent_before(self.data, items[0].start) if items else b""
            trail = (
                self.data[_space_before(self.data, container.inner_end) : container.inner_end]
                if items
                else b""
            )
            item = f"<{rdf}:li>{number}</{rdf}:li>".encode()
            start = _space_before(self.data, items[0].start) if items else container.head_end
            self.replace(start, container.inner_end, lead + item + trail)
            return
        indent = _indent_before(self.data, element.start)
        seq = self._seq(rdf, number, indent + b" ", b" ")
        body = b"\n" + indent + b" " + seq + b"\n" + indent
        if element.empty:
            qname = element.qname.encode()
            self.replace(
                element.start, element.end, b"<" + qname + b">" + body + b"</" + qname + b">"
            )
        else:
            self.replace(element.head_end, element.inner_end, body)

    def _insert_colorlabels(self, number: int) -> None:
        descriptions = [d for d in self.packet.descriptions() if d.prefix_for(DARKTABLE_NS)]
        if not descriptions:
            return  # declared somewhere without reach of a Description: leave darktable's part
        description = descriptions[0]
        prefix = description.prefix_for(DARKTABLE_NS)
        rdf = description.prefix_for(RDF_NS) or "rdf"
        outer = _indent_before(self.data, description.start)
        children = self.packet.children(description)
        indent = _indent_before(self.data, children[0].start) if children else outer + b" "
        element = (
            f"<{prefix}:colorlabels>\n".encode() + indent + b" "
            + self._seq(rdf, number, indent + b" ", b" ") + b"\n" + indent
            + f"</{prefix}:colorlabels>".encode()
        )  # fmt: skip
        if description.empty:
            close = b">\n" + indent + element + b"\n" + outer
            close += b"</" + description.qname.encode() + b">"
            self.replace(description.attributes_end, description.head_end, close)
        else:
            at = _space_before(self.data, description.inner_end)
            self.splices.append(Splice(at, at, b"\n" + indent + element, order=1))

    # -- the result
    def finish(self) -> bytes:
        for start, attributes in self.added.items():
            description = next(d for d in self.packet.descriptions() if d.start == start)
            last = description.attributes[-1] if description.attributes else None
            space = last.space if last is not None else b" "
            text = b"".join(space + attribute for attribute in attributes)
            end = description.attributes_end
            self.splices.append(Splice(end, end, text, order=-1))
        spans = sorted(self.splices, key=lambda s: (s.start, s.order))
        for before, after in zip(spans, spans[1:]):
            if after.start < before.end:
                raise SidecarError(f"{self.name} was not changed: its verdict is set twice over.")
        out = bytearray()
        at = 0
        for splice in spans:
            out += self.data[at : splice.start] + splice.text
            at = splice.end
        out += self.data[at:]
        return bytes(out)


def splice_edit(packet: Packet, edit: Edit, name: str) -> bytes:
    """The packet's bytes with ``edit`` made, checked (see the module's docstring).

    Raises:
        SidecarError: the edit cannot be made here, or the result did not check out.
    """
    editor = _Editor(packet, name)
    if edit.rating is not None:
        editor.set_property("Rating", str(edit.rating))
    if not isinstance(edit.label, Keep):
        if edit.label is None:
            for found in find_property(packet, XMP_NS, "Label"):
                editor.remove(found)
        else:
            editor.set_property("Label", edit.label.value)
        if uses_darktable(packet):
            editor.set_darktable(edit.label)
    data = editor.finish()
    check(packet, data, edit, name)
    return data


def _content(element: Element, top: bool = False) -> Iterator[object]:
    """The element's content as comparable items, without whitespace-only text and, in
    top-level Descriptions, without the edited properties."""
    for key, value in sorted(element.attrib.items()):
        if not (top and _split(key) in EDITED):
            yield ("@", key, value)
    if element.text and element.text.strip():
        yield ("text", element.text)
    for child in element:
        if not (top and _split(child.tag) in EDITED):
            description = child.tag == f"{{{RDF_NS}}}Description"
            yield (child.tag, tuple(_content(child, top and description)))
        if child.tail and child.tail.strip():
            yield ("tail", child.tail)


def _split(key: str) -> tuple[str, str]:
    if key.startswith("{"):
        uri, _, local = key[1:].partition("}")
        return uri, local
    return "", key


def comparable(packet: Packet) -> tuple[object, ...]:
    """Everything a packet says but the edited properties, to compare before and after."""
    root = packet.tree

    def walk(element: Element) -> tuple[object, ...]:
        items: list[object] = [("@", k, v) for k, v in sorted(element.attrib.items())]
        for child in element:
            is_rdf = child.tag == f"{{{RDF_NS}}}RDF"
            items.append((child.tag, tuple(_content(child, True)) if is_rdf else walk(child)))
        return tuple(items)

    if root.tag == f"{{{RDF_NS}}}RDF":
        return (root.tag, tuple(_content(root, True)))
    return (root.tag, walk(root))


def _declarations(packet: Packet) -> set[tuple[int, str, str]]:
    return {(n.index, p, u) for n in packet.nodes for p, u in n.declared.items()}


def check(old: Packet, data: bytes, edit: Edit, name: str) -> Packet:
    """Parse the edited bytes and prove the edit did what it says and nothing else."""
    try:
        new = parse_packet(data, name)
    except SidecarError:
        new = None
    refused = SidecarError(
        f"{name} was not changed: the edit did not check out, so its bytes were kept."
    )
    if new is None or comparable(old) != comparable(new):
        raise refused
    old_declared = {(p, u) for _, p, u in _declarations(old)}
    added = {(p, u) for _, p, u in _declarations(new)} - old_declared
    if any(uri != XMP_NS for _, uri in added):
        raise refused
    if verdict_of(new) != edit.applied_to(verdict_of(old)):
        raise refused
    return new
