"""The business calendar as staff read it: the region's week and hours, holidays, closures, agency
overrides, and any agency's opening hours day by day (docs/time.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.enums.calendar_dates import DateCalendar, Weekday
from functions.api.types.localized_text import LocalizedTextType
from functions.api.types.time import FIRST_DAY, LAST_DAY, CalendarDateType, MadinahTimeType, madinah
from functions.domain.business_calendar import (
    AgencyHours,
    BusinessCalendar,
    DailyHours,
    FixedHoliday,
    HijriHoliday,
    WorkingPattern,
)
from functions.domain.working_time import DayHours

__all__ = ["BusinessCalendarType"]


@strawberry.type(name="OfficeHours", description="Opening and closing on Madinah's wall clock (HH:MM, up to 24:00).")
class OfficeHoursType:
    opens: str
    closes: str

    @classmethod
    def of(cls, hours: DailyHours) -> OfficeHoursType:
        return cls(opens=hours.opens_text, closes=hours.closes_text)


@strawberry.type(name="WorkingPattern", description="The working days of the week and the office hours.")
class WorkingPatternType:
    week: list[Weekday]
    hours: OfficeHoursType
    ramadan_hours: OfficeHoursType = strawberry.field(description="On the days of Ramadan (Umm al-Qura month 9).")

    @classmethod
    def of(cls, pattern: WorkingPattern) -> WorkingPatternType:
        return cls(
            week=list(pattern.week),
            hours=OfficeHoursType.of(pattern.hours),
            ramadan_hours=OfficeHoursType.of(pattern.ramadan_hours),
        )


@strawberry.type(
    name="Holiday",
    description="Closed `days` days from (`month`, `day`) each year, in the calendar named: "
    "the Eids in the Umm al-Qura Hijri calendar, the national days in the Gregorian one.",
)
class HolidayType:
    name: LocalizedTextType
    calendar: DateCalendar
    month: int
    day: int
    days: int

    @classmethod
    def of(cls, holiday: HijriHoliday | FixedHoliday) -> HolidayType:
        return cls(
            name=LocalizedTextType.of(holiday.name),
            calendar=DateCalendar.HIJRI if isinstance(holiday, HijriHoliday) else DateCalendar.GREGORIAN,
            month=holiday.month,
            day=holiday.day,
            days=holiday.days,
        )


@strawberry.type(name="AgencyHours", description="An agency's own week or hours; null keeps the region's.")
class AgencyHoursType:
    agency_code: str
    week: list[Weekday] | None
    hours: OfficeHoursType | None
    ramadan_hours: OfficeHoursType | None

    @classmethod
    def of(cls, override: AgencyHours) -> AgencyHoursType:
        return cls(
            agency_code=override.agency_code,
            week=list(override.week) if override.week else None,
            hours=OfficeHoursType.of(override.hours) if override.hours else None,
            ramadan_hours=OfficeHoursType.of(override.ramadan_hours) if override.ramadan_hours else None,
        )


@strawberry.type(name="OpeningDay", description="One day of an agency's calendar: its office hours, or closed.")
class OpeningDayType:
    day: CalendarDateType
    hours: OfficeHoursType | None = strawberry.field(description="Null: closed (weekend, holiday or closure).")
    ramadan: bool
    holiday: LocalizedTextType | None = strawberry.field(description="The holiday or closure it is closed for.")

    @classmethod
    def of(cls, day: DayHours) -> OpeningDayType:
        return cls(
            day=CalendarDateType.of(day.day),
            hours=OfficeHoursType.of(day.hours) if day.hours else None,
            ramadan=day.ramadan,
            holiday=LocalizedTextType.of(day.holiday) if day.holiday else None,
        )


@strawberry.type(
    name="BusinessCalendar",
    description="When agencies work: every SLA of the catalogue counts in these working hours. An edit applies "
    "to the waits that start after it; a step already waiting keeps its due time.",
)
class BusinessCalendarType:
    region: WorkingPatternType
    holidays: list[HolidayType]
    closures: list[CalendarDateType] = strawberry.field(description="One-off closed days, announced during the year.")
    agencies: list[AgencyHoursType]
    updated_at: datetime | None
    updated_by: str | None
    version: int = strawberry.field(description="0 while the standard Saudi government calendar applies.")

    @strawberry.field(description="When it was last changed, on Madinah's wall clock.")
    def updated_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.updated_at)

    @strawberry.field(description="An agency's (or, without one, the region's) days: hours or why closed; 62 at most.")
    def opening_hours(
        self,
        info: Info[GraphQLContext, None],
        from_: Annotated[date, strawberry.argument(name="from", description=FIRST_DAY)],
        to: Annotated[date, strawberry.argument(description=LAST_DAY)],
        agency_code: str | None = None,
    ) -> list[OpeningDayType]:
        days = info.context.use_cases.business_calendars.opening_hours(agency_code, from_, to)
        return [OpeningDayType.of(day) for day in days]

    @classmethod
    def of(cls, calendar: BusinessCalendar) -> BusinessCalendarType:
        return cls(
            region=WorkingPatternType.of(calendar.region),
            holidays=[
                *(HolidayType.of(h) for h in calendar.hijri_holidays),
                *(HolidayType.of(h) for h in calendar.fixed_holidays),
            ],
            closures=[CalendarDateType.of(day) for day in calendar.closures],
            agencies=[AgencyHoursType.of(a) for a in calendar.agencies],
            updated_at=calendar.updated_at,
            updated_by=calendar.updated_by,
            version=calendar.version,
        )
