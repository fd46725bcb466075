"""Mutated bytes of real JPEG, PNG, GIF, TIFF and WebP files through the decode path.

Every input must give a DecodedImage or a DecodeError, never another exception or a crash,
and no decode may ask for more pixel memory than its limit. A short run is in the default
suite; ``--run-slow`` runs many more examples. A hang shows up as pytest's faulthandler
timeout (the decode runs in this thread), not as a timing assertion.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.images import encode, pattern
from viewer.core.formats.decode import DecodedImage, decode_bytes
from viewer.core.io.reading import DecodeError

LIMIT = 4 << 20  # small, so huge-header mutations are refused instead of decoded


def _animated_gif() -> bytes:
    frames = [pattern((48, 32), seed=s).convert("P") for s in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


SEEDS = {
    "jpeg": encode(pattern((64, 48), seed=1), "JPEG", quality=85),
    "progressive": encode(pattern((64, 48), seed=2), "JPEG", progressive=True),
    "png": encode(pattern((40, 30), seed=3, mode="RGBA"), "PNG"),
    "gif": _animated_gif(),
    "tiff": encode(pattern((40, 30), seed=4), "TIFF", compression="tiff_lzw"),
    "webp": encode(pattern((40, 30), seed=5), "WEBP", quality=80),
}


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "byte", "cut", "insert", "big"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[position:]
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "big" and len(data) > position + 2:
            data[position : position + 2] = b"\xff\xff"  # huge widths and lengths in headers
    return bytes(data)


class BoundedAllocator:
    def __init__(self) -> None:
        self.largest = 0

    def __call__(self, height: int, width: int, has_alpha: bool) -> np.ndarray:
        self.largest = max(self.largest, height * width * 4)
        assert height * width * 4 <= LIMIT, f"asked for {width}×{height}"
        return np.empty((height, width, 4), np.uint8)


def check_one(data: bytes) -> None:
    allocate = BoundedAllocator()
    try:
        decoded = decode_bytes(data, "fuzz.img", allocate, max_bytes=LIMIT)
    except DecodeError as error:
        assert str(error).startswith(("fuzz.img", "Not enough memory")), str(error)
        return
    assert isinstance(decoded, DecodedImage)
    assert decoded.pixels.shape[2] == 4 and decoded.nbytes <= LIMIT


FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@pytest.mark.filterwarnings("ignore")  # Pillow warns about odd files; the outcome is checked
@settings(FUZZ, max_examples=150)
@given(mutated())
def test_fuzz_short(data):
    check_one(data)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore")
@settings(FUZZ, max_examples=20000, derandomize=False)
@given(mutated())
def test_fuzz_long(data):
    check_one(data)


def test_seeds_decode():
    for data in SEEDS.values():
        check_one(data)
    with Image.open(io.BytesIO(SEEDS["gif"])) as image:
        assert image.n_frames == 3
