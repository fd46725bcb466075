"""The app's loader (PreviewingLoader) applies colour settings and sends RAWs to their preview."""

from __future__ import annotations

import io
import os

import numpy as np

from tests.builders import SRGB_PRIMARIES, jpeg_bytes, primaries_in, stripe_colours, write_dng
from viewer.core.formats.colour.choice import ColourSettings
from viewer.core.formats.colour.icc import ADOBE_RGB
from viewer.core.formats.pixels import new_array
from viewer.model.previews.pipeline import PreviewingLoader


def test_raw_goes_to_its_embedded_preview(tmp_path) -> None:
    path = os.path.join(str(tmp_path), "photo.dng")
    write_dng(path, jpeg_bytes((64, 48)))
    loaded = PreviewingLoader()(path, new_array, (32, 32))
    assert "embedded preview" in loaded.image.format
    assert (loaded.image.width, loaded.image.height) == (32, 24)


def test_colour_settings_reach_the_decode(tmp_path) -> None:
    converted, profile = primaries_in(ADOBE_RGB)
    path = os.path.join(str(tmp_path), "adobe.png")
    buffer = io.BytesIO()
    converted.save(buffer, "PNG", icc_profile=profile)
    with open(path, "wb") as file:
        file.write(buffer.getvalue())
    managed = PreviewingLoader()(path, new_array, None)
    plain = PreviewingLoader(colour=ColourSettings(enabled=False))(path, new_array, None)
    near = [tuple(abs(a - b) <= 3 for a, b in zip(f, w)) for f, w in
            zip(stripe_colours(managed.image.pixels[..., 2::-1]), SRGB_PRIMARIES)]  # fmt: skip
    assert all(all(row) for row in near)
    assert stripe_colours(plain.image.pixels[..., 2::-1]) == stripe_colours(np.asarray(converted))
