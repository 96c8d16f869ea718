"""The region's business calendar, as data: when government agencies work.

The default week (Sunday to Thursday), office hours and the shorter Ramadan hours; official holidays,
either fixed in the Gregorian calendar (Founding Day, National Day) or set by the Umm al-Qura Hijri
calendar (the two Eids), a number of days each; one-off closures announced during the year; and
per-agency overrides of the week or the hours. An administrator edits it through the API; the working
time of every service level is read from it (:mod:`functions.domain.working_time`).

Hours are minutes after midnight on Madinah's wall clock, ``closes`` up to 24:00, so that a calendar
open round the clock can be written down (tests run SLAs in seconds with one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from functions.domain.calendar_dates import Weekday
from functions.domain.catalogue import LocalizedText, is_code
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = [
    "MAX_CLOSURES",
    "STANDARD_CALENDAR",
    "AgencyHours",
    "BusinessCalendar",
    "DailyHours",
    "FixedHoliday",
    "HijriHoliday",
    "WorkingPattern",
    "validate_calendar",
]

MAX_CLOSURES = 100
_MINUTES_PER_DAY = 24 * 60
_HOUR_TEXT = re.compile(r"^(\d{2}):(\d{2})$")
_MAX_HOLIDAY_DAYS = 30
_MONTHS = 12
_HIJRI_MONTH_MAX = 30
_GREGORIAN_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class DailyHours:
    """Office hours of one day, as minutes after midnight: ``opens`` < ``closes`` <= 24:00."""

    opens: int
    closes: int

    @classmethod
    def parse(cls, opens: str, closes: str, field: str) -> DailyHours:
        return cls(_minutes(opens, field), _minutes(closes, field))

    @property
    def opens_text(self) -> str:
        return _text(self.opens)

    @property
    def closes_text(self) -> str:
        return _text(self.closes)

    @property
    def valid(self) -> bool:
        return 0 <= self.opens < self.closes <= _MINUTES_PER_DAY


@dataclass(frozen=True)
class WorkingPattern:
    week: tuple[Weekday, ...]
    hours: DailyHours
    ramadan_hours: DailyHours


@dataclass(frozen=True)
class HijriHoliday:
    """``days`` days from (``month``, ``day``) of every Hijri year, e.g. Eid al-Fitr from 1 Shawwal."""

    name: LocalizedText
    month: int
    day: int
    days: int


@dataclass(frozen=True)
class FixedHoliday:
    """``days`` days from (``month``, ``day``) of every Gregorian year, e.g. National Day on 23 September."""

    name: LocalizedText
    month: int
    day: int
    days: int = 1


@dataclass(frozen=True)
class AgencyHours:
    """An agency that works another week or other hours than the region; None keeps the region's."""

    agency_code: str
    week: tuple[Weekday, ...] | None = None
    hours: DailyHours | None = None
    ramadan_hours: DailyHours | None = None

    def applied_to(self, pattern: WorkingPattern) -> WorkingPattern:
        return WorkingPattern(
            week=self.week or pattern.week,
            hours=self.hours or pattern.hours,
            ramadan_hours=self.ramadan_hours or pattern.ramadan_hours,
        )


@dataclass(frozen=True)
class BusinessCalendar:
    region: WorkingPattern
    hijri_holidays: tuple[HijriHoliday, ...] = ()
    fixed_holidays: tuple[FixedHoliday, ...] = ()
    closures: tuple[date, ...] = ()
    """One-off closed days (a holiday announced during the year)."""
    agencies: tuple[AgencyHours, ...] = ()
    updated_at: datetime | None = None
    updated_by: str | None = None
    version: int = 0
    """0: never stored."""

    def pattern_of(self, agency_code: str | None) -> WorkingPattern:
        override = next((a for a in self.agencies if a.agency_code == agency_code), None)
        return override.applied_to(self.region) if override else self.region

    def edited(self, by: str, at: datetime) -> BusinessCalendar:
        return replace(self, updated_by=by, updated_at=at)


