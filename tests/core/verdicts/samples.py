"""Sidecars as real clients write them, for the tests to edit: Lightroom Classic (camera raw
settings, keywords, an edit history), darktable (a history stack, colour labels), and a
writer of a namespace nobody here knows (element form, comments, a parseType struct)."""

from __future__ import annotations

LIGHTROOM = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/" '
    b'x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">\n'
    b""" <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
   xmp:ModifyDate="2024-06-01T10:12:13.45+02:00"
   xmp:CreateDate="2024-06-01T10:12:13.45+02:00"
   xmp:MetadataDate="2024-06-02T21:03:55+02:00"
   xmp:Rating="2"
   xmp:Label="Yellow"
   tiff:Make="Canon"
   tiff:Model="Canon EOS 5D Mark IV"
   exif:ExposureTime="1/250"
   exif:FNumber="28/10"
   photoshop:DateCreated="2024-06-01T10:12:13.45+02:00"
   xmpMM:DocumentID="xmp.did:6a1f9a5e-2b1c-4f7e-9d3a-0c2e8b7f1a11"
   xmpMM:OriginalDocumentID="6C8B1E2F3A4D5C6B7A8F9E0D1C2B3A49"
   xmpMM:InstanceID="xmp.iid:6a1f9a5e-2b1c-4f7e-9d3a-0c2e8b7f1a11"
   crs:Version="15.3"
   crs:ProcessVersion="11.0"
   crs:WhiteBalance="As Shot"
   crs:Exposure2012="+0.35"
   crs:Contrast2012="+12"
   crs:Highlights2012="-40"
   crs:LensProfileEnable="1"
   crs:HasSettings="True">
   <xmpMM:History>
    <rdf:Seq>
     <rdf:li
      stEvt:action="saved"
      stEvt:instanceID="xmp.iid:6a1f9a5e-2b1c-4f7e-9d3a-0c2e8b7f1a11"
      stEvt:when="2024-06-02T21:03:55+02:00"
      stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.3 (Macintosh)"
      stEvt:changed="/metadata"/>
    </rdf:Seq>
   </xmpMM:History>
   <crs:ToneCurvePV2012>
    <rdf:Seq>
     <rdf:li>0, 0</rdf:li>
     <rdf:li>64, 60</rdf:li>
     <rdf:li>255, 255</rdf:li>
    </rdf:Seq>
   </crs:ToneCurvePV2012>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>wedding</rdf:li>
     <rdf:li>Anna &amp; Ben</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>events|wedding</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""
)

_HISTORY = b"""   <darktable:history>
    <rdf:Seq>
     <rdf:li
      darktable:num="0"
      darktable:operation="rawprepare"
      darktable:enabled="1"
      darktable:modversion="1"
      darktable:params="00000000000000000000000000000000ff3f0000ff3f0000"
      darktable:multi_name=""
      darktable:multi_priority="0"
      darktable:blendop_version="11"
      darktable:blendop_params="gz14eJxjYIAACQYYOOHEgAZY0QVwggZ7CB6pfOygYtaEPnUmGHQEF0E="/>
     <rdf:li
      darktable:num="1"
      darktable:operation="exposure"
      darktable:enabled="1"
      darktable:modversion="6"
      darktable:params="0000000000000000000000000000403f0000803f00000000"
      darktable:multi_name="mask &amp; more"
      darktable:multi_priority="0"
      darktable:blendop_version="11"
      darktable:blendop_params="gz14eJxjYIAACQYYOOHEgAZY0QVwggZ7CB6pfOygYtaEPnUmGHQEF0E="/>
    </rdf:Seq>
   </darktable:history>
"""

DARKTABLE = (
    b"""<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:darktable="http://darktable.sf.net/"
   exif:DateTimeOriginal="2024:06:01 10:12:13.450"
   xmp:Rating="1"
   xmpMM:DerivedFrom="IMG_0001.CR2"
   darktable:import_timestamp="63852477133450"
   darktable:change_timestamp="63852563035000"
   darktable:export_timestamp="-1"
   darktable:xmp_version="5"
   darktable:raw_params="0"
   darktable:auto_presets_applied="1"
   darktable:history_end="2"
   darktable:iop_order_version="4">
   <darktable:colorlabels>
    <rdf:Seq>
     <rdf:li>2</rdf:li>
     <rdf:li>4</rdf:li>
    </rdf:Seq>
   </darktable:colorlabels>
   <darktable:masks_history>
    <rdf:Seq/>
   </darktable:masks_history>
"""
    + _HISTORY
    + b"""  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""
)

#: darktable's sidecar of an image it never labelled: no colorlabels element yet.
DARKTABLE_UNLABELLED = DARKTABLE.replace(
    b"""   <darktable:colorlabels>
    <rdf:Seq>
     <rdf:li>2</rdf:li>
     <rdf:li>4</rdf:li>
    </rdf:Seq>
   </darktable:colorlabels>
""",
    b"",
)

UNKNOWN = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:acme="http://example.com/ns/acme/1.0/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<!-- written by Acme Cull 2.1 -->
<xmp:Rating>4</xmp:Rating>
<xmp:Label>Blue</xmp:Label>
<acme:Reviewer acme:team="night">Kim &lt;kim@example.com&gt;</acme:Reviewer>
<acme:Notes><rdf:Alt><rdf:li xml:lang="x-default">check focus</rdf:li></rdf:Alt></acme:Notes>
<acme:Box rdf:parseType="Resource"><acme:w>10</acme:w><acme:h>20</acme:h></acme:Box>
<acme:Steps><rdf:Seq><rdf:li>crop</rdf:li><rdf:li>tone</rdf:li></rdf:Seq></acme:Steps>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()

#: No xmp namespace at all, and an old Adobe prefix nowhere: the edit must declare it.
NO_XMP = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:acme="http://example.com/ns/acme/1.0/"
        acme:Camera="Z9" acme:Id="42"/>
  </rdf:RDF>
</x:xmpmeta>
"""

#: Adobe's old ``xap`` prefix for the xmp namespace, and a second Description.
OLD_PREFIX = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>Ana</rdf:li></rdf:Seq></dc:creator>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/" xap:Rating="5"/>
</rdf:RDF>
</x:xmpmeta>
"""

ALL = {
    "lightroom": LIGHTROOM,
    "darktable": DARKTABLE,
    "darktable-unlabelled": DARKTABLE_UNLABELLED,
    "unknown": UNKNOWN,
    "no-xmp": NO_XMP,
    "old-prefix": OLD_PREFIX,
}
