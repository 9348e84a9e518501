"""Shared fixtures: language reset, the repository's data folder, a CLI runner."""

from __future__ import annotations

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
