from __future__ import annotations

import logging

import pytest
from PyQt5.QtWidgets import QMainWindow

from viewer.core.metadata.formatting import status_line
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages
from viewer.ui.statusbar.status_area import StatusArea


@pytest.fixture
def parts(qtbot):
    """A status area in a bare window (kept alive by the fixture), the message bridge it
    listens to, and the view it writes to."""
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ImageView(window)
    model = PrefetchModel(parent=window)
    messages = Messages(window)
    yield StatusArea(window, view, model, messages), messages, view
    model.shutdown(wait=True)


def test_a_problem_is_logged_shown_and_said_in_the_view_when_asked(parts, caplog):
    area, messages, view = parts
    with caplog.at_level(logging.DEBUG, logger="viewer.ui.statusbar.status_area"):
        messages.problem("The file manager could not be started.")
        messages.problem("Folder not found: /gone", in_view=True, logged=False)
    levels = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert levels == [
        (logging.WARNING, "The file manager could not be started."),
        (logging.DEBUG, "Folder not found: /gone"),
    ]
    assert area.notice_text() == "Folder not found: /gone"
    assert view.message == "Folder not found: /gone" and view.is_error


def test_a_notice_passes_over_the_place_and_leaves_the_view_alone(parts):
    area, messages, view = parts
    area.show_place(status_line(2, 12, "3.jpg", None, "Loading…"))
    messages.notice("Path copied.")
    assert area.place_text() == "3 / 12 · 3.jpg · Loading…"
    assert area.notice_text() == "Path copied."
    assert view.message == ""
    messages.clear_notice()
    assert area.notice_text() == ""
    area.place_removed("3.jpg", 11)
    assert area.place_text() == "– / 11 · 3.jpg · removed from the folder"


def test_zoom_and_folder_state(parts):
    area, _, _ = parts
    area.zoom(124.6)
    area.folder("Listing… 1,200 files")
    assert (area.zoom_text(), area.folder_text()) == ("125%", "Listing… 1,200 files")
    area.zoom(None)
    assert area.zoom_text() == ""
