"""The chooser (digits act at once), the clash question, the rename field, and the nine
targets kept in the settings."""

from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QDialog

from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.settings.defaults import TARGET_LIMIT
from viewer.settings.store import Settings
from viewer.ui.culling.clash_dialog import ClashDialog
from viewer.ui.culling.rename_dialog import RenameDialog
from viewer.ui.culling.target_chooser import TargetChooser

TARGETS = ["/share/keep", "/share/maybe", "/home/me/best"]


def test_a_digit_chooses_at_once(qtbot):
    chooser = TargetChooser("Move", TARGETS)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.keyClick(chooser, Qt.Key_3)
    assert chooser.result() == QDialog.Accepted
    assert chooser.chosen() == "/home/me/best"
    assert chooser.windowTitle() == "Move to…"


def test_a_digit_past_the_list_does_nothing(qtbot):
    chooser = TargetChooser("Copy", TARGETS)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.keyClick(chooser, Qt.Key_4)
    assert chooser.isVisible() and chooser.chosen() is None


def test_choose_folder_asks_for_another(qtbot):
    asked = []

    def pick(parent, title):
        asked.append(title)
        return "/elsewhere"

    chooser = TargetChooser("Copy", [], pick)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.mouseClick(chooser.choose_button(), Qt.LeftButton)
    assert chooser.chosen() == "/elsewhere"
    assert len(asked) == 1


def test_cancelled_folder_pick_leaves_the_chooser_open(qtbot):
    chooser = TargetChooser("Copy", TARGETS, lambda parent, title: None)
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.mouseClick(chooser.choose_button(), Qt.LeftButton)
    assert chooser.isVisible() and chooser.chosen() is None


def test_clash_dialog_answers(qtbot):
    clash = Clash("/a/2.jpg", "/b/2.jpg")
    dialog = ClashDialog(clash, more=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_for_rest(True)
    qtbot.mouseClick(dialog.button(Choice.SKIP), Qt.LeftButton)
    assert dialog.answer() == Answer(Choice.SKIP, for_rest=True)


def test_clash_dialog_defaults_to_keep_both_and_cancel_cancels(qtbot):
    dialog = ClashDialog(Clash("/a/2.jpg", "/b/2.jpg"), more=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.button(Choice.KEEP_BOTH).isDefault()
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert dialog.answer() == Answer(Choice.CANCEL)
    assert dialog.result() == QDialog.Rejected


def test_rename_selects_the_stem_and_refuses_bad_names(qtbot):
    dialog = RenameDialog("/f/holiday.jpg", {"holiday.jpg", "taken.jpg"})
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.field().selectedText() == "holiday"
    dialog.field().setText("taken.jpg")
    assert dialog.problem() == "A file named taken.jpg already exists here."
    assert not dialog.can_accept()
    dialog.field().setText("a:b.jpg")
    assert dialog.problem() == "A file name cannot contain :."
    dialog.field().setText("Holiday.jpg")  # a change of case only is allowed
    assert dialog.can_accept() and dialog.problem() == ""
    qtbot.keyClick(dialog.field(), Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted
    assert dialog.new_name() == "Holiday.jpg"


def test_nine_targets_newest_first(tmp_path):
    settings = Settings()
    for number in range(TARGET_LIMIT + 2):
        settings.add_file_target(f"/share/{number}")
    settings.add_file_target("/share/4")
    targets = settings.file_targets()
    assert len(targets) == TARGET_LIMIT == 9
    assert targets[:3] == ["/share/4", "/share/10", "/share/9"]
    assert Settings().file_targets() == targets


def test_mark_badge_follows_the_marks(qtbot):
    from PyQt5.QtWidgets import QWidget

    from viewer.model.files.marks import Marks
    from viewer.ui.image.marks_view import MarkBadge

    view = QWidget()
    qtbot.addWidget(view)
    marks = Marks()
    badge = MarkBadge(marks, view)
    view.show()
    badge.follow("/f/1.jpg")
    assert not badge.isVisible()
    marks.toggle("/f/1.jpg")
    assert badge.isVisible()
    badge.follow("/f/3.jpg")
    assert not badge.isVisible()
