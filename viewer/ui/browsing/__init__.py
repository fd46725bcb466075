"""Moving through a folder: where the user is, opening folders, sorting, the slideshow,
recent folders and the information panel.
"""
