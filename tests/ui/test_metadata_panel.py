"""The metadata panel shows rows as selectable, copyable text."""

from __future__ import annotations

from PyQt5.QtWidgets import QApplication

from viewer.ui.browsing.metadata_panel import EMPTY_TEXT, MetadataPanel


def test_rows_are_shown_and_copied(qtbot) -> None:
    panel = MetadataPanel()
    qtbot.addWidget(panel)
    rows = [("Camera", "Canon EOS R5"), ("Path", "/photos/<odd & name>.jpg")]
    panel.show_rows(rows)
    assert panel.rows() == rows
    text = panel.plain_text()
    assert "Canon EOS R5" in text and "/photos/<odd & name>.jpg" in text
    panel.select_all()
    panel.copy()
    copied = QApplication.clipboard().text()
    assert "Camera" in copied and "<odd & name>" in copied


def test_no_image_says_so(qtbot) -> None:
    panel = MetadataPanel()
    qtbot.addWidget(panel)
    panel.show_rows([("Camera", "X")])
    panel.show_rows([])
    assert panel.plain_text() == EMPTY_TEXT
