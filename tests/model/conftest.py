from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeLoader
from viewer.core.readahead import ReadAheadPlan
from viewer.model.prefetch_model import PrefetchModel

PATHS = [f"/share/{n}.jpg" for n in range(1, 21)]


@pytest.fixture
def loader() -> FakeLoader:
    return FakeLoader()


@pytest.fixture
def make_model(qtbot: object, loader: FakeLoader) -> Iterator[object]:
    """Build models over PATHS; each one's pool is released and drained after the test."""
    models: list[PrefetchModel] = []

    def make(plan: ReadAheadPlan = ReadAheadPlan(1, 1), **options: object) -> PrefetchModel:
        model = PrefetchModel(loader, plan=plan, **options)  # type: ignore[arg-type]
        model.set_paths(PATHS)
        models.append(model)
        return model

    yield make
    loader.release_all()
    for model in models:
        model.shutdown(wait=True)
