"""Image formats: which files are images, one ``load_image`` for all of them, pixels in Qt's
layout, size limits, geometry and orientation. Importing the package imports nothing heavy.
"""
