"""Working time: service levels counted in an agency's office hours, never in clock hours.

``WorkingCalendar.add(start, 4 h)`` is the instant at which 4 hours of the agency's office hours have
passed since ``start``: a file forwarded on Thursday at 13:00 with hours to 14:30 has 1.5 hours on
Thursday, none on Friday and Saturday, and is due on Sunday at 10:00. Holidays and closures count as
closed days; Ramadan days (the Umm al-Qura month 9) keep the Ramadan hours. A due time therefore always
falls inside an open day's hours (or at their close), so no wait lapses on a closed day.

Working-time arithmetic has no library that knows the Umm al-Qura holidays and per-agency hours, so it
is written here (``docs/time.md``); the Hijri days come from ``hijridate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from functions.domain.business_calendar import BusinessCalendar, DailyHours, WorkingPattern
from functions.domain.calendar_dates import HijriDay, Weekday, hijri_day_of
from functions.domain.catalogue import LocalizedText
from functions.domain.madinah_time import MADINAH, business_day

__all__ = ["RAMADAN", "DayHours", "WorkingCalendar"]

RAMADAN = 9
"""The Hijri month of the Ramadan hours."""
_HORIZON_DAYS = 20 * 366
"""A working-time sum that finds no open hour in 20 years is a broken calendar, not a long wait."""
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayHours:
    """One day of an agency's calendar: its hours, or why it is closed."""

    day: date
    hours: DailyHours | None
    ramadan: bool
    holiday: LocalizedText | None = None
    """The holiday or closure it is closed for (None on a weekly day off or an open day)."""


@dataclass(frozen=True)
class WorkingCalendar:
    """One agency's working time: the region's calendar with the agency's own week and hours."""

    calendar: BusinessCalendar
    pattern: WorkingPattern

    @classmethod
    def of(cls, calendar: BusinessCalendar, agency_code: str | None = None) -> WorkingCalendar:
        return cls(calendar, calendar.pattern_of(agency_code))

    def day(self, day: date) -> DayHours:
        hijri = hijri_day_of(day)
        ramadan = hijri is not None and hijri.month == RAMADAN
        holiday = self._holiday(day, hijri)
        if holiday is not None:
            return DayHours(day, None, ramadan, holiday)
        if Weekday.of(day) not in self.pattern.week:
            return DayHours(day, None, ramadan)
        return DayHours(day, self.pattern.ramadan_hours if ramadan else self.pattern.hours, ramadan)

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The instant ``duration`` of working time after ``start`` (in UTC); the first open instant at
        or after ``start`` for a zero duration."""
        remaining = duration
        day = business_day(start)
        for _ in range(_HORIZON_DAYS):
            window = self._window(day)
            if window is not None:
                begin, end = max(start, window[0]), window[1]
                if begin < end:
                    if remaining <= end - begin:
                        return (begin + remaining).astimezone(UTC)
                    remaining -= end - begin
            day += _DAY
        raise ValueError("the calendar has no working hours within 20 years")

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time from ``start`` to ``end`` (zero when ``end`` is not after ``start``)."""
        total = timedelta()
        if end <= start:
            return total
        day = business_day(start)
        while day <= business_day(end):
            window = self._window(day)
            if window is not None:
                overlap = min(end, window[1]) - max(start, window[0])
                total += max(overlap, timedelta())
            day += _DAY
        return total

    def _window(self, day: date) -> tuple[datetime, datetime] | None:
        hours = self.day(day).hours
        if hours is None:
            return None
        midnight = datetime.combine(day, time(0), MADINAH)  # Asia/Riyadh keeps no daylight saving
        return midnight + timedelta(minutes=hours.opens), midnight + timedelta(minutes=hours.closes)

    def _holiday(self, day: date, hijri: HijriDay | None) -> LocalizedText | None:
        """The closure or holiday ``day`` falls in (a holiday may have begun in the year before)."""
        if day in self.calendar.closures:
            return _CLOSURE
        spans = [
            (fixed.name, _gregorian_start(year, fixed.month, fixed.day), fixed.days)
            for fixed in self.calendar.fixed_holidays
            for year in (day.year, day.year - 1)
        ]
        if hijri is not None:
            spans += [
                (holiday.name, _hijri_start(year, holiday.month, holiday.day), holiday.days)
                for holiday in self.calendar.hijri_holidays
                for year in (hijri.year, hijri.year - 1)
            ]
        return next((name for name, first, days in spans if first and first <= day < first + days * _DAY), None)


_CLOSURE = LocalizedText(ar="إغلاق معلن", en="Announced closure")


def _gregorian_start(year: int, month: int, day: int) -> date | None:
    """29 February exists only in leap years; in others the holiday is not kept."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _hijri_start(year: int, month: int, day: int) -> date | None:
    """A holiday set on the 30th of a 29-day month starts on its last day; outside the tables, none."""
    try:
        return HijriDay(year, month, min(day, HijriDay.month_length(year, month))).to_gregorian()
    except (ValueError, OverflowError):
        return None
