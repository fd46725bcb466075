"""What the viewer remembers between runs, kept with ``QSettings``.

Stored: the last folder and image, recent folders, window geometry, full-screen state, the
zoom lock, the sort order, colour management, the preferences and the last nine move / copy
targets.
Tests point ``QSettings`` at a temporary folder, or pass their own ``QSettings``.

Settings are a service: code is handed the ``Settings`` and reads what it needs, or subscribes
to ``changed`` (and the typed ``preferencesChanged`` and ``colourChanged``) to follow what the
user changes; nothing is pushed into another object's parts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from PyQt5.QtCore import QObject, QSettings, pyqtSignal

from viewer.core.folder.sort_choice import SortChoice
from viewer.core.formats.colour.choice import INTENTS, ColourSettings
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.settings import defaults, places
from viewer.settings.start import StartSettings
from viewer.settings.verdict_choices import VerdictChoices


@dataclass(frozen=True)
class Preferences:
    """The tunable parts of loading, as the Preferences dialog shows them.

    Attributes:
        cache_images: most images kept in memory.
        cache_mb: most memory for kept images, in MiB.
        ahead: images read ahead in the direction of travel.
        behind: images kept behind.
        threads: worker threads reading and decoding.
        poll_seconds: how often the open folder is listed again; 0 turns polling off.
        max_image_mb: the most memory decoding one image may take, in MiB.
        thumbnail_cache_mb: the most the thumbnail cache on disk may hold, in MiB.
        slideshow_seconds: how long the slideshow shows each image.
    """

    cache_images: int = defaults.CACHE_IMAGES
    cache_mb: int = defaults.CACHE_MB
    ahead: int = defaults.AHEAD
    behind: int = defaults.BEHIND
    threads: int = defaults.THREADS
    poll_seconds: float = defaults.POLL_SECONDS
    max_image_mb: int = defaults.MAX_IMAGE_MB
    thumbnail_cache_mb: int = defaults.THUMBNAIL_CACHE_MB
    slideshow_seconds: int = defaults.SLIDESHOW_SECONDS

    @property
    def plan(self) -> ReadAheadPlan:
        return ReadAheadPlan(self.ahead, self.behind)

    @property
    def max_bytes(self) -> int:
        return self.cache_mb << 20


@dataclass(frozen=True)
class Place:
    """Where the user was: a folder and the image in it."""

    folder: str
    image: str


#: Preferences that may be 0 (read nothing ahead, keep nothing behind, never poll).
_MAY_BE_ZERO = frozenset({"ahead", "behind", "poll_seconds"})


def _number(value: object, default: float, smallest: int) -> float:
    """A stored number of ``default``'s type, or ``default`` if the file holds junk."""
    try:
        number = type(default)(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if number >= smallest else default


class Settings(QObject, StartSettings):
    """Typed access to the viewer's ``QSettings``; the window's own keys are the start's.

    Signals:
        changed(str): a setting was saved; the string names its group (``"preferences"``,
            ``"colour"``, ``"sort"``, ``"zoom_locked"``, ``"recent"``, ``"targets"``, ``"place"``,
            ``"verdicts"``, ``"show_filter"``).
        preferencesChanged(Preferences): the Preferences were saved with these values.
        colourChanged(ColourSettings): colour management was saved with these values.
        verdictsChanged(VerdictChoices): the verdict choices were saved with these values.
    """

    changed = pyqtSignal(str)
    preferencesChanged = pyqtSignal(object)
    colourChanged = pyqtSignal(object)
    verdictsChanged = pyqtSignal(object)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        StartSettings.__init__(self, store)

    # -- place -----------------------------------------------------------------------------

    def last_place(self) -> Place | None:
        """The last image shown, as remembered: whether it still exists is for the caller
        to ask, off the GUI thread (``Reopening``)."""
        folder = str(self._store.value("last/folder", "") or "")
        image = str(self._store.value("last/image", "") or "")
        if not folder or not image:
            return None
        return Place(folder, image)

    def remember_place(self, folder: str, image: str) -> None:
        self._store.setValue("last/folder", folder)
        self._store.setValue("last/image", image)
        places.remember(self._store, folder, image, defaults.PLACES_LIMIT)
        self.changed.emit("place")

    def place_in(self, folder: str) -> str | None:
        """The image last viewed in ``folder`` (one of the last ``PLACES_LIMIT``), if any:
        whether it still exists is for the listing to tell."""
        return places.place_in(self._store, folder)

    def _folders(self, key: str, limit: int) -> list[str]:
        value = self._store.value(key, [])
        folders = [value] if isinstance(value, str) else list(value or [])
        return [str(folder) for folder in folders][:limit]

    def _put_first(self, key: str, folder: str, limit: int) -> None:
        """Put ``folder`` first in the list at ``key``, without duplicates, keeping ``limit``."""
        folders = [folder] + [f for f in self._folders(key, limit) if f != folder]
        self._store.setValue(key, folders[:limit])

    def recent_folders(self) -> list[str]:
        return self._folders("recent/folders", defaults.RECENT_LIMIT)

    def add_recent_folder(self, folder: str) -> None:
        self._put_first("recent/folders", folder, defaults.RECENT_LIMIT)
        self.changed.emit("recent")

    def file_targets(self) -> list[str]:
        """The last nine folders files were moved or copied to, newest first."""
        return self._folders("fileops/targets", defaults.TARGET_LIMIT)

    def add_file_target(self, folder: str) -> None:
        self._put_first("fileops/targets", folder, defaults.TARGET_LIMIT)
        self.changed.emit("targets")

    # -- window ----------------------------------------------------------------------------

    def zoom_locked(self) -> bool:
        return str(self._store.value("view/zoom_locked", "false")).lower() == "true"

    def set_zoom_locked(self, locked: bool) -> None:
        self._store.setValue("view/zoom_locked", locked)
        self.changed.emit("zoom_locked")

    def wheel_zooms(self) -> bool:
        """The plain mouse wheel zooms instead of stepping images."""
        return str(self._store.value("mouse/wheel_zooms", "false")).lower() == "true"

    def set_wheel_zooms(self, zooms: bool) -> None:
        self._store.setValue("mouse/wheel_zooms", zooms)

    # -- sorting and colour ----------------------------------------------------------------

    def sort_choice(self) -> SortChoice:
        return SortChoice.from_text(self._store.value("view/sort"))

    def set_sort_choice(self, choice: SortChoice) -> None:
        self._store.setValue("view/sort", choice.to_text())
        self.changed.emit("sort")

    def colour_settings(self) -> ColourSettings:
        """Colour management as last set; junk in the file gives the defaults."""
        defaults = ColourSettings()
        enabled, profile = self.colour_enabled(), self.monitor_profile()
        intent = int(_number(self._store.value("colour/intent"), defaults.intent, 0))
        if intent not in INTENTS.values():
            intent = defaults.intent
        return ColourSettings(enabled, profile, intent)

    def save_colour_settings(self, colour: ColourSettings) -> None:
        self._store.setValue("colour/enabled", colour.enabled)
        self._store.setValue("colour/monitor_profile", colour.monitor_profile or "")
        self._store.setValue("colour/intent", colour.intent)
        self.changed.emit("colour")
        self.colourChanged.emit(colour)

    # -- verdicts -------------------------------------------------------------------------

    def verdict_choices(self) -> VerdictChoices:
        store = self._store
        return VerdictChoices.from_texts(
            store.value("verdicts/sidecar_style"), store.value("verdicts/pairs", "true")
        )

    def save_verdict_choices(self, choices: VerdictChoices) -> None:
        self._store.setValue("verdicts/sidecar_style", choices.style.value)
        self._store.setValue("verdicts/pairs", choices.pairs)
        self.changed.emit("verdicts")
        self.verdictsChanged.emit(choices)

    def show_filter_text(self) -> str:
        """The last View ▸ Show filter other than "all", for the toggle key."""
        return str(self._store.value("verdicts/last_filter", ""))

    def set_show_filter_text(self, text: str) -> None:
        self._store.setValue("verdicts/last_filter", text)
        self.changed.emit("show_filter")

    # -- preferences -----------------------------------------------------------------------

    def preferences(self) -> Preferences:
        defaults = Preferences()
        values: dict[str, Any] = {  # each of its field's own type
            field.name: _number(
                self._store.value(f"preferences/{field.name}"),
                getattr(defaults, field.name),
                0 if field.name in _MAY_BE_ZERO else 1,
            )
            for field in fields(Preferences)
        }
        return replace(defaults, **values)

    def save_preferences(self, preferences: Preferences) -> None:
        for field in fields(Preferences):
            self._store.setValue(f"preferences/{field.name}", getattr(preferences, field.name))
        self.changed.emit("preferences")
        self.preferencesChanged.emit(preferences)
