"""The folder itself: listing it on a worker, watching it, its sort facts, and file-system
questions asked off the GUI thread.
"""
