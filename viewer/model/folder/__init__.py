"""The folder itself: listing, watching, sort facts, file-system questions off the GUI thread."""
