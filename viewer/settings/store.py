"""What the viewer remembers between runs, kept with ``QSettings``.

Stored: the last folder and image, recent folders, window geometry, full-screen state, the
zoom lock, the sort order, colour management, the preferences and the last nine move / copy
targets.
Tests point ``QSettings`` at a temporary folder, or pass their own ``QSettings``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from viewer.core.folder.sequence import DEFAULT_POLL_SECONDS
from viewer.core.folder.sort_keys import SortChoice
from viewer.core.formats.colour.manage import INTENTS, ColourSettings
from viewer.core.formats.limits import DEFAULT_MAX_IMAGE_BYTES
from viewer.core.previews.thumbcache import DEFAULT_BUDGET_BYTES
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT
from viewer.settings.start import StartSettings
from viewer.settings.verdict_choices import VerdictChoices

RECENT_LIMIT = 10
TARGET_LIMIT = 9  # F7 / F8 offer the last nine folders, on the keys 1–9
DEFAULT_SLIDESHOW_SECONDS = 4


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

    cache_images: int = DEFAULT_MAX_COUNT
    cache_mb: int = DEFAULT_MAX_COST >> 20
    ahead: int = ReadAheadPlan().ahead
    behind: int = ReadAheadPlan().behind
    threads: int = 2
    poll_seconds: float = DEFAULT_POLL_SECONDS
    max_image_mb: int = DEFAULT_MAX_IMAGE_BYTES >> 20
    thumbnail_cache_mb: int = DEFAULT_BUDGET_BYTES >> 20
    slideshow_seconds: int = DEFAULT_SLIDESHOW_SECONDS

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


class Settings(StartSettings):
    """Typed access to the viewer's ``QSettings``; the window's own keys are the start's."""

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

    def _folders(self, key: str, limit: int) -> list[str]:
        value = self._store.value(key, [])
        folders = [value] if isinstance(value, str) else list(value or [])
        return [str(folder) for folder in folders][:limit]

    def _put_first(self, key: str, folder: str, limit: int) -> None:
        """Put ``folder`` first in the list at ``key``, without duplicates, keeping ``limit``."""
        folders = [folder] + [f for f in self._folders(key, limit) if f != folder]
        self._store.setValue(key, folders[:limit])

    def recent_folders(self) -> list[str]:
        return self._folders("recent/folders", RECENT_LIMIT)

    def add_recent_folder(self, folder: str) -> None:
        self._put_first("recent/folders", folder, RECENT_LIMIT)

    def file_targets(self) -> list[str]:
        """The last nine folders files were moved or copied to, newest first."""
        return self._folders("fileops/targets", TARGET_LIMIT)

    def add_file_target(self, folder: str) -> None:
        self._put_first("fileops/targets", folder, TARGET_LIMIT)

    # -- window ----------------------------------------------------------------------------

    def zoom_locked(self) -> bool:
        return str(self._store.value("view/zoom_locked", "false")).lower() == "true"

    def set_zoom_locked(self, locked: bool) -> None:
        self._store.setValue("view/zoom_locked", locked)

    # -- sorting and colour ----------------------------------------------------------------

    def sort_choice(self) -> SortChoice:
        return SortChoice.from_text(self._store.value("view/sort"))

    def set_sort_choice(self, choice: SortChoice) -> None:
        self._store.setValue("view/sort", choice.to_text())

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

    # -- verdicts -------------------------------------------------------------------------

    def verdict_choices(self) -> VerdictChoices:
        store = self._store
        return VerdictChoices.from_texts(
            store.value("verdicts/sidecar_style"), store.value("verdicts/pairs", "true")
        )

    def save_verdict_choices(self, choices: VerdictChoices) -> None:
        self._store.setValue("verdicts/sidecar_style", choices.style.value)
        self._store.setValue("verdicts/pairs", choices.pairs)

    def show_filter_text(self) -> str:
        """The last View ▸ Show filter other than "all", for the toggle key."""
        return str(self._store.value("verdicts/last_filter", ""))

    def set_show_filter_text(self, text: str) -> None:
        self._store.setValue("verdicts/last_filter", text)

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
