"""The Preferences dialog: cache size, read-ahead, threads, folder polling, the per-image
limit and the thumbnail cache's size, applied as you change them."""

from __future__ import annotations

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from viewer.core.formats.colour.manage import ColourSettings
from viewer.model.folder.lister import FolderLister
from viewer.model.images.load_task import FileLoader
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.pipeline import PreviewingLoader
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
    lister.set_poll_seconds(preferences.poll_seconds)
    if isinstance(model.loader, FileLoader):
        model.loader.max_bytes = preferences.max_image_mb << 20
    if isinstance(model.loader, PreviewingLoader) and model.loader.thumbnail_cache is not None:
        model.loader.thumbnail_cache.budget_bytes = preferences.thumbnail_cache_mb << 20


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
    """The Preferences command: one dialog, made on first use; each change is applied to the
    model and the lister at once, and saved.

    Signals:
        verdictsChanged(VerdictChoices): the verdict choices changed (and are saved).

    Attributes:
        dialog: the dialog, once shown (None before).
    """

    verdictsChanged = pyqtSignal(object)

    def __init__(
        self, settings: Settings, model: PrefetchModel, lister: FolderLister, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._model = model
        self._lister = lister
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
            self.dialog.changed.connect(self._on_changed)
            self.dialog.verdicts.changed.connect(self._on_verdicts_changed)
            self.dialog.colour.changed.connect(self._on_colour_changed)
        self.dialog.show()
        self.dialog.raise_()

    @pyqtSlot(object)
    def _on_changed(self, preferences: Preferences) -> None:
        apply_preferences(self._model, self._lister, preferences)
        self._settings.save_preferences(preferences)

    @pyqtSlot(object)
    def _on_verdicts_changed(self, choices: VerdictChoices) -> None:
        self._settings.save_verdict_choices(choices)
        self.verdictsChanged.emit(choices)

    @pyqtSlot(object)
    def _on_colour_changed(self, colour: ColourSettings) -> None:
        """Loads from now on use ``colour``; images already kept stay as they were made."""
        if isinstance(self._model.loader, FileLoader):
            self._model.loader.colour.settings = colour
        self._settings.save_colour_settings(colour)
