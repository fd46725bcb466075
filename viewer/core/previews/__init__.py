"""Previews that cost a fraction of a full read: embedded JPEG previews, thumbnails, cache.

Qt-free, used by the grid, the film strip and the view's "never a blank screen" preview.
Import each name from the module that defines it; this package imports nothing, so the
first frame can read a camera's MPF preview (``viewer.core.formats.jpeg.mpf``) before numpy
and Pillow are imported.
"""
