"""The main images: ``PrefetchModel``, its load queue and pool, and the decoding task.

Also the limits read-ahead stays within.
"""
