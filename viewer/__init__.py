"""A fast image viewer for folders of large images on slow network shares.

Layers, in the direction data flows:
    viewer.core   Qt-free: image sequence, store, read-ahead plan, decoding, script prefetcher
    viewer.model  Qt, no widgets: PrefetchModel and its QRunnable load tasks
    viewer.ui     widgets: main window and image view, which only show finished images
"""

__version__ = "0.1.0"
