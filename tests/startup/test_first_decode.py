"""The first frame's decode: camera JPEGs at the screen's size, from the camera's preview or
the whole file, or nothing at all."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from PyQt5.QtGui import QImage

from tests.builders import exif_with, jpeg_with_exif
from tests.images import pattern
from viewer.core.formats.colour.icc import ADOBE_RGB, icc_bytes
from viewer.core.formats.jpeg.layout import Head, read_layout
from viewer.core.formats.jpeg.mpf import mpf_preview_entry
from viewer.core.io.ranged import memory_reader
from viewer.demo.camera_jpeg import CameraInfo, camera_jpeg
from viewer.startup.first_image import FirstImage

LIMIT = 1 << 30
SIZE = (1200, 800)


def camera(orientation: int = 1, preview_side: int | None = 600, size=SIZE) -> bytes:
    return camera_jpeg(pattern(size), CameraInfo(orientation=orientation),
                       preview_side=preview_side)  # fmt: skip


def mpf_preview(data: bytes) -> bytes | None:
    """The bytes of a camera JPEG's MPF preview, read as the previews room reads them."""
    layout = read_layout(Head(memory_reader(data), "photo.jpg", len(data)))
    entry = None if layout is None else mpf_preview_entry(layout, len(data), "photo.jpg")
    if layout is None or entry is None:
        return None
    start = layout.mpf_offset + entry.offset
    return data[start : start + entry.size]


class _Shown:
    """Stands in for the first frame: what it would show (the preview decoded here, as the
    frame decodes it on the GUI thread)."""

    def __init__(self) -> None:
        self.made: object = "nothing said"
        self.nothingToShow = self
        self.imagePainted = self
        self.destroyed = self

    def connect(self, slot: object) -> None:
        pass  # the paint is not waited for here

    def emit(self) -> None:
        self.made = None

    def deliver(self, image: QImage, full_size: tuple[int, int]) -> None:
        self.made = (image, full_size)

    def deliver_encoded(self, encoded) -> None:
        self.made = encoded.decode()


def first_frame_image(data: bytes, box: tuple[int, int], limit: int):
    """What the first frame shows for a file read whole, with no ranged read before."""
    first, shown = FirstImage(limit), _Shown()
    first.attach(shown)
    first.from_data(data, box)
    assert shown.made != "nothing said"  # the frame always hears something
    return shown.made


