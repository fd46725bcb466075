"""Image formats: which files are images, and one ``load_image`` for all of them.

Also pixels in Qt's layout, size limits, geometry and orientation. Importing the package
imports nothing heavy.
"""
