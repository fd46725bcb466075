"""Read-ahead: the store of decoded images, which images to have ready, where the user is
and how fast they move.
"""
