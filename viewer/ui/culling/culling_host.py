"""The window's side of culling: where the user is, what is listed, and what to do afterwards.

Built by the window with a few of its parts, so the window itself only gains a handful of
hook lines. After an operation the open folder's listing is updated at once (no waiting for
the next poll), the model drops or re-keys what it stored for the files that changed, and the
view goes to the same image, the name it was renamed to, or the next one (the previous one at
the end); from there read-ahead goes on as after any move.
"""

from __future__ import annotations

from typing import Callable

from PyQt5.QtWidgets import QWidget

from viewer.core.fileops.fs import FileSystem
from viewer.core.fileops.journal import Change
from viewer.core.fileops.listing import names_after, position_after, renamed_to
from viewer.core.folder.sequence import ImageSequence
from viewer.core.io.reading import FileStamp
from viewer.model.files.operations import FileOpRunner
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.settings.store import Settings
from viewer.ui.browsing.browsing import Browsing
from viewer.ui.culling.culling import Culling
from viewer.ui.culling.file_prompts import FilePrompts
from viewer.ui.image.image_view import ImageView
from viewer.ui.messages import Messages


def window_culling(
    window: QWidget,
    host: WindowCullingHost,
    file_system: FileSystem | None,
    settings: Settings,
    view: ImageView,
) -> Culling:
    """The window's culling: its host, a file-operation runner, and prompts over the window."""
    culling = Culling(
        host, FileOpRunner(file_system, window), FilePrompts(window), settings, window
    )
    culling.show_in(view)
    return culling


class WindowCullingHost:
    """``CullingHost`` over the window's browsing, model and messages."""

    def __init__(
        self,
        browsing: Browsing,
        model: PrefetchModel,
        messages: Messages,
        relisted: Callable[[ImageSequence], None],
        go_to: Callable[[int], None],
        adopt: Callable[[list[str]], None],
        listing: Callable[[], ImageSequence | None] | None = None,
        members: Callable[[str], list[str]] | None = None,
    ) -> None:
        """``listing`` gives the folder's whole listing where the window shows only part of
        it (a filter, RAW+JPEG pairs as one); ``members`` the files of the item shown."""
        self._browsing = browsing
        self._listing = listing or (lambda: browsing.sequence)
        self._members = members or (lambda path: [path])
        self._model = model
        self._messages = messages
        self._relisted = relisted
        self._go_to = go_to
        self._adopt = adopt

    def current_path(self) -> str | None:
        return self._browsing.path()

    def listed_paths(self) -> list[str]:
        sequence = self._listing()
        return [] if sequence is None else list(sequence)

    def members(self, path: str) -> list[str]:
        return self._members(path)

    def stamp_of(self, path: str) -> FileStamp | None:
        return self._model.file_stamp(path)

    def take_changes(self, changes: list[Change]) -> None:
        sequence, listing = self._browsing.sequence, self._listing()
        if sequence is None or listing is None:
            return
        index = self._browsing.index
        current = None if index is None else sequence.name(index)
        if current is None and self._browsing.removed is not None:
            current = self._browsing.removed[0]
        names = names_after(listing.names, changes)
        renamed = renamed_to(changes, current) if current is not None else None
        self._model.files_changed([(c.old, c.new) for c in changes])
        before = sequence.names
        self._relisted(ImageSequence(listing.folder, names))
        self._adopt(names)  # a listing begun before the change would undo this one
        after = self._browsing.sequence.names if self._browsing.sequence is not None else []
        target = position_after(before, after, current, renamed)
        if target is not None and (self._browsing.index != target or renamed is not None):
            self._go_to(target)
        elif target is None:
            self._messages.in_view("No images left in this folder.")

    def notice(self, text: str) -> None:
        self._messages.notice(text)

    def problem(self, text: str) -> None:
        self._messages.problem(text)
