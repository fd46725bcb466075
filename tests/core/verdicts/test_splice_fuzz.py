"""Random packets (attribute or element form, any layout, other namespaces, darktable or
not) and random runs of edits: each edit reads back, and everything else stays."""

from __future__ import annotations

from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.verdicts import samples
from tests.core.verdicts.helpers import triples
from viewer.core.verdicts.model import Edit, Label
from viewer.core.verdicts.packet import parse_packet
from viewer.core.verdicts.properties import verdict_of
from viewer.core.verdicts.splice import EMPTY_SIDECAR, splice_edit

#: Real clients' sidecars, also with a UTF-8 BOM and with Windows line ends.
REAL = [
    *samples.ALL.values(),
    EMPTY_SIDECAR,
    b"\xef\xbb\xbf" + samples.DARKTABLE,
    samples.DARKTABLE.replace(b"\n", b"\r\n"),
    samples.UNKNOWN.replace(b"\n", b"\r\n"),
]
space = st.sampled_from([" ", "\n ", "\n    ", "\t", "\r\n  "])
label = st.sampled_from([None, *Label])
edits = st.builds(
    Edit,
    rating=st.one_of(st.none(), st.integers(-1, 5)),
    label=st.one_of(st.just(Edit().label), label),
)


@st.composite
def packets(draw: st.DrawFn) -> bytes:
    gap = draw(space)
    attributes = [f'rdf:about=""{gap}xmlns:acme="http://example.com/acme/"']
    elements = []
    if draw(st.booleans()):
        attributes.append('xmlns:xmp="http://ns.adobe.com/xap/1.0/"')
        for name, value in (("Rating", draw(st.integers(-1, 5))), ("Label", "Green")):
            form = draw(st.sampled_from(["attribute", "element", "none"]))
            if form == "attribute":
                attributes.append(f'xmp:{name}="{value}"')
            elif form == "element":
                elements.append(f"<xmp:{name}>{value}</xmp:{name}>")
    if draw(st.booleans()):
        attributes.append('xmlns:darktable="http://darktable.sf.net/"')
        if draw(st.booleans()):
            elements.append(
                "<darktable:colorlabels><rdf:Seq><rdf:li>1</rdf:li></rdf:Seq>"
                "</darktable:colorlabels>"
            )
    for number in range(draw(st.integers(0, 3))):
        value = escape(draw(st.text("ab<&>'\"", max_size=4)), {'"': "&quot;"})
        attributes.append(f'acme:a{number}="{value}"')
        seq = f"<rdf:Seq><rdf:li>x{number}</rdf:li></rdf:Seq>"
        elements.append(f"<acme:e{number}>{seq}</acme:e{number}>")
    elements = draw(st.permutations(elements))
    head = f"<rdf:Description {draw(space).join(attributes)}"
    inner = draw(space)
    if elements:
        body = f"{head}>{inner}{inner.join(elements)}{draw(space)}</rdf:Description>"
    else:
        body = f"{head}/>"
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        f'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">{draw(space)}{body}'
        f"{draw(space)}</rdf:RDF></x:xmpmeta>"
    ).encode()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(packets(), st.sampled_from(REAL)),
       st.lists(edits, min_size=1, max_size=4))  # fmt: skip
def test_random_edits_read_back_and_keep_the_rest(data: bytes, run: list[Edit]) -> None:
    original = triples(data)
    for edit in run:
        packet = parse_packet(data, "fuzz.xmp")
        expected = edit.applied_to(verdict_of(packet))
        data = splice_edit(packet, edit, "fuzz.xmp")
        assert verdict_of(parse_packet(data, "fuzz.xmp")) == expected
        assert triples(data) == original
