"""The main images: ``PrefetchModel``, its load queue and pool, the task that decodes one image,
and the limits read-ahead stays within.
"""
