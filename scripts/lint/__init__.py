"""Checks of the code's shape that run in CI beside ruff and mypy."""
