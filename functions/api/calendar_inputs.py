"""GraphQL input types for the business calendar (administrators, ``defineBusinessCalendar``)."""

from __future__ import annotations

from datetime import date

import strawberry

from functions.api.catalogue_inputs import LocalizedTextInput
from functions.api.types.enums import Weekday
from functions.api.types.time import MADINAH_DAY
from functions.domain.business_calendar import (
    AgencyHours,
    BusinessCalendar,
    DailyHours,
    FixedHoliday,
    HijriHoliday,
    WorkingPattern,
)

__all__ = ["BusinessCalendarInput"]


@strawberry.input(name="OfficeHoursInput", description="HH:MM on Madinah's wall clock; closes up to 24:00.")
class OfficeHoursInput:
    opens: str
    closes: str

    def to_domain(self, field: str) -> DailyHours:
        return DailyHours.parse(self.opens, self.closes, field)


@strawberry.input(name="WorkingPatternInput")
class WorkingPatternInput:
    week: list[Weekday]
    hours: OfficeHoursInput
    ramadan_hours: OfficeHoursInput

    def to_domain(self) -> WorkingPattern:
        return WorkingPattern(
            week=tuple(self.week),
            hours=self.hours.to_domain("region.hours"),
            ramadan_hours=self.ramadan_hours.to_domain("region.ramadanHours"),
        )


@strawberry.input(name="HolidayInput", description="`days` days from (`month`, `day`) every year.")
class HolidayInput:
    name: LocalizedTextInput
    month: int
    day: int
    days: int = 1


@strawberry.input(name="AgencyHoursInput", description="An agency's own week or hours; leave out what the region's is.")
class AgencyHoursInput:
    agency_code: str
    week: list[Weekday] | None = None
    hours: OfficeHoursInput | None = None
    ramadan_hours: OfficeHoursInput | None = None

    def to_domain(self) -> AgencyHours:
        return AgencyHours(
            agency_code=self.agency_code,
            week=tuple(self.week) if self.week else None,
            hours=self.hours.to_domain("agencies.hours") if self.hours else None,
            ramadan_hours=self.ramadan_hours.to_domain("agencies.ramadanHours") if self.ramadan_hours else None,
        )


@strawberry.input(
    name="BusinessCalendarInput",
    description="The whole calendar, replacing the one in force for the waits that start from now on.",
)
class BusinessCalendarInput:
    region: WorkingPatternInput
    hijri_holidays: list[HolidayInput] = strawberry.field(
        description="In the Umm al-Qura calendar, e.g. Eid al-Fitr: month 10, day 1, 4 days."
    )
    gregorian_holidays: list[HolidayInput] = strawberry.field(
        description="In the Gregorian calendar, e.g. National Day: month 9, day 23."
    )
    closures: list[date] = strawberry.field(default_factory=list, description=f"One-off closed days. {MADINAH_DAY}")
    agencies: list[AgencyHoursInput] = strawberry.field(default_factory=list)

    def to_domain(self) -> BusinessCalendar:
        return BusinessCalendar(
            region=self.region.to_domain(),
            hijri_holidays=tuple(HijriHoliday(h.name.to_domain(), h.month, h.day, h.days) for h in self.hijri_holidays),
            fixed_holidays=tuple(
                FixedHoliday(h.name.to_domain(), h.month, h.day, h.days) for h in self.gregorian_holidays
            ),
            closures=tuple(self.closures),
            agencies=tuple(a.to_domain() for a in self.agencies),
        )
