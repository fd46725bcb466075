"""Where the main window goes: a size that fits its screen, and a place on a real screen.

A remembered place is brought back onto a screen that still exists.

Pure arithmetic on rectangles in screen coordinates (Qt's virtual desktop: screens side by
side, possibly at negative coordinates), so it is tested with fake screens; the Qt glue is
``viewer.ui.window.placement``. Rectangles are the window's outer frame; ``FRAME`` is what a
window manager usually adds around the client area before the window is shown and the real
frame is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

#: The default window takes this share of the available width and height, centred.
DEFAULT_SHARE = 0.8
#: The smallest window worth opening, screen permitting.
MINIMUM = (480, 320)


class Rect(NamedTuple):
    """A rectangle in screen pixels: top-left corner and size."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def contains(self, other: Rect) -> bool:
        """Whether ``other`` lies wholly within this rectangle."""
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def overlap(self, other: Rect) -> int:
        """The area both rectangles cover (0 if they do not meet)."""
        width = min(self.right, other.right) - max(self.x, other.x)
        height = min(self.bottom, other.bottom) - max(self.y, other.y)
        return max(0, width) * max(0, height)

    def centre_distance(self, other: Rect) -> float:
        dx = (self.x + self.width / 2) - (other.x + other.width / 2)
        dy = (self.y + self.height / 2) - (other.y + other.height / 2)
        return float((dx * dx + dy * dy) ** 0.5)


class Margins(NamedTuple):
    """A window frame's thickness on each side (title bar on top)."""

    left: int
    top: int
    right: int
    bottom: int


#: A typical title bar and border, used until the window manager's real frame is known.
FRAME = Margins(1, 30, 1, 1)


def default_frame(available: Rect, share: float = DEFAULT_SHARE) -> Rect:
    """The outer frame of a first-run window: ``share`` of ``available`` each way, centred."""
    width = max(min(MINIMUM[0], available.width), round(available.width * share))
    height = max(min(MINIMUM[1], available.height), round(available.height * share))
    return _centred(width, height, available)


def screen_for(frame: Rect, screens: Sequence[Rect]) -> Rect:
    """The screen (available area) a frame belongs on: the one it covers most, else the one
    nearest to it (its monitor was unplugged). ``screens`` must not be empty."""
    if not screens:
        raise ValueError("no screens")
    covering = max(screens, key=frame.overlap)
    if frame.overlap(covering) > 0:
        return covering
    return min(screens, key=frame.centre_distance)


def fit_frame(frame: Rect, screens: Sequence[Rect]) -> Rect:
    """``frame`` moved (and shrunk, if need be) to lie wholly within the screen it belongs on.

    A frame that already fits is returned unchanged, so a window the user placed stays put.
    """
    screen = screen_for(frame, screens)
    width = min(frame.width, screen.width)
    height = min(frame.height, screen.height)
    x = min(max(frame.x, screen.x), screen.right - width)
    y = min(max(frame.y, screen.y), screen.bottom - height)
    return Rect(x, y, width, height)


def client_of(frame: Rect, margins: Margins = FRAME) -> Rect:
    """The client area (what ``QWidget.setGeometry`` takes) inside an outer frame."""
    return Rect(
        frame.x + margins.left,
        frame.y + margins.top,
        max(1, frame.width - margins.left - margins.right),
        max(1, frame.height - margins.top - margins.bottom),
    )


def frame_of(client: Rect, margins: Margins = FRAME) -> Rect:
    """The outer frame around a client area."""
    return Rect(
        client.x - margins.left,
        client.y - margins.top,
        client.width + margins.left + margins.right,
        client.height + margins.top + margins.bottom,
    )


def _centred(width: int, height: int, available: Rect) -> Rect:
    return Rect(
        available.x + (available.width - width) // 2,
        available.y + (available.height - height) // 2,
        width,
        height,
    )
