"""Mutated camera JPEGs through the preview readers: a thumbnail or a DecodeError, nothing else.

Mutations land mostly in the first kilobytes, where the EXIF, MPF and frame headers are. The
reads go through an in-memory ranged reader, which also checks that no read asks for more
than the file holds many times over (a hostile length must not become a huge read).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.previews.preview_files import marked
from viewer.core.formats.decode import DecodedImage
from viewer.core.io.reading import DecodeError, FileStamp
from viewer.core.previews.head_first import head_preview
from viewer.core.previews.thumbnailer import make_thumbnail
from viewer.demo.camera_jpeg import CameraInfo, camera_jpeg

SEED = camera_jpeg(marked((300, 200)), CameraInfo(orientation=6), preview_side=200)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "byte", "cut", "big"]))
        position = draw(st.integers(0, min(len(data) - 1, 6000)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "cut" and draw(st.booleans()):
            del data[position:]
        elif kind == "big" and len(data) > position + 4:
            data[position : position + 4] = b"\xff\xff\xff\x7f"  # huge lengths and offsets
    return bytes(data)


def check_one(data: bytes) -> None:
    def reader(path: str, offset: int, length: int) -> bytes:
        assert length <= 4 * max(len(data), 1 << 16), f"asked for {length:,} bytes"
        return data[offset : offset + length]

    try:
        thumbnail = make_thumbnail("fuzz.jpg", 128, cache=None, reader=reader,
                                   stamp_of=lambda path: FileStamp(len(data), 0))  # fmt: skip
    except DecodeError as error:
        assert str(error), "a DecodeError carries a sentence"
    else:
        assert isinstance(thumbnail, DecodedImage)
        assert max(thumbnail.width, thumbnail.height) <= 128
    preview = head_preview("fuzz.jpg", data[: 1 << 16], len(data), 256)
    assert preview is None or max(preview.width, preview.height) <= 256


@pytest.mark.filterwarnings("ignore")  # Pillow warns about odd files; the outcome is checked
@settings(deadline=None, max_examples=120, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(mutated())
def test_mutated_camera_jpegs(data: bytes) -> None:
    check_one(data)


def test_the_seed_has_both_previews() -> None:
    check_one(SEED)
