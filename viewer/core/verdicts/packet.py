"""An XMP packet parsed safely, with the byte position of every element and attribute.

Two parsers read the same bytes. ``defusedxml`` (no DTD, no entities, no external entities)
builds the tree that tells what the packet says; it runs first, so nothing hostile reaches
the second. Expat then walks the same bytes for positions: where each start tag, attribute
value and end tag lies, and which prefixes are in scope. Those positions let a change be a
splice of a few bytes, so every other byte of another program's sidecar stays as it was.

Sidecars come from shares and other programs: the size is capped, the bytes must be UTF-8,
and anything that fails raises ``SidecarError`` with one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from viewer.core.verdicts.errors import SidecarError

#: A sidecar larger than this is refused: real ones hold a few KB (darktable's with a long
#: history stack some hundred KB), and a hostile one must not fill the memory.
MAX_SIDECAR_BYTES = 4 << 20

X_NS = "adobe:ns:meta/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XMP_NS = "http://ns.adobe.com/xap/1.0/"
DARKTABLE_NS = "http://darktable.sf.net/"
XMLNS_NS = "http://www.w3.org/2000/xmlns/"

_NAME = re.compile(rb"<([^\s/>]+)")
_ATTRIBUTE = re.compile(rb"""(\s+)([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
_CLOSE = re.compile(rb"\s*(/?)>")

QName = tuple[str, str]  # (namespace URI, local name)


@dataclass(frozen=True)
class Attribute:
    """One attribute of a start tag: ``data[start:end]`` is it with the space before it."""

    qname: str
    value: str
    start: int
    end: int
    value_start: int
    value_end: int
    space: bytes  # the whitespace before it, so an added attribute can look the same


@dataclass
class Node:
    """One element: its start tag is ``data[start:head_end]``, its content
    ``data[head_end:inner_end]``, and it ends at ``end`` (``empty`` for ``<a/>``)."""

    qname: str
    name: QName
    start: int
    head_end: int
    attributes_end: int  # where the start tag's ``>`` or ``/>`` (and space before it) begin
    empty: bool
    attributes: list[Attribute]
    scope: dict[str, str]  # prefix → namespace URI in scope here ("" is the default)
    declared: dict[str, str]  # the namespaces this element itself declares
    parent: int | None
    index: int
    inner_end: int = -1
    end: int = -1
    children: list[int] = field(default_factory=list)
    text: str = ""

    def resolve(self, qname: str, *, attribute: bool = False) -> QName:
        """The (URI, local name) of a prefixed name as seen from this element."""
        prefix, _, local = qname.rpartition(":")
        if not prefix:
            return ("" if attribute else self.scope.get("", ""), local)
        return (self.scope.get(prefix, ""), local)

    def prefix_for(self, uri: str) -> str | None:
        """A prefix bound to ``uri`` here (not the default namespace), or None."""
        return next((p for p, u in self.scope.items() if u == uri and p), None)


@dataclass
class Packet:
    """A parsed packet: its bytes, the tree defusedxml made of them, and every element."""

    data: bytes
    tree: Element
    nodes: list[Node]

    def find(self, uri: str, local: str) -> list[Node]:
        return [node for node in self.nodes if node.name == (uri, local)]

    def rdf(self) -> Node | None:
        found = self.find(RDF_NS, "RDF")
        return found[0] if found else None

    def descriptions(self) -> list[Node]:
        """The top-level ``rdf:Description`` elements, where properties live."""
        rdf = self.rdf()
        if rdf is None:
            return []
        nodes = [self.nodes[i] for i in rdf.children]
        return [node for node in nodes if node.name == (RDF_NS, "Description")]

    def children(self, node: Node) -> list[Node]:
        return [self.nodes[i] for i in node.children]


def _refuse(*_args: Any) -> int:
    raise SidecarError("declares a DTD or an entity, which XMP never needs")


def _tree(data: bytes) -> Element:
    parser = DefusedXMLParser(encoding="utf-8", forbid_dtd=True)
    parser.feed(data)
    root: Element = parser.close()
    return root


def _scan(data: bytes) -> list[Node]:
    """Every element's positions; the bytes were already parsed safely by ``_tree``."""
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    nodes: list[Node] = []
    stack: list[Node] = []

    def start(qname: str, values: dict[str, str]) -> None:
        position = parser.CurrentByteIndex
        matched = _NAME.match(data, position)
        if matched is None or matched.group(1).decode() != qname:
            raise ValueError("a start tag is not where the parser says")
        at = matched.end()
        attributes = []
        while (found := _ATTRIBUTE.match(data, at)) is not None:
            name = found.group(2).decode()
            attributes.append(
                Attribute(name, values[name], found.start(), found.end(), found.start(3) + 1,
                          found.end(3) - 1, found.group(1))
            )  # fmt: skip
            at = found.end()
        close = _CLOSE.match(data, at)
        if close is None:
            raise ValueError("a start tag does not end where expected")
        declared = {
            (a.qname[6:] if a.qname.startswith("xmlns:") else ""): a.value
            for a in attributes
            if a.qname == "xmlns" or a.qname.startswith("xmlns:")
        }
        parent = stack[-1] if stack else None
        scope = {"xml": "http://www.w3.org/XML/1998/namespace"} if parent is None else {}
        scope = {**(parent.scope if parent else scope), **declared}
        node = Node(qname, ("", ""), position, close.end(), close.start(),
                    close.group(1) == b"/", attributes, scope, declared,
                    None if parent is None else parent.index, len(nodes))  # fmt: skip
        node.name = node.resolve(qname)
        if node.empty:
            node.inner_end = node.end = node.head_end
        if parent is not None:
            parent.children.append(node.index)
        nodes.append(node)
        stack.append(node)

    def end(qname: str) -> None:
        node = stack.pop()
        if not node.empty:
            node.inner_end = parser.CurrentByteIndex
            node.end = data.index(b">", node.inner_end) + 1

    def text(chunk: str) -> None:
        if stack:
            stack[-1].text += chunk

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.Parse(data, True)
    return nodes


def parse_packet(data: bytes, name: str) -> Packet:
    """Parse ``data`` (a sidecar, or a packet found in an image) named ``name`` for messages.

    Raises:
        SidecarError: too large, not UTF-8, a DTD or entities, malformed, or not XMP.
    """
    if len(data) > MAX_SIDECAR_BYTES:
        raise SidecarError(
            f"{name} was not read: it is larger than {MAX_SIDECAR_BYTES >> 20} MB, "
            "which no real sidecar is."
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise SidecarError(f"{name} was not read: it is not UTF-8 text.") from None
    try:
        tree = _tree(data)
        nodes = _scan(data)
    except DefusedXmlException:
        raise SidecarError(
            f"{name} was not read: it declares a DTD or an entity, which XMP never needs."
        ) from None
    except SidecarError as error:
        raise SidecarError(f"{name} was not read: it {error}.") from None
    except (ParseError, expat.ExpatError, ValueError, KeyError) as error:
        raise SidecarError(f"{name} was not read: it is not well-formed XML ({error}).") from None
    packet = Packet(data, tree, nodes)
    if packet.rdf() is None:
        raise SidecarError(f"{name} was not read: it holds no XMP (no rdf:RDF element).")
    return packet
