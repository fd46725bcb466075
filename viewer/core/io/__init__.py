"""Reading files: version stamps, errors as sentences, ranged reads, cancel tokens, paths.

Nothing here imports numpy or Pillow.
"""
