"""Comparing images side by side: which images are shown, and the zoom they share (Qt-free)."""
