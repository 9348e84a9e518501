"""Today is today in Viet Nam, whatever the machine's time zone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from actionplan.clock import today
from conftest import DATA


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (datetime(2026, 12, 3, 16, 59, tzinfo=UTC), date(2026, 12, 3)),  # 23:59 in Hà Nội
        (datetime(2026, 12, 3, 17, 0, tzinfo=UTC), date(2026, 12, 4)),  # midnight in Hà Nội
        (datetime(2026, 12, 31, 20, 0, tzinfo=UTC), date(2027, 1, 1)),
    ],
)
def test_today_is_the_date_in_asia_ho_chi_minh(instant: datetime, expected: date) -> None:
    assert today(instant) == expected


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_default_as_of_ignores_the_machine_time_zone(zone: str) -> None:
    def vietnam_today() -> date:
        return (datetime.now(UTC) + timedelta(hours=7)).date()

    before = vietnam_today()
    done = subprocess.run(
        [sys.executable, "-m", "actionplan", "status", "--data", str(DATA), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": zone},
    )
    after = vietnam_today()
    assert json.loads(done.stdout)["as_of"] in {before.isoformat(), after.isoformat()}
