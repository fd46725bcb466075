"""Procedural landscapes for the demo: sky, sun, clouds, hills, water or fields, trees.

Each scene is painted small with numpy (an eighth of the frame's side) and enlarged, so a
camera-sized frame costs about as much as its JPEG encode. ``number`` picks the scene, so
frames differ in light and layout as a real card's do.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float32]

#: Light of the day: sky at the top, sky at the horizon, sun, land near, land far.
_DAYLIGHTS = (
    ((40, 90, 170), (170, 200, 230), (255, 250, 225), (60, 100, 40), (110, 130, 150)),  # noon
    ((50, 60, 120), (250, 160, 90), (255, 210, 140), (50, 60, 35), (120, 90, 110)),  # dusk
    ((70, 120, 190), (230, 210, 200), (255, 240, 210), (90, 110, 50), (140, 150, 170)),  # morning
    ((110, 120, 130), (190, 190, 195), (235, 235, 235), (70, 80, 60), (130, 135, 140)),  # overcast
    ((20, 30, 70), (200, 110, 120), (255, 190, 150), (40, 35, 40), (90, 70, 100)),  # twilight
)


def fractal_noise(rng: np.random.Generator, shape: tuple[int, int], octaves: int = 5) -> Floats:
    """Smooth noise in 0..1: random grids, each twice as fine and half as strong."""
    height, width = shape
    total = np.zeros(shape, np.float32)
    weight = 1.0
    for octave in range(octaves):
        cells = 2 ** (octave + 2)
        grid = rng.random((cells + 1, cells + 1)).astype(np.float32)
        rows = np.linspace(0, cells, height, dtype=np.float32)
        cols = np.linspace(0, cells, width, dtype=np.float32)
        r0 = np.minimum(rows.astype(int), cells - 1)
        c0 = np.minimum(cols.astype(int), cells - 1)
        fr = _smooth(rows - r0)[:, None]
        fc = _smooth(cols - c0)[None, :]
        top = grid[r0][:, c0] * (1 - fc) + grid[r0][:, c0 + 1] * fc
        bottom = grid[r0 + 1][:, c0] * (1 - fc) + grid[r0 + 1][:, c0 + 1] * fc
        total += weight * (top * (1 - fr) + bottom * fr)
        weight /= 2
    return total / (2 - weight * 2)


def _smooth(t: Floats) -> Floats:
    return t * t * (3 - 2 * t)


def _ridge(rng: np.random.Generator, width: int, base: float, height: float) -> Floats:
    """A skyline of hills: a row position (0..1 from the top) for every column."""
    line = np.zeros(width, np.float32)
    for octave in range(6):
        points = 2 ** (octave + 1) + 1
        values = rng.random(points).astype(np.float32)
        line += (
            np.interp(np.linspace(0, points - 1, width), np.arange(points), values).astype(
                np.float32
            )
            / 2**octave
        )
    return (base - height * line / 2).astype(np.float32)


def landscape(number: int, shape: tuple[int, int], seed: int = 0) -> NDArray[np.uint8]:
    """An RGB landscape of ``shape`` (rows, columns), different for every ``number``."""
    rng = np.random.default_rng(seed * 100_003 + number)
    height, width = shape
    top, horizon_sky, sun_colour, near, far = (
        np.array(c, np.float32) for c in _DAYLIGHTS[number % len(_DAYLIGHTS)]
    )
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    horizon = float(rng.uniform(0.55, 0.72))
    # Sky: a gradient to the horizon, a sun's glow, and clouds.
    fade = np.clip(y / horizon, 0, 1)[..., None] ** 1.5
    image = top * (1 - fade) + horizon_sky * fade
    sun_x, sun_y = float(rng.uniform(0.15, 0.85)), horizon * float(rng.uniform(0.3, 0.85))
    distance = np.sqrt((x - sun_x) ** 2 + ((y - sun_y) * height / width) ** 2)
    glow = np.exp(-distance / 0.08)[..., None] + (distance < 0.018)[..., None] * 2.0
    image = image + (sun_colour - image) * np.clip(glow, 0, 1)
    cloud = fractal_noise(rng, shape) * fractal_noise(rng, shape, 3)
    cover = float(rng.uniform(0.1, 0.35))
    clouds = np.clip((cloud - cover) * 4, 0, 1)[..., None] * (y < horizon)[..., None]
    shade = 0.75 + 0.25 * fractal_noise(rng, shape, 4)[..., None]
    image = image * (1 - clouds * 0.85) + np.float32(245) * shade * clouds * 0.85
    # Far hills, hazy; then the near land, with texture and shade toward the viewer.
    texture = fractal_noise(rng, shape, 6)[..., None]
    hills = _ridge(rng, width, horizon, float(rng.uniform(0.1, 0.3)))[None, :]
    haze = far * (0.85 + 0.3 * texture)
    image = np.where((y > hills)[..., None], haze, image)
    land_line = horizon + 0.02 * (fractal_noise(rng, (1, width), 3)[0] - 0.5)
    ground = (y > land_line[None, :])[..., None]
    depth = np.clip((y - horizon) / (1 - horizon), 0, 1)[..., None]
    if number % 3 == 0:  # a lake reflecting the sky, rippled
        ripples = 0.85 + 0.3 * fractal_noise(rng, (height, width // 8 + 1), 5)
        ripple = np.repeat(ripples, 8, axis=1)[:, :width][..., None]
        land = (horizon_sky * 0.6 + top * 0.3) * ripple * (1 - 0.3 * depth)
    else:  # fields in strips, lit to the horizon
        strips = np.sin((y * 40 + texture[..., 0] * 6) * (1 + depth[..., 0] * 3))[..., None]
        land = near * (0.7 + 0.35 * texture + 0.1 * strips) * (1 - 0.25 * depth)
    image = np.where(ground, land, image)
    _trees(rng, image, horizon, near * 0.35)
    return np.clip(image, 0, 255).astype(np.uint8)


def _trees(
    rng: np.random.Generator, image: NDArray[np.float32], horizon: float, colour: Floats
) -> None:
    """A few dark trees standing on the horizon, each a trunk and a round crown."""
    height, width = image.shape[:2]
    rows = np.arange(height, dtype=np.float32)[:, None]
    cols = np.arange(width, dtype=np.float32)[None, :]
    for _ in range(int(rng.integers(0, 6))):
        cx = float(rng.uniform(0, width))
        base = horizon * height + float(rng.uniform(0, 0.2)) * height
        size = float(rng.uniform(0.04, 0.12)) * height
        crown = ((cols - cx) / (size * 0.6)) ** 2 + ((rows - (base - size * 1.3)) / size) ** 2 < 1
        trunk = (abs(cols - cx) < size * 0.08) & (rows < base) & (rows > base - size)
        image[crown | trunk] = colour
