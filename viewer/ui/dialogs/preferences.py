"""The Preferences dialog, applied as you change it, and what follows the saved values.

Cache size, read-ahead, threads, folder polling, the per-image limit and the thumbnail cache's
size.
"""

from __future__ import annotations

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.core.formats.colour.choice import ColourSettings
from viewer.model.folder.lister import FolderLister
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Preferences, Settings
from viewer.settings.verdict_choices import VerdictChoices
from viewer.ui.dialogs.colour_preferences import ColourPreferences
from viewer.ui.dialogs.verdict_preferences import VerdictPreferences

#: Field → (label, smallest, largest, suffix).
_FIELDS: dict[str, tuple[str, int, int, str]] = {
    "cache_images": ("Images kept in memory", 1, 1000, " images"),
    "cache_mb": ("Memory for kept images", 16, 1 << 20, " MB"),
    "ahead": ("Read ahead", 0, 100, " images"),
    "behind": ("Keep behind", 0, 100, " images"),
    "threads": ("Worker threads", 1, 32, ""),
    "poll_seconds": ("Check the folder for changes every", 0, 3600, " s"),
    "max_image_mb": ("Most memory for one image", 64, 1 << 16, " MB"),
    "thumbnail_cache_mb": ("Thumbnail cache on disk", 16, 1 << 20, " MB"),
    "slideshow_seconds": ("Slideshow: next image after", 1, 3600, " s"),
}


def apply_preferences(model: PrefetchModel, lister: FolderLister, preferences: Preferences) -> None:
    """Make the model and the lister use ``preferences`` now: no restart, nothing reloaded
    that is kept (a new per-image limit applies to the next load)."""
    model.set_limits(preferences.cache_images, preferences.max_bytes)
    model.set_plan(preferences.plan)
    model.set_threads(preferences.threads)
    model.set_image_limit(preferences.max_image_mb << 20)
    model.set_thumbnail_budget(preferences.thumbnail_cache_mb << 20)
    lister.set_poll_seconds(preferences.poll_seconds)


class PreferencesDialog(QDialog):
    """Non-modal: every change is announced at once, so its effect shows while browsing.

    Signals:
        changed(Preferences): the values now shown, after any edit.
    """

    changed = pyqtSignal(object)

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        colour: ColourSettings | None = None,
        verdicts: VerdictChoices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        layout = QFormLayout(self)
        self.boxes: dict[str, QSpinBox] = {}
        for name, (label, smallest, largest, suffix) in _FIELDS.items():
            box = QSpinBox(self)
            box.setRange(smallest, largest)
            box.setSuffix(suffix)
            box.setValue(round(getattr(preferences, name)))
            box.valueChanged.connect(self._on_value_changed)
            if name == "poll_seconds":
                box.setSpecialValueText("never")  # 0: folders on shares rarely say they changed
            layout.addRow(label, box)
            self.boxes[name] = box
        self.colour = ColourPreferences(colour or ColourSettings(), parent=self)
        layout.addRow(self.colour)
        self.keys_button = QPushButton("&Keys…", self)
        layout.addRow("Keys", self.keys_button)
        self.verdicts = VerdictPreferences(verdicts or VerdictChoices(), parent=self)
        layout.addRow(self.verdicts)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(**{name: box.value() for name, box in self.boxes.items()})

    @pyqtSlot(int)
    def _on_value_changed(self, _value: int) -> None:
        self.changed.emit(self.preferences())


class PreferencesCommand(QObject):
    """The Preferences command: one dialog, made on first use; each change is saved at once,
    and whoever follows the settings (the window's ``PreferencesFollower``) applies it.

    Signals:
        edit_keys(): the dialog's Keys… button was pressed.

    Attributes:
        dialog: the dialog, once shown (None before).
    """

    edit_keys = pyqtSignal()

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parent = parent
        self.dialog: PreferencesDialog | None = None

    @pyqtSlot()
    def show(self) -> None:
        if self.dialog is None:
            settings = self._settings
            self.dialog = PreferencesDialog(
                settings.preferences(), self._parent, settings.colour_settings(),
                settings.verdict_choices(),
            )  # fmt: skip
            self.dialog.changed.connect(settings.save_preferences)
            self.dialog.colour.changed.connect(settings.save_colour_settings)
            self.dialog.keys_button.clicked.connect(self.edit_keys)
            self.dialog.verdicts.changed.connect(settings.save_verdict_choices)
        self.dialog.show()
        self.dialog.raise_()


class PreferencesFollower(QObject):
    """Applies what the user changes in Preferences to a model and a lister as it is saved:
    loads from then on use it, and images already kept stay as they were made. A child of the
    window, so it stops listening when the window goes (settings may outlive it)."""

    def __init__(
        self, settings: Settings, model: PrefetchModel, lister: FolderLister, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._model, self._lister = model, lister
        settings.preferencesChanged.connect(self._on_preferences)
        settings.colourChanged.connect(self._on_colour)

    @pyqtSlot(object)
    def _on_preferences(self, preferences: Preferences) -> None:
        apply_preferences(self._model, self._lister, preferences)

    @pyqtSlot(object)
    def _on_colour(self, colour: ColourSettings) -> None:
        self._model.set_colour(colour)
