"""The viewer in the desktop's application menu and "Open With" (freedesktop systems)."""
