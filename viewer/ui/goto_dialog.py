"""The "Go to image…" prompt: one line of text, a number or part of a file name."""

from __future__ import annotations

from PyQt5.QtWidgets import QInputDialog, QWidget

TITLE = "Go to image…"


def ask_go_to(parent: QWidget, count: int) -> str | None:
    """Ask which image to show; None if the user cancelled."""
    text, accepted = QInputDialog.getText(
        parent, TITLE, f"Image number (1 to {count:,}) or part of a file name:"
    )
    return text if accepted else None
