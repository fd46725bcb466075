"""The Qt model: PrefetchModel and the QRunnable tasks it runs. Imports no widgets."""

from viewer.model.images.prefetch_model import PrefetchModel

__all__ = ["PrefetchModel"]
