"""The verdict on the image: stars, a label swatch, "Rejected", and a RAW+JPEG badge.

A label in the view's top-right corner, repainted the moment the verdict changes in memory,
before its sidecar is written.
"""

from __future__ import annotations

from PyQt5.QtCore import QEvent, QObject, Qt
from PyQt5.QtWidgets import QLabel, QWidget

from viewer.core.verdicts.model import Label, Verdict
from viewer.model.verdicts.show_filter import verdict_text

#: The swatch colours, as Lightroom and darktable draw them.
LABEL_COLOURS = {
    Label.RED: "#d83a3a",
    Label.YELLOW: "#e0c330",
    Label.GREEN: "#3fae49",
    Label.BLUE: "#3a7bd8",
    Label.PURPLE: "#9b4fd0",
}
PAIR_TEXT = "RAW+JPEG"
MARGIN = 8


def badge_html(verdict: Verdict | None, pair: bool, problem: str | None = None) -> str:
    """The badge's rich text; "" when there is nothing to say."""
    parts = []
    if verdict is not None and verdict.rejected:
        parts.append('<span style="color:#ff6b6b">✕ Rejected</span>')
    elif verdict is not None and verdict.stars:
        parts.append(verdict_text(Verdict(verdict.rating)))
    if verdict is not None and verdict.label is not None:
        colour = LABEL_COLOURS[verdict.label]
        parts.append(f'<span style="color:{colour}">■</span> {verdict.label.value}')
    if pair:
        parts.append(PAIR_TEXT)
    if problem:
        parts.append("⚠ sidecar not read")
    return " &nbsp;·&nbsp; ".join(parts)


class VerdictBadge(QLabel):
    """Shows the verdict of the image on screen in the view's top-right corner."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("verdictBadge")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.RichText)
        self.setStyleSheet(
            "QLabel#verdictBadge { background: rgba(20, 20, 20, 200); color: #f2d15c;"
            " padding: 3px 8px; border-radius: 4px; font-weight: bold; }"
        )
        self.hide()
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - MARGIN, MARGIN)

    def show_verdict(self, verdict: Verdict | None, pair: bool, problem: str | None) -> None:
        html = badge_html(verdict, pair, problem)
        self.setText(html)
        self.setToolTip(problem or "")
        self.adjustSize()
        self._place()
        self.setVisible(bool(html))
        self.raise_()

    def plain_text(self) -> str:
        """What the badge says, without markup (for tests)."""
        from PyQt5.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.text())
        return document.toPlainText() if self.isVisibleTo(self.parentWidget()) else ""
