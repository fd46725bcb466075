from __future__ import annotations

from PyQt5.QtGui import QColor, QPalette

from viewer.ui.image.image_view import ImageView
from viewer.ui.theme import BACKGROUND, background_color, message_color


def _palette(window: QColor, text: QColor) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.Window, window)
    palette.setColor(QPalette.WindowText, text)
    return palette


def test_light_theme_keeps_the_dark_grey():
    palette = _palette(QColor(239, 239, 239), QColor(0, 0, 0))
    assert background_color(palette) == BACKGROUND
    assert message_color(palette).lightness() > 128  # light text on the dark grey


def test_dark_theme_uses_its_own_colours():
    palette = _palette(QColor(42, 46, 50), QColor(230, 230, 230))
    assert background_color(palette) == QColor(42, 46, 50)
    assert message_color(palette) == QColor(230, 230, 230)


def test_view_paints_the_theme_background(qtbot):
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(60, 40)
    view.setPalette(_palette(QColor(20, 60, 40), QColor(250, 250, 250)))
    image = view.grab().toImage()
    assert QColor(image.pixel(5, 5)) == QColor(20, 60, 40)
