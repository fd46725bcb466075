from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeClock, FakeLoader
from viewer.core.readahead.plan import ReadAheadPlan
from viewer.model.images.prefetch_model import PrefetchModel

PATHS = [f"/share/{n}.jpg" for n in range(1, 21)]


@pytest.fixture
def loader() -> FakeLoader:
    return FakeLoader()


@pytest.fixture
def make_model(qtbot: object, loader: FakeLoader) -> Iterator[object]:
    """Build models over PATHS with the ``loader`` fixture, or another given as ``loader=``.

    Their pools are drained after the test by ``drain_pools`` (tests/conftest.py).
    """

    def make(plan: ReadAheadPlan = ReadAheadPlan(1, 1), **options: object) -> PrefetchModel:
        # A clock that stands still: the user's pace never looks faster than the loads, so
        # tests see the plain policy however fast they call; pace tests bring their own.
        options.setdefault("clock", FakeClock())
        options.setdefault("loader", loader)
        model = PrefetchModel(plan=plan, **options)  # type: ignore[arg-type]
        model.set_paths(PATHS)
        return model

    yield make
