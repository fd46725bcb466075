"""Prompts that answer at once and record what they were asked, for culling tests."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from viewer.core.fileops.clash import Answer, Choice, Clash
from viewer.ui.culling.file_prompts import FilePrompts, permanent_delete_text


class ScriptedPrompts(FilePrompts):
    """Answers: ``yes`` to confirmations, ``target`` to the chooser, ``name`` to rename."""

    def __init__(self) -> None:
        self.yes = True
        self.no_trash_yes = True
        self.target: str | None = None
        self.name: str | None = None
        self.clash = Answer(Choice.KEEP_BOTH)
        self.asked: list[str] = []
        self.offered: list[list[str]] = []

    def confirm_permanent_delete(self, paths: Sequence[str]) -> bool:
        self.asked.append(permanent_delete_text(paths))
        return self.yes

    def confirm_no_trash(self, folder: str) -> bool:
        self.asked.append(f"no trash: {folder}")
        return self.no_trash_yes

    def choose_target(self, action: str, targets: Sequence[str]) -> str | None:
        self.asked.append(f"{action} to…")
        self.offered.append(list(targets))
        return self.target

    def resolve_clash(self, clash: Clash, more: bool) -> Answer:
        self.asked.append(f"clash: {clash.target}")
        return self.clash

    def new_name(self, path: str, taken: Collection[str]) -> str | None:
        self.asked.append(f"rename {path}")
        return self.name
