"""The loading designs the benchmark compares, named on the command line.

``naive``, ``thread-per-image``, ``viewer`` (``PrefetchModel`` defaults) and ``viewer`` with
settings, e.g. ``viewer:threads=3`` or ``viewer:threads=1,ahead=3``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Union

from PyQt5.QtCore import QObject

from bench.baselines import NaiveModel, ThreadPerImageModel
from bench.share import Share
from viewer.core.readahead import ReadAheadPlan
from viewer.model.prefetch_model import PrefetchModel

AnyModel = Union[PrefetchModel, NaiveModel, ThreadPerImageModel]
DEFAULT_THREADS = int(inspect.signature(PrefetchModel).parameters["threads"].default)


@dataclass(frozen=True)
class Design:
    """One way of loading images. ``threads``/``ahead``/``behind`` apply to ``viewer`` only."""

    name: str
    kind: str
    threads: int = DEFAULT_THREADS
    plan: ReadAheadPlan = ReadAheadPlan()

    def build(self, share: Share) -> tuple[QObject, Callable[[], int]]:
        """A fresh model over ``share``, and how to count its loads queued or running."""
        if self.kind == "naive":
            naive = NaiveModel(share.load)
            return naive, naive.in_flight
        if self.kind == "thread-per-image":
            textbook = ThreadPerImageModel(share.load)
            return textbook, textbook.in_flight
        model = PrefetchModel(share.load, threads=self.threads, plan=self.plan)
        return model, model.in_flight

    @property
    def in_flight_limit(self) -> int | None:
        """What the policy promises for loads queued or running (viewer designs only)."""
        return self.threads + self.plan.ahead if self.kind == "viewer" else None


def parse_design(text: str) -> Design:
    """``kind`` or ``viewer:key=value,…`` with keys threads, ahead, behind."""
    kind, _, settings = text.partition(":")
    if kind not in ("naive", "thread-per-image", "viewer"):
        raise ValueError(f"unknown design {kind!r}")
    values = {"threads": DEFAULT_THREADS, "ahead": ReadAheadPlan().ahead,
              "behind": ReadAheadPlan().behind}  # fmt: skip
    for item in filter(None, settings.split(",")):
        key, _, value = item.partition("=")
        if kind != "viewer" or key not in values:
            raise ValueError(f"unknown setting {item!r} for {kind}")
        values[key] = int(value)
    plan = ReadAheadPlan(values["ahead"], values["behind"])
    return Design(text, kind, values["threads"], plan)
