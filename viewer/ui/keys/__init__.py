"""The keys: one table of every command and its default keys (for the menus, the help overlay
and the README), and the keys file that changes them."""
