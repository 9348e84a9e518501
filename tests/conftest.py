"""Shared fixtures: language reset, the repository's data folder, a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from actionplan.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """Every test starts in Vietnamese (the default) and leaves it so."""
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def en() -> None:
    set_language("en")


# Hypothesis budgets: bounded in `make test`, long with `make fuzz`
# (HYPOTHESIS_PROFILE=long). Tests set no max_examples of their own.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
