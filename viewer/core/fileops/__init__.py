"""Culling files without losing any: trash, delete, move, copy, rename, and undo.

Qt-free, so scripts can use it too. Every call goes through an injectable ``FileSystem``;
``batch`` holds the operations the viewer's keys run, ``journal`` their undo.
"""
