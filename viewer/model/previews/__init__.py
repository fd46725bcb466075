"""Previews on a pool of their own, shown while the real image loads.

The camera's embedded JPEG, or a thumbnail.
"""
