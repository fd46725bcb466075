"""The documents follow the code: the module map is the generated one, and links lead somewhere."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _module_map() -> ModuleType:
    spec = importlib.util.spec_from_file_location("module_map", ROOT / "scripts" / "module_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_architecture_module_map_is_the_generated_one() -> None:
    module_map = _module_map()
    written = module_map.section(module_map.ARCHITECTURE.read_text(encoding="utf-8"))
    assert written == module_map.render(), (
        "docs/architecture.md's module map differs from the modules' docstrings: "
        "run `python scripts/module_map.py --write` and commit the result"
    )


def test_every_module_opens_with_a_one_line_summary() -> None:
    """The map shows each docstring's first line, so that line must be a whole sentence."""
    unfit = []
    for path in sorted((ROOT / "viewer").rglob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        lines = (docstring or "").strip().splitlines()
        whole = bool(lines) and lines[0].rstrip().endswith((".", "?", "!"))
        if not whole or (len(lines) > 1 and lines[1].strip()):
            unfit.append(str(path.relative_to(ROOT)))
    assert not unfit, (
        "these modules need a docstring whose first line is one whole sentence, "
        f"followed by a blank line: {unfit}"
    )


def test_relative_links_in_the_documents_lead_to_files() -> None:
    documents = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]
    documents += sorted((ROOT / "docs").rglob("*.md"))
    broken = []
    for document in (found for found in documents if found.exists()):
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", document.read_text("utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (document.parent / target).exists():
                broken.append(f"{document.relative_to(ROOT)} -> {target}")
    assert not broken, f"links to nothing: {broken}"
