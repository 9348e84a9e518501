"""Today's date where the programme runs, whatever the machine's time zone.

The only place that reads the clock; evaluation always receives ``as_of``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

TIME_ZONE = "Asia/Ho_Chi_Minh"


def vietnam_tz() -> tzinfo:
    """The IANA zone from the system or tzdata, else dateutil's bundled copy.

    Viet Nam has kept UTC+7 without daylight saving since 1975, so a fixed offset is
    a correct last resort on a machine with no zone database at all.
    """
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(TIME_ZONE)
    except (ImportError, LookupError, OSError):
        pass
    from dateutil import tz

    return tz.gettz(TIME_ZONE) or timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    """This moment in Asia/Ho_Chi_Minh (for the time a document was generated)."""
    return datetime.now(UTC).astimezone(vietnam_tz())


def today(now: datetime | None = None) -> date:
    """Today in Asia/Ho_Chi_Minh (``now`` is for tests: any aware datetime)."""
    moment = now or datetime.now(UTC)
    return moment.astimezone(vietnam_tz()).date()