def rgb(image: QImage) -> np.ndarray:
    """The image's pixels as (height, width, 3), for comparing two decodes."""
    image = image.convertToFormat(QImage.Format_RGB888)
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    rows = np.frombuffer(pointer, np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def test_a_camera_jpeg_is_decoded_to_fit_the_box_with_its_full_size() -> None:
    made = first_frame_image(camera(preview_side=None), (300, 300), LIMIT)
    assert made is not None
    image, full = made
    assert (image.width(), image.height()) == (300, 200)
    assert full == SIZE


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_the_cameras_preview_stands_in_for_the_image_the_same_way_up(orientation: int) -> None:
    """Decoded from the preview or from the image, the first frame is the same picture."""
    box = (240, 240)
    from_preview = first_frame_image(camera(orientation, preview_side=600), box, LIMIT)
    from_image = first_frame_image(camera(orientation, preview_side=None), box, LIMIT)
    assert from_preview is not None and from_image is not None
    assert from_preview[1] == from_image[1]
    assert from_preview[0].size() == from_image[0].size()
    difference = np.abs(rgb(from_preview[0]).astype(int) - rgb(from_image[0]).astype(int))
    assert difference.mean() < 12  # two resamplings of one picture, not two pictures


def test_the_preview_is_found_in_the_mpf_index() -> None:
    preview = mpf_preview(camera(preview_side=600))
    assert preview is not None
    assert Image.open(io.BytesIO(preview)).size == (600, 400)
    assert mpf_preview(camera(preview_side=None)) is None


def test_a_preview_smaller_than_the_screen_needs_is_not_used() -> None:
    """A 300 px preview for a 600 px box would be blurry: the image itself is decoded."""
    data = camera(preview_side=300)
    made = first_frame_image(data, (600, 600), LIMIT)
    assert made is not None
    assert (made[0].width(), made[0].height()) == (600, 400)
    sharp = first_frame_image(camera(preview_side=None), (600, 600), LIMIT)
    assert sharp is not None
    difference = np.abs(rgb(made[0]).astype(int) - rgb(sharp[0]).astype(int))
    assert difference.mean() < 3  # the same decode, not an enlarged preview


def test_a_preview_of_another_shape_is_not_used() -> None:
    """A preview of another picture (or a letterboxed one) must never stand for this one."""
    main = camera_jpeg(pattern(SIZE), thumbnail_size=None, preview_side=None)
    other = camera(preview_side=600, size=(1400, 1400))  # a square picture's preview
    spliced = _with_preview_of(main, other)
    made = first_frame_image(spliced, (300, 300), LIMIT)
    assert made is not None
    sharp = first_frame_image(main, (300, 300), LIMIT)
    assert sharp is not None
    difference = np.abs(rgb(made[0]).astype(int) - rgb(sharp[0]).astype(int))
    assert difference.mean() < 3


def _with_preview_of(main: bytes, donor: bytes) -> bytes:
    """``donor``'s MPF segment and preview on ``main``'s image (an edited file that kept a
    stale preview). The donor's index stays valid: only the primary image's bytes differ."""
    donor_preview = mpf_preview(donor)
    assert donor_preview is not None
    body_start = donor.index(b"\xff\xe2")  # donor: SOI, APP1, APP2 MPF, image…, preview
    mpf_end = body_start + 2 + int.from_bytes(donor[body_start + 2 : body_start + 4], "big")
    head = donor[:mpf_end]
    main_body = main[main.index(b"\xff\xdb") :]  # from its quantisation table (no thumbnail)
    preview_at = len(donor) - len(donor_preview)
    primary = donor[mpf_end:preview_at]
    padding = len(primary) - len(main_body)
    if padding < 0:
        pytest.skip("the test image's body is larger than the donor's")
    return head + main_body + b"\0" * padding + donor_preview


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _png(), id="png"),
        pytest.param(lambda: _with_icc(), id="embedded profile"),
        pytest.param(lambda: jpeg_with_exif(exif_with(tag_A001=2)), id="exif adobe rgb"),
        pytest.param(lambda: b"\xff\xd8\xff\xe0garbage\xff\xd9", id="damaged header"),
        pytest.param(lambda: camera()[:-5000], id="truncated"),
        pytest.param(lambda: _cmyk(), id="cmyk"),
        pytest.param(lambda: b"", id="empty"),
    ],
)
def test_what_qt_would_not_show_as_the_decoder_does_makes_no_first_frame(data) -> None:
    assert first_frame_image(data(), (300, 300), LIMIT) is None


def test_an_image_too_large_for_the_limit_even_reduced_makes_no_first_frame() -> None:
    data = camera(preview_side=None)
    smallest = (SIZE[0] // 8) * (SIZE[1] // 8) * 4
    assert first_frame_image(data, (300, 300), smallest - 1) is None
    assert first_frame_image(data, (300, 300), smallest * 16) is not None


def _png() -> bytes:
    out = io.BytesIO()
    pattern((64, 48)).save(out, "PNG")
    return out.getvalue()


def _with_icc() -> bytes:
    out = io.BytesIO()
    pattern((64, 48)).save(out, "JPEG", icc_profile=icc_bytes(ADOBE_RGB))
    return out.getvalue()


def _cmyk() -> bytes:
    out = io.BytesIO()
    pattern((64, 48)).convert("CMYK").save(out, "JPEG")
    return out.getvalue()
