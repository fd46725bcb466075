"""Reading files: the stamp of a version, the error that carries a sentence, ranged reads,
cancel tokens and path operations. Nothing here imports numpy or Pillow.
"""
