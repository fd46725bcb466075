"""The real questions, answered in their modal dialogs as a user would."""

from __future__ import annotations

from PyQt5.QtCore import Qt, QTimer
from PyQt5.QtWidgets import QApplication, QMessageBox, QWidget

from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.ui.culling.clash_dialog import ClashDialog
from viewer.ui.culling.file_prompts import NO_TRASH, FilePrompts


def answer_next_dialog(qtbot, act) -> list[str]:
    """Run ``act(dialog)`` on the next modal dialog once it is up; its text is collected."""
    seen: list[str] = []

    def on_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(0, on_modal)  # not up yet: look again on the next event round
            return
        seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle())
        act(dialog)

    QTimer.singleShot(0, on_modal)
    return seen


def test_permanent_delete_defaults_to_no(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_next_dialog(qtbot, lambda box: qtbot.keyClick(box, Qt.Key_Return))
    assert not FilePrompts(parent).confirm_permanent_delete(["/f/3.jpg"])
    assert seen == ["Delete 3.jpg permanently? This cannot be undone."]


def test_no_trash_yes_means_delete(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_next_dialog(qtbot, lambda box: box.button(QMessageBox.Yes).click())
    assert FilePrompts(parent).confirm_no_trash("/mnt/share")
    assert seen == [NO_TRASH]


def test_the_chooser_answers_with_a_digit(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_next_dialog(qtbot, lambda chooser: qtbot.keyClick(chooser, Qt.Key_2))
    assert FilePrompts(parent).choose_target("Move", ["/a", "/b"]) == "/b"
    assert seen == ["Move to…"]


def test_the_clash_question_answers(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)

    def keep_both(dialog: ClashDialog) -> None:
        dialog.button(Choice.KEEP_BOTH).click()

    answer_next_dialog(qtbot, keep_both)
    answer = FilePrompts(parent).resolve_clash(Clash("/a/1.jpg", "/b/1.jpg"), more=True)
    assert answer == Answer(Choice.KEEP_BOTH)


def test_rename_returns_the_new_name(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)

    def type_name(dialog) -> None:
        dialog.field().setText("new.jpg")
        qtbot.keyClick(dialog.field(), Qt.Key_Return)

    answer_next_dialog(qtbot, type_name)
    assert FilePrompts(parent).new_name("/f/old.jpg", {"old.jpg"}) == "new.jpg"
