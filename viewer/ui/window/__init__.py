"""The main window and what frames it: menus, keys, full screen, placement, drops, help."""
