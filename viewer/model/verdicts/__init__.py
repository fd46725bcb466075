"""Verdicts in the window's model: kept in memory at once, written to sidecars on a worker."""
