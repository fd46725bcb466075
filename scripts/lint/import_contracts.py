"""An import-linter contract for modules inside an external package (``PyQt5.QtWidgets``).

import-linter's own ``forbidden`` contract names external packages by their top level only,
so it cannot say "the model may use QtCore but no widgets". This contract reads the import
lines grimp records for each source module and refuses any that names a forbidden submodule.
It checks direct imports: an indirect one would go through a module of ours, which is a
source module itself or sits in a layer that the layers contract checks.
"""

from __future__ import annotations

from typing import Any

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class ForbiddenExternalSubmodules(Contract):
    """Configuration: ``source_modules`` (packages of ours) and ``forbidden`` (dotted names
    of external submodules, such as ``PyQt5.QtWidgets``)."""

    type_name = "forbidden_external_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        found: list[dict[str, Any]] = []
        forbidden = [str(name) for name in self.forbidden]  # type: ignore[attr-defined]
        for source in self.source_modules:  # type: ignore[attr-defined]
            importers = {source.name} | graph.find_descendants(source.name)
            for importer in sorted(importers):
                for imported in sorted({name.split(".")[0] for name in forbidden}):
                    if imported not in graph.modules:
                        continue
                    for detail in graph.get_import_details(importer=importer, imported=imported):
                        line = detail["line_contents"]
                        if any(_names(line, name) for name in forbidden):
                            found.append(dict(detail))
        return ContractCheck(kept=not found, metadata={"found": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for detail in check.metadata["found"]:
            output.print_error(
                f"{detail['importer']}:{detail['line_number']}: {detail['line_contents']}"
            )
            output.new_line()


def _names(line: str, module: str) -> bool:
    """Whether an import line imports ``module`` or anything inside it."""
    words = line.replace(",", " ").split()
    return any(word == module or word.startswith(module + ".") for word in words)