def validate_calendar(calendar: BusinessCalendar, known_agencies: Iterable[str]) -> None:
    """A calendar agencies can work by: every week has a working day, every day's hours make sense,
    every holiday names a real day, and every override names a defined agency once."""
    _validate_pattern(calendar.region, "region")
    for hijri in calendar.hijri_holidays:
        _validate_holiday(hijri.name, hijri.days, 1 <= hijri.month <= _MONTHS and 1 <= hijri.day <= _HIJRI_MONTH_MAX)
    for holiday in calendar.fixed_holidays:
        month_ok = 1 <= holiday.month <= _MONTHS
        _validate_holiday(
            holiday.name, holiday.days, month_ok and 1 <= holiday.day <= _GREGORIAN_MONTH_DAYS[holiday.month - 1]
        )
    if len(calendar.closures) > MAX_CLOSURES or len(set(calendar.closures)) != len(calendar.closures):
        raise ValidationFailed(ErrorCode.CALENDAR_INVALID, field="closures")
    known = set(known_agencies)
    codes = [a.agency_code for a in calendar.agencies]
    if len(set(codes)) != len(codes):
        raise ValidationFailed(ErrorCode.CALENDAR_INVALID, field="agencies")
    for override in calendar.agencies:
        if not is_code(override.agency_code) or override.agency_code not in known:
            raise ValidationFailed(ErrorCode.ROUTE_UNKNOWN_AGENCY, field="agencies.agencyCode")
        _validate_pattern(override.applied_to(calendar.region), "agencies")


def _validate_pattern(pattern: WorkingPattern, field_name: str) -> None:
    if not pattern.week or len(set(pattern.week)) != len(pattern.week):
        raise ValidationFailed(ErrorCode.CALENDAR_INVALID, field=f"{field_name}.week")
    if not pattern.hours.valid or not pattern.ramadan_hours.valid:
        raise ValidationFailed(ErrorCode.WORKING_HOURS_INVALID, field=f"{field_name}.hours")


def _validate_holiday(name: LocalizedText, days: int, day_exists: bool) -> None:
    if not name.ar.strip() or not name.en.strip():
        raise ValidationFailed(ErrorCode.NAME_REQUIRED, field="holidays.name")
    if not day_exists or not 1 <= days <= _MAX_HOLIDAY_DAYS:
        raise ValidationFailed(ErrorCode.CALENDAR_INVALID, field="holidays")


def _minutes(text: str, field_name: str) -> int:
    matched = _HOUR_TEXT.fullmatch(text.strip())
    if matched is None:
        raise ValidationFailed(ErrorCode.WORKING_HOURS_INVALID, field=field_name)
    hours, minutes = int(matched.group(1)), int(matched.group(2))
    if minutes >= 60 or hours * 60 + minutes > _MINUTES_PER_DAY:  # noqa: PLR2004 (minutes in an hour)
        raise ValidationFailed(ErrorCode.WORKING_HOURS_INVALID, field=field_name)
    return hours * 60 + minutes


def _text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


STANDARD_CALENDAR = BusinessCalendar(
    region=WorkingPattern(
        week=(Weekday.SUN, Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU),
        hours=DailyHours(7 * 60 + 30, 14 * 60 + 30),
        ramadan_hours=DailyHours(10 * 60, 15 * 60),
    ),
    hijri_holidays=(
        HijriHoliday(LocalizedText(ar="عيد الفطر", en="Eid al-Fitr"), month=10, day=1, days=4),
        HijriHoliday(LocalizedText(ar="عيد الأضحى", en="Eid al-Adha"), month=12, day=9, days=4),
    ),
    fixed_holidays=(
        FixedHoliday(LocalizedText(ar="يوم التأسيس", en="Founding Day"), month=2, day=22),
        FixedHoliday(LocalizedText(ar="اليوم الوطني", en="National Day"), month=9, day=23),
    ),
)
"""The Saudi government's calendar, which applies until an administrator stores the region's own: Sunday
to Thursday, 07:30-14:30 (10:00-15:00 in Ramadan); Eid al-Fitr 1-4 Shawwal and Eid al-Adha from the Day
of Arafah, 9-12 Dhu al-Hijjah (four days each, as the Labour Law's regulations count them); Founding Day
(22 February) and National Day (23 September)."""
