"""Business calendars for tests that watch SLAs lapse in seconds (``SLA_SECONDS_PER_HOUR=1``) at any
hour of any day: open round the clock, every day, no holiday."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from functions.domain.business_calendar import BusinessCalendar, DailyHours, FixedHoliday, HijriHoliday, WorkingPattern
from functions.domain.calendar_dates import Weekday

__all__ = ["ROUND_THE_CLOCK", "calendar_input", "closed_for"]

_ALWAYS = DailyHours(0, 24 * 60)
ROUND_THE_CLOCK = BusinessCalendar(WorkingPattern(tuple(Weekday), _ALWAYS, _ALWAYS))


def closed_for(first: date, days: int) -> BusinessCalendar:
    """Round the clock, except ``days`` closed days from ``first`` (announced closures)."""
    return BusinessCalendar(ROUND_THE_CLOCK.region, closures=tuple(first + timedelta(days=n) for n in range(days)))


def calendar_input(calendar: BusinessCalendar) -> dict[str, Any]:
    """The ``BusinessCalendarInput`` of a calendar, as an administrator's screen would send it."""

    def hours(value: DailyHours | None) -> dict[str, str] | None:
        return {"opens": value.opens_text, "closes": value.closes_text} if value else None

    def holiday(value: HijriHoliday | FixedHoliday) -> dict[str, Any]:
        name = {"ar": value.name.ar, "en": value.name.en}
        return {"name": name, "month": value.month, "day": value.day, "days": value.days}

    region = calendar.region
    return {
        "region": {
            "week": [day.value for day in region.week],
            "hours": hours(region.hours),
            "ramadanHours": hours(region.ramadan_hours),
        },
        "hijriHolidays": [holiday(h) for h in calendar.hijri_holidays],
        "gregorianHolidays": [holiday(h) for h in calendar.fixed_holidays],
        "closures": [day.isoformat() for day in calendar.closures],
        "agencies": [
            {
                "agencyCode": a.agency_code,
                "week": [day.value for day in a.week] if a.week else None,
                "hours": hours(a.hours),
                "ramadanHours": hours(a.ramadan_hours),
            }
            for a in calendar.agencies
        ],
    }
