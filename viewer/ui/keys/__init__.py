"""The keys: one table of every command with its default keys, and the file that changes them.

The table feeds the menus, the help overlay and the README; the keys file names only what the
user changed.
"""
