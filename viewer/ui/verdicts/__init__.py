"""Verdicts in the window: the keys' commands, View ▸ Show, and how a verdict is shown."""
