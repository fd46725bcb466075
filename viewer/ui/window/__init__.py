"""The main window and what frames it: menus and the key table, full screen, its place and
size on screen, the icon, the theme, drops and the help overlay.
"""
