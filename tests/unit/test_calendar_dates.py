"""Dates typed as documents print them: Gregorian or Umm al-Qura Hijri, said explicitly, never guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.calendar_dates import (
    GREGORIAN_YEARS,
    HIJRI_YEARS,
    DateCalendar,
    DateEntry,
    EnteredDate,
    HijriDay,
    Weekday,
    hijri_day_of,
)
from functions.domain.errors import ErrorCode, ValidationFailed

HIJRI, GREGORIAN = DateCalendar.HIJRI, DateCalendar.GREGORIAN


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (DateEntry("1412-05-17", HIJRI), date(1991, 11, 23)),
        (DateEntry("1450-01-01", HIJRI), date(2028, 5, 25)),
        (DateEntry("١٤١٢-٠٥-١٧", HIJRI), date(1991, 11, 23)),
        (DateEntry(" 1991-11-23 ", GREGORIAN), date(1991, 11, 23)),
        (DateEntry("1343-01-01", HIJRI), date(1924, 8, 1)),
        (DateEntry("1500-12-30", HIJRI), date(2077, 11, 16)),
    ],
)
def test_a_date_is_read_in_the_calendar_it_is_marked_with(entry: DateEntry, expected: date) -> None:
    assert entry.read("birthDate") == EnteredDate(expected, entry.calendar)


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        (DateEntry("1447-02-30", HIJRI), ErrorCode.DATE_INVALID),  # Safar 1447 has 29 days
        (DateEntry("1447-13-01", HIJRI), ErrorCode.DATE_INVALID),
        (DateEntry("2026-02-29", GREGORIAN), ErrorCode.DATE_INVALID),
        (DateEntry("17-05-1412", HIJRI), ErrorCode.DATE_INVALID),
        (DateEntry("", GREGORIAN), ErrorCode.DATE_INVALID),
        (DateEntry("2026-01-01", HIJRI), ErrorCode.DATE_CALENDAR_MISMATCH),
        (DateEntry("1412-05-17", GREGORIAN), ErrorCode.DATE_CALENDAR_MISMATCH),
        (DateEntry("1342-12-29", HIJRI), ErrorCode.DATE_OUT_OF_RANGE),
        (DateEntry("1501-01-01", HIJRI), ErrorCode.DATE_OUT_OF_RANGE),
        (DateEntry("1879-12-31", GREGORIAN), ErrorCode.DATE_OUT_OF_RANGE),
        (DateEntry("2101-01-01", GREGORIAN), ErrorCode.DATE_OUT_OF_RANGE),
    ],
)
def test_a_date_that_is_not_one_is_refused_with_its_own_code_and_the_field(entry: DateEntry, code: ErrorCode) -> None:
    with pytest.raises(ValidationFailed) as refused:
        entry.read("identityCheck.expiresOn")
    assert refused.value.code is code
    assert refused.value.field == "identityCheck.expiresOn"


def test_the_plausible_years_of_the_two_calendars_do_not_overlap() -> None:
    assert not set(HIJRI_YEARS) & set(GREGORIAN_YEARS)
    assert (HIJRI_YEARS.start, HIJRI_YEARS.stop - 1) == (1343, 1500)  # the Umm al-Qura tables of hijridate


def test_the_30th_exists_only_in_30_day_months() -> None:
    assert HijriDay.month_length(1447, 2) == 29
    assert DateEntry("1447-01-30", HIJRI).read("d").day == HijriDay(1447, 1, 30).to_gregorian()


@given(st.dates(min_value=date(1924, 8, 1), max_value=date(2077, 11, 16)))
def test_every_day_in_the_tables_goes_to_hijri_and_back(day: date) -> None:
    hijri = hijri_day_of(day)
    assert hijri is not None
    assert DateEntry(hijri.iso, HIJRI).read("d").day == day


def test_days_outside_the_tables_have_no_hijri_day() -> None:
    assert hijri_day_of(date(1924, 7, 31)) is None
    assert hijri_day_of(date(2077, 11, 17)) is None
    assert hijri_day_of(date(1924, 8, 1)) == HijriDay(1343, 1, 1)


def test_hijri_days_print_as_cards_do_and_name_their_month() -> None:
    day = HijriDay(1412, 5, 17)
    assert day.iso == "1412-05-17"
    assert day.month_name("en") == "Jumada al-Ula"
    assert day.month_name("ar") == "جمادى الأولى"


def test_weekdays_follow_the_gregorian_day() -> None:
    assert Weekday.of(date(2026, 12, 3)) is Weekday.THU
    assert Weekday.of(date(2026, 12, 4)) is Weekday.FRI
    assert Weekday.of(date(2026, 12, 6)) is Weekday.SUN
