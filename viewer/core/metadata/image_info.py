"""What the status bar says about an image, kept after its pixels are evicted.

It lives beside ``formatting.py``, which turns it into the status line: the decoder fills it
in (``LoadedFile.info``), but it is the status bar's data, not the decoder's.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.metadata.exif import CameraFacts


@dataclass(frozen=True)
class ImageInfo:
    """An image's real size, file size and format, and the decoder's note about it.

    Attributes:
        note: the decoder's remark about the rendering shown ("shown at 1/4 size: …",
            "damaged: …"), or "".
        camera, profile: the EXIF facts and colour profile name, for the metadata panel.
    """

    width: int
    height: int
    file_size: int
    format: str
    frame_count: int = 1
    note: str = ""
    camera: CameraFacts | None = None
    profile: str | None = None
