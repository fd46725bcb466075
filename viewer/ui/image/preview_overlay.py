"""The quiet mark that says the pixels on screen are a preview, not yet the image itself.

A small, dim word in the bottom-left corner of the image area, over the view (so the view
paints as before), shown only while a preview (an embedded or cached thumbnail, scaled to
the image's place) is what the user sees.
"""

from __future__ import annotations

from PyQt5.QtWidgets import QWidget

from viewer.ui.image.overlay import OverlayLabel

_MARK_STYLE = (
    "QLabel { background: rgba(0, 0, 0, 110); color: rgba(235, 235, 235, 170);"
    " border-radius: 4px; padding: 2px 6px; font-size: 11px; }"
)
_MARGIN = 10


class PreviewMark(OverlayLabel):
    """The word "preview" in the corner, for as long as a preview is what is shown."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, centred=False)
        self.setStyleSheet(_MARK_STYLE)
        self.setToolTip("A preview: the full image is still loading")

    def appear(self) -> None:
        self.show_text("preview")

    def _place(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.move(_MARGIN, parent.height() - self.height() - _MARGIN)
