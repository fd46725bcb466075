"""Dialogs: Preferences, Go to image, and the Open dialogs."""
