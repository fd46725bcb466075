"""The "Go to image…" prompt: one line of text, a number or part of a file name."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt5.QtWidgets import QInputDialog, QWidget

from viewer.core.folder.goto import goto_target
from viewer.ui.messages import Messages

TITLE = "Go to image…"


def ask_go_to(parent: QWidget, count: int) -> str | None:
    """Ask which image to show; None if the user cancelled."""
    text, accepted = QInputDialog.getText(
        parent, TITLE, f"Image number (1 to {count:,}) or part of a file name:"
    )
    return text if accepted else None


def choose_image(
    parent: QWidget, names: Sequence[str], after: int, messages: Messages
) -> int | None:
    """Ask, and find the image meant (searching names after ``after``); None to stay put.

    When nothing matches, ``messages`` says so.
    """
    text = ask_go_to(parent, len(names))
    if text is None:
        return None
    index = goto_target(text, names, after)
    if index is None:
        messages.notice(f"No image matches “{text.strip()}”.")
    return index
