"""Business calendars for tests that watch SLAs lapse in seconds (``SLA_SECONDS_PER_HOUR=1``) at any
hour of any day: open round the clock, every day, no holiday."""

from __future__ import annotations

from datetime import date, timedelta

from functions.domain.business_calendar import BusinessCalendar, DailyHours, WorkingPattern
from functions.domain.calendar_dates import Weekday

__all__ = ["ROUND_THE_CLOCK", "closed_for"]

_ALWAYS = DailyHours(0, 24 * 60)
ROUND_THE_CLOCK = BusinessCalendar(WorkingPattern(tuple(Weekday), _ALWAYS, _ALWAYS))


def closed_for(first: date, days: int) -> BusinessCalendar:
    """Round the clock, except ``days`` closed days from ``first`` (announced closures)."""
    return BusinessCalendar(ROUND_THE_CLOCK.region, closures=tuple(first + timedelta(days=n) for n in range(days)))
