"""The first script prefetcher's interface, kept for the scripts that use it.

It now runs on ``viewer.core.prefetch``: the same read-ahead plan and store rules, on
daemon workers, so ``close()`` returns at once even with a read blocked on a hung share.
New scripts should call ``viewer.core.prefetch.prefetch``, which adds other loaders,
an error policy, timeouts and statistics.

Example::

    with Prefetcher(ImageSequence.from_folder("/mnt/scans")) as images:
        for loaded in images:
            process(loaded.image.pixels)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Callable

from viewer.core.formats.decode import LoadedFile
from viewer.core.formats.load import load_image
from viewer.core.prefetch.reader import Prefetch
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.core.readahead.store import DEFAULT_MAX_COST, DEFAULT_MAX_COUNT

Loader = Callable[[str], LoadedFile]


def _cost(loaded: Any) -> int:
    return int(loaded.cost)


class Prefetcher:
    """Loads ``paths[i]`` on demand and the plan's neighbours in the background.

    A failure is raised to the caller for that image only (``DecodeError``) and never
    stored, so asking again reads again.
    """

    def __init__(
        self,
        paths: Sequence[str],
        loader: Loader = load_image,
        plan: ReadAheadPlan = ReadAheadPlan(),
        workers: int = 2,
        max_images: int = DEFAULT_MAX_COUNT,
        max_bytes: int = DEFAULT_MAX_COST,
    ) -> None:
        fitted = plan.fitted_to(max_images)
        self._images: Prefetch[LoadedFile] = Prefetch(
            list(paths), loader, ahead=fitted.ahead, behind=fitted.behind, workers=workers,
            max_items=max_images, max_bytes=max_bytes, cost=_cost,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self._images)

    def __iter__(self) -> Iterator[LoadedFile]:
        return (item.value for item in self._images)

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def loads_started(self) -> int:
        return self._images.stats.loads

    def get(self, index: int) -> LoadedFile:
        """The loaded image at ``index``, waiting only for that image.

        Raises:
            DecodeError: the image cannot be read or decoded.
            IndexError: ``index`` is out of range.
        """
        if not 0 <= index < len(self._images):
            raise IndexError(f"index {index} out of range 0..{len(self._images) - 1}")
        return self._images[index].value

    def cached(self, index: int) -> bool:
        """Whether ``index`` is in the store now (for tests and progress displays)."""
        return self._images.cached(index)

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until no load is pending; True if that happened within ``timeout`` seconds."""
        return self._images.settle(timeout)

    def close(self) -> None:
        """Stop reading ahead; returns at once (no read under way is waited on)."""
        self._images.close()
