"""Previews on a pool of their own: the camera's embedded JPEG or a thumbnail, shown while the
real image loads.
"""
