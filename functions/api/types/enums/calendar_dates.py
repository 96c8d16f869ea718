"""The enums of days in both calendars and of the week (docs/time.md)."""

from __future__ import annotations

import strawberry

from functions.domain.calendar_dates import DateCalendar, Weekday

__all__ = ["DateCalendar", "Weekday"]

strawberry.enum(
    DateCalendar, name="DateCalendar", description="Gregorian, or Umm al-Qura Hijri (as ID cards print dates)."
)
strawberry.enum(Weekday, name="Weekday")
