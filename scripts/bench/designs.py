"""The loading designs the benchmark compares, named on the command line.

``naive``, ``thread-per-image``, ``viewer`` (``PrefetchModel`` defaults, with previews) and
``viewer`` with settings, e.g. ``viewer:threads=3``, ``viewer:threads=1,ahead=3`` or
``viewer:previews=0`` (no embedded previews while an image loads: the baseline for them),
``viewer:preview_threads=2`` or ``viewer:warm_cache=1`` (a thumbnail cache filled before the
run, as a second visit of the folder finds it).
"""

from __future__ import annotations

import inspect
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Union

from PyQt5.QtCore import QObject

from bench.baselines import NaiveModel, ThreadPerImageModel
from bench.share import Share
from viewer.core.previews.thumbcache import ThumbnailCache, flavour_for
from viewer.core.previews.thumbnailer import make_thumbnail
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel
from viewer.model.previews.current import CurrentPreview
from viewer.model.previews.pipeline import PreviewingLoader, previews_for

AnyModel = Union[PrefetchModel, NaiveModel, ThreadPerImageModel]
DEFAULT_THREADS = int(inspect.signature(PrefetchModel).parameters["threads"].default)


@dataclass(frozen=True)
class Design:
    """One way of loading images. ``threads``/``ahead``/``behind`` apply to ``viewer`` only."""

    name: str
    kind: str
    threads: int = DEFAULT_THREADS
    plan: ReadAheadPlan = ReadAheadPlan()
    previews: bool = True
    preview_threads: int = 1
    warm_cache: bool = False

    def build(self, share: Share) -> tuple[QObject, Callable[[], int]]:
        """A fresh model over ``share``, and how to count its loads queued or running."""
        if self.kind == "naive":
            naive = NaiveModel(share.load)
            return naive, naive.in_flight
        if self.kind == "thread-per-image":
            textbook = ThreadPerImageModel(share.load)
            return textbook, textbook.in_flight
        loader = PreviewingLoader(read=share.read_head_first) if self.previews else share.load
        model = PrefetchModel(loader, threads=self.threads, plan=self.plan)
        return model, model.in_flight

    def build_previews(
        self, model: QObject, share: Share, paths: Sequence[str]
    ) -> CurrentPreview | None:
        """Previews read through ``share``; the thumbnail cache is empty (none at all) unless
        ``warm_cache``, when a fresh one is filled with ``paths`` first (not timed)."""
        if self.kind != "viewer" or not self.previews or not isinstance(model, PrefetchModel):
            return None
        cache = None
        if self.warm_cache:
            cache = ThumbnailCache(tempfile.mkdtemp(prefix="bench-thumbnails-"))
            for path in paths:
                make_thumbnail(path, flavour_for(10_000)[1], cache=cache)
        return previews_for(model, cache, share.read_range, share.stat, self.preview_threads)

    @property
    def in_flight_limit(self) -> int | None:
        """What the policy promises for loads queued or running (viewer designs only)."""
        return self.threads + self.plan.ahead if self.kind == "viewer" else None


def parse_design(text: str) -> Design:
    """``kind`` or ``viewer:key=value,…``: threads, ahead, behind, previews, preview_threads,
    warm_cache."""
    kind, _, settings = text.partition(":")
    if kind not in ("naive", "thread-per-image", "viewer"):
        raise ValueError(f"unknown design {kind!r}")
    values = {"threads": DEFAULT_THREADS, "ahead": ReadAheadPlan().ahead,
              "behind": ReadAheadPlan().behind, "previews": 1,
              "preview_threads": 1, "warm_cache": 0}  # fmt: skip
    for item in filter(None, settings.split(",")):
        key, _, value = item.partition("=")
        if kind != "viewer" or key not in values:
            raise ValueError(f"unknown setting {item!r} for {kind}")
        values[key] = int(value)
    plan = ReadAheadPlan(values["ahead"], values["behind"])
    previews = bool(values["previews"])
    return Design(text, kind, values["threads"], plan, previews, values["preview_threads"],
                  bool(values["warm_cache"]))  # fmt: skip
