"""How the API answers a person about time: instants on Madinah's wall clock, days in both calendars.

Every ``DateTime`` of the schema is an instant with its offset; where a person reads one, a sibling
field named ``<field>Madinah`` (a :class:`MadinahTimeType`) gives the Madinah wall time and the day in
both calendars, and a date a person entered has a sibling ``<field>Calendars`` (a
:class:`CalendarDateType`), so that no client re-derives the zone or the Hijri day (docs/time.md).
"""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from functions.api.types.enums.calendar_dates import DateCalendar, Weekday
from functions.api.types.localized_text import LocalizedTextType
from functions.domain.calendar_dates import DateEntry, EnteredDate, HijriDay, hijri_day_of
from functions.domain.catalogue import LocalizedText
from functions.domain.madinah_time import wall_time

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MADINAH_DAY",
    "CalendarDateInput",
    "CalendarDateType",
    "HijriDateType",
    "MadinahTimeType",
    "madinah",
]

MADINAH_DAY = "A Madinah business day (Asia/Riyadh): the day on Madinah's wall clock, not UTC's."
FIRST_DAY = "The period's first Madinah business day (Asia/Riyadh), inclusive."
LAST_DAY = "The period's last Madinah business day (Asia/Riyadh), inclusive: figures are kept by the Madinah day."


@strawberry.type(name="HijriDate", description="A day of the Umm al-Qura Hijri calendar.")
class HijriDateType:
    year: int
    month: int
    day: int
    iso: str = strawberry.field(description="YYYY-MM-DD in the Hijri calendar (1412-05-17), as ID cards print it.")
    month_name: LocalizedTextType

    @classmethod
    def of(cls, day: HijriDay) -> HijriDateType:
        name = LocalizedText(ar=day.month_name("ar"), en=day.month_name("en"))
        return cls(year=day.year, month=day.month, day=day.day, iso=day.iso, month_name=LocalizedTextType.of(name))


@strawberry.type(name="CalendarDate", description="One day in both calendars: Gregorian and Umm al-Qura Hijri.")
class CalendarDateType:
    gregorian: date
    hijri: HijriDateType | None = strawberry.field(
        description="Null outside the Umm al-Qura tables (before 1 August 1924, after 16 November 2077)."
    )
    weekday: Weekday
    entered_in: DateCalendar | None = strawberry.field(
        description="The calendar a person entered this date in (as the document prints it); null for days the system set."
    )

    @classmethod
    def of(cls, day: date, entered_in: DateCalendar | None = None) -> CalendarDateType:
        hijri = hijri_day_of(day)
        return cls(
            gregorian=day,
            hijri=HijriDateType.of(hijri) if hijri else None,
            weekday=Weekday.of(day),
            entered_in=entered_in,
        )

    @classmethod
    def entered(cls, entered: EnteredDate) -> CalendarDateType:
        return cls.of(entered.day, entered.calendar)


@strawberry.type(
    name="MadinahTime",
    description="An instant as a person in Madinah reads it (Asia/Riyadh, UTC+3 all year): "
    "the wall time and the day in both calendars, e.g. due Sunday 09:40, 17 Jumada al-Ula.",
)
class MadinahTimeType:
    at: datetime = strawberry.field(description="The same instant, ISO 8601 with Madinah's offset (+03:00).")
    day: CalendarDateType = strawberry.field(description="The Madinah day: the business day of this instant.")
    time: str = strawberry.field(description="HH:MM on Madinah's wall clock.")

    @classmethod
    def of(cls, instant: datetime) -> MadinahTimeType:
        local = wall_time(instant)
        return cls(at=local, day=CalendarDateType.of(local.date()), time=local.strftime("%H:%M"))


def madinah(instant: datetime | None) -> MadinahTimeType | None:
    return MadinahTimeType.of(instant) if instant is not None else None


@strawberry.input(
    name="CalendarDateInput",
    description="A date as the document prints it, with the calendar it is printed in: "
    '{date: "1412-05-17", calendar: HIJRI} (national ID cards) or {date: "1991-11-23", calendar: GREGORIAN}. '
    "The calendar is never guessed: a Hijri year marked GREGORIAN, or the reverse, is refused (DATE_CALENDAR_MISMATCH). "
    "Accepted years: Hijri 1343-1500 (the Umm al-Qura tables), Gregorian 1880-2100; others are DATE_OUT_OF_RANGE.",
)
class CalendarDateInput:
    date: str = strawberry.field(description="YYYY-MM-DD (Western or Eastern-Arabic digits).")
    calendar: DateCalendar

    def to_entry(self) -> DateEntry:
        return DateEntry(self.date, self.calendar)
