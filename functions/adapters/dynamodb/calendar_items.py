"""The business calendar in the main table: one item (``CALENDAR#REGION`` / ``CALENDAR``) holding the
region's week, hours, holidays, closures and agency overrides as JSON, versioned for optimistic locking."""

from __future__ import annotations

from datetime import date
from typing import Any

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.business_calendar import (
    AgencyHours,
    BusinessCalendar,
    DailyHours,
    FixedHoliday,
    HijriHoliday,
    WorkingPattern,
)
from functions.domain.calendar_dates import Weekday
from functions.domain.catalogue import LocalizedText

__all__ = ["CALENDAR_KEY", "CALENDAR_SORT", "BusinessCalendarItem"]

CALENDAR_KEY = "CALENDAR#REGION"
CALENDAR_SORT = "CALENDAR"


class BusinessCalendarItem(MainTableItem):
    definition = JSONAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    updated_by = UnicodeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, calendar: BusinessCalendar) -> BusinessCalendarItem:
        item = cls(
            pk=CALENDAR_KEY,
            sk=CALENDAR_SORT,
            definition={
                "region": _pattern(calendar.region),
                "hijriHolidays": [_holiday(h) for h in calendar.hijri_holidays],
                "fixedHolidays": [_holiday(h) for h in calendar.fixed_holidays],
                "closures": [day.isoformat() for day in calendar.closures],
                "agencies": [_override(a) for a in calendar.agencies],
            },
            updated_at=calendar.updated_at,
            updated_by=calendar.updated_by,
        )
        if calendar.version:  # the version read: written only if still there (absent: the first one)
            item.version = calendar.version
        return item

    def to_domain(self) -> BusinessCalendar:
        body: dict[str, Any] = self.definition
        return BusinessCalendar(
            region=_read_pattern(body["region"]),
            hijri_holidays=tuple(HijriHoliday(**_read_holiday(h)) for h in body["hijriHolidays"]),
            fixed_holidays=tuple(FixedHoliday(**_read_holiday(h)) for h in body["fixedHolidays"]),
            closures=tuple(date.fromisoformat(day) for day in body["closures"]),
            agencies=tuple(_read_override(a) for a in body["agencies"]),
            updated_at=self.updated_at,
            updated_by=self.updated_by,
            version=int(self.version or 0),
        )


def _hours(hours: DailyHours | None) -> list[int] | None:
    return [hours.opens, hours.closes] if hours else None


def _read_hours(value: list[int] | None) -> DailyHours | None:
    return DailyHours(int(value[0]), int(value[1])) if value else None


def _pattern(pattern: WorkingPattern) -> dict[str, Any]:
    return {"week": list(pattern.week), "hours": _hours(pattern.hours), "ramadanHours": _hours(pattern.ramadan_hours)}


def _read_pattern(value: dict[str, Any]) -> WorkingPattern:
    hours, ramadan = _read_hours(value["hours"]), _read_hours(value["ramadanHours"])
    if hours is None or ramadan is None:
        raise ValueError("a stored calendar's region has both its hours")
    return WorkingPattern(week=tuple(Weekday(day) for day in value["week"]), hours=hours, ramadan_hours=ramadan)


def _holiday(holiday: HijriHoliday | FixedHoliday) -> dict[str, Any]:
    return {
        "name": {"ar": holiday.name.ar, "en": holiday.name.en},
        "month": holiday.month,
        "day": holiday.day,
        "days": holiday.days,
    }


def _read_holiday(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": LocalizedText(**value["name"]),
        "month": int(value["month"]),
        "day": int(value["day"]),
        "days": int(value["days"]),
    }


def _override(override: AgencyHours) -> dict[str, Any]:
    return {
        "agencyCode": override.agency_code,
        "week": list(override.week) if override.week else None,
        "hours": _hours(override.hours),
        "ramadanHours": _hours(override.ramadan_hours),
    }


def _read_override(value: dict[str, Any]) -> AgencyHours:
    return AgencyHours(
        agency_code=value["agencyCode"],
        week=tuple(Weekday(day) for day in value["week"]) if value["week"] else None,
        hours=_read_hours(value["hours"]),
        ramadan_hours=_read_hours(value["ramadanHours"]),
    )
