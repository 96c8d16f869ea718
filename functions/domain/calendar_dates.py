"""Days in the two calendars Saudi documents use: Gregorian and Umm al-Qura Hijri.

National ID cards print birth and expiry dates in the Hijri calendar; iqamas and passports may print
either. A person types a date as printed and *says* which calendar it is in (:class:`DateEntry`): the
calendar is never guessed from the year. It is kept as the Gregorian day plus the calendar it was
entered in (:class:`EnteredDate`), so every rule compares Gregorian days and the record can show the
date again as the card prints it.

The conversion is the ``hijridate`` library's (the Umm al-Qura tables of 1343-1500 AH, 1924-2077 CE): a
pure-Python table lookup with no I/O, which the domain may import as it imports ``zoneinfo``. The
plausible years of each calendar do not overlap, so a Hijri year marked Gregorian (``1412``) or a
Gregorian year marked Hijri (``2026``) is refused as a mix-up rather than read as a day 600 years away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from hijridate import Gregorian, Hijri
from hijridate.ummalqura import GREGORIAN_RANGE, HIJRI_RANGE

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.identity_numbers import ascii_digits

__all__ = [
    "GREGORIAN_YEARS",
    "HIJRI_YEARS",
    "DateCalendar",
    "DateEntry",
    "EnteredDate",
    "HijriDay",
    "Weekday",
    "hijri_day_of",
]

HIJRI_YEARS = range(HIJRI_RANGE[0][0], HIJRI_RANGE[1][0] + 1)
"""Hijri years a date may be entered in: those the Umm al-Qura tables cover (1343-1500 AH)."""
GREGORIAN_YEARS = range(1880, 2101)
"""Gregorian years a date may be entered in: anyone alive, any document still current. They share no
year with :data:`HIJRI_YEARS`, which is what makes a mix-up of the two calendars detectable."""
_FIRST_TABLE_DAY = date(*GREGORIAN_RANGE[0])
_LAST_TABLE_DAY = date(*GREGORIAN_RANGE[1])
_BY_ISO_WEEKDAY = {1: "MON", 2: "TUE", 3: "WED", 4: "THU", 5: "FRI", 6: "SAT", 7: "SUN"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class Weekday(StrEnum):
    """Days of the week, in the order of the Saudi week (Saturday first)."""

    SAT = "SAT"
    SUN = "SUN"
    MON = "MON"
    TUE = "TUE"
    WED = "WED"
    THU = "THU"
    FRI = "FRI"

    @classmethod
    def of(cls, day: date) -> Weekday:
        return cls(_BY_ISO_WEEKDAY[day.isoweekday()])


class DateCalendar(StrEnum):
    GREGORIAN = "GREGORIAN"
    HIJRI = "HIJRI"


@dataclass(frozen=True, order=True)
class HijriDay:
    """A day of the Umm al-Qura calendar."""

    year: int
    month: int
    day: int

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def month_name(self, language: Literal["ar", "en"]) -> str:
        return Hijri(self.year, self.month, self.day).month_name(language)

    def to_gregorian(self) -> date:
        return Hijri(self.year, self.month, self.day).to_gregorian()

    @staticmethod
    def month_length(year: int, month: int) -> int:
        return Hijri(year, month, 1).month_length()


def hijri_day_of(day: date) -> HijriDay | None:
    """The Hijri day of a Gregorian one; None outside the Umm al-Qura tables (before August 1924)."""
    if not _FIRST_TABLE_DAY <= day <= _LAST_TABLE_DAY:
        return None
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    return HijriDay(hijri.year, hijri.month, hijri.day)


@dataclass(frozen=True)
class EnteredDate:
    """A day as kept: the Gregorian day, and the calendar the person entered it in."""

    day: date
    calendar: DateCalendar = DateCalendar.GREGORIAN

    @property
    def hijri(self) -> HijriDay | None:
        return hijri_day_of(self.day)


@dataclass(frozen=True)
class DateEntry:
    """A date as typed (``YYYY-MM-DD``, Western or Eastern-Arabic digits) in the calendar the person named."""

    text: str
    calendar: DateCalendar

    @classmethod
    def gregorian(cls, day: date) -> DateEntry:
        return cls(day.isoformat(), DateCalendar.GREGORIAN)

    def read(self, field: str) -> EnteredDate:
        """The day it names, or a coded refusal naming ``field``: not a date (``DATE_INVALID``), a year
        of the other calendar (``DATE_CALENDAR_MISMATCH``), outside the years either covers
        (``DATE_OUT_OF_RANGE``)."""
        matched = _ISO_DAY.fullmatch(ascii_digits(self.text.strip()))
        if matched is None:
            raise ValidationFailed(ErrorCode.DATE_INVALID, field=field)
        year, month, day = (int(part) for part in matched.groups())
        own, other = (
            (HIJRI_YEARS, GREGORIAN_YEARS) if self.calendar is DateCalendar.HIJRI else (GREGORIAN_YEARS, HIJRI_YEARS)
        )
        if year in other:
            raise ValidationFailed(ErrorCode.DATE_CALENDAR_MISMATCH, field=field)
        if year not in own:
            raise ValidationFailed(ErrorCode.DATE_OUT_OF_RANGE, field=field)
        try:
            gregorian = (
                HijriDay(year, month, day).to_gregorian()
                if self.calendar is DateCalendar.HIJRI
                else date(year, month, day)
            )
        except (ValueError, OverflowError) as error:
            raise ValidationFailed(ErrorCode.DATE_INVALID, field=field) from error
        return EnteredDate(gregorian, self.calendar)
