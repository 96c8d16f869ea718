"""TIME-02: service levels in working hours from the business calendar (Sunday-Thursday, office and
Ramadan hours, the Eids from the Umm al-Qura calendar, the national days, agency overrides)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from functions.domain.business_calendar import STANDARD_CALENDAR, AgencyHours, DailyHours
from functions.domain.calendar_dates import Weekday
from functions.domain.madinah_time import MADINAH, business_day
from functions.domain.working_time import WorkingCalendar

STANDARD = WorkingCalendar.of(STANDARD_CALENDAR)
HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)


def madinah(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """An instant given on Madinah's wall clock, as UTC (what the clock and the stores hold)."""
    return datetime(year, month, day, hour, minute, tzinfo=MADINAH).astimezone(UTC)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        # Thursday 13:00 + 4 h: 1.5 h on Thursday, Friday and Saturday off, 2.5 h from 07:30 on Sunday
        (madinah(2026, 12, 3, 13), 4, madinah(2026, 12, 6, 10)),
        # inside one day
        (madinah(2026, 12, 6, 9), 2, madinah(2026, 12, 6, 11)),
        # before opening: the clock starts at 07:30
        (madinah(2026, 12, 6, 5), 1, madinah(2026, 12, 6, 8, 30)),
        # on a Friday: nothing counts until Sunday
        (madinah(2026, 12, 4, 10), 1, madinah(2026, 12, 6, 8, 30)),
        # due at the close is still due that day
        (madinah(2026, 12, 6, 12, 30), 2, madinah(2026, 12, 6, 14, 30)),
        # a 3-day (21 office hours) processing SLA from Sunday 07:30 ends at Tuesday's close
        (madinah(2026, 12, 6, 7, 30), 21, madinah(2026, 12, 8, 14, 30)),
    ],
)
def test_due_times_count_office_hours_only(start: datetime, hours: int, due: datetime) -> None:
    assert STANDARD.add(start, hours * HOUR) == due


def test_a_step_spanning_eid_al_adha_waits_for_the_offices_to_reopen() -> None:
    # 9 Dhu al-Hijjah 1447 (the Day of Arafah) is Tuesday 26 May 2026: closed Tuesday to Friday, then
    # Saturday is the weekend; Monday's 1.5 office hours, then Sunday 31 May from 07:30.
    monday = madinah(2026, 5, 25, 13)
    assert [STANDARD.day(date(2026, 5, d)).holiday for d in (25, 26, 29, 30)] == [
        None,
        STANDARD_CALENDAR.hijri_holidays[1].name,
        STANDARD_CALENDAR.hijri_holidays[1].name,
        None,
    ]
    assert STANDARD.add(monday, 4 * HOUR) == madinah(2026, 5, 31, 10)
    assert STANDARD.between(monday, madinah(2026, 5, 31, 10)) == 4 * HOUR


def test_eid_al_fitr_closes_the_first_four_days_of_shawwal() -> None:
    # 1 Shawwal 1447 is Friday 20 March 2026: closed to Monday 23 March, open again on Tuesday
    closed = [day for day in range(19, 26) if STANDARD.day(date(2026, 3, day)).hours is None]
    assert closed == [20, 21, 22, 23]  # Thursday 19 is the last day of Ramadan, open
    assert STANDARD.add(madinah(2026, 3, 19, 14), 2 * HOUR) == madinah(2026, 3, 24, 8, 30)


def test_a_ramadan_day_keeps_the_ramadan_hours() -> None:
    # Ramadan 1447 starts on Wednesday 18 February 2026: offices open 10:00 to 15:00
    wednesday = STANDARD.day(date(2026, 2, 18))
    assert wednesday.ramadan
    assert (wednesday.hours.opens_text, wednesday.hours.closes_text) == ("10:00", "15:00")  # type: ignore[union-attr]
    assert STANDARD.add(madinah(2026, 2, 18, 9), 2 * HOUR) == madinah(2026, 2, 18, 12)
    # Thursday 14:00 + 2 h: 1 h to 15:00; Sunday 22 February is Founding Day; Monday from 10:00
    assert STANDARD.add(madinah(2026, 2, 19, 14), 2 * HOUR) == madinah(2026, 2, 23, 11)


def test_national_day_is_closed_and_an_agency_may_keep_other_hours() -> None:
    assert STANDARD.day(date(2026, 9, 23)).hours is None
    passports = WorkingCalendar.of(
        replace(STANDARD_CALENDAR, agencies=(AgencyHours("PASSPORTS", hours=DailyHours(8 * 60, 16 * 60)),)),
        "PASSPORTS",
    )
    assert passports.add(madinah(2026, 12, 3, 13), 4 * HOUR) == madinah(2026, 12, 6, 9)  # 3 h Thursday, 1 h Sunday
    assert passports.day(date(2026, 9, 23)).hours is None  # the region's holidays hold for every agency


def test_a_one_off_closure_counts_as_a_holiday() -> None:
    closed = WorkingCalendar.of(replace(STANDARD_CALENDAR, closures=(date(2026, 12, 6),)))
    assert closed.day(date(2026, 12, 6)).holiday is not None
    assert closed.add(madinah(2026, 12, 3, 13), 4 * HOUR) == madinah(2026, 12, 7, 10)


INSTANTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda naive: naive.replace(tzinfo=UTC)
)
SLA_HOURS = st.integers(min_value=1, max_value=200)


@settings(max_examples=300, deadline=None)
@given(INSTANTS, SLA_HOURS)
def test_the_due_time_is_never_before_the_start_and_is_exactly_the_sla_in_working_time(
    start: datetime, hours: int
) -> None:
    due = STANDARD.add(start, hours * HOUR)
    assert due >= start
    assert STANDARD.between(start, due) == hours * HOUR


@settings(max_examples=300, deadline=None)
@given(INSTANTS, SLA_HOURS, SLA_HOURS)
def test_the_due_time_is_monotonic_in_the_sla(start: datetime, first: int, second: int) -> None:
    shorter, longer = sorted((first, second))
    assert STANDARD.add(start, shorter * HOUR) <= STANDARD.add(start, longer * HOUR)


@settings(max_examples=300, deadline=None)
@given(INSTANTS, SLA_HOURS)
def test_no_wait_lapses_on_a_closed_day(start: datetime, hours: int) -> None:
    """A breach is escalated when its wait lapses, at the due time: always inside an open day's hours."""
    due = STANDARD.add(start, hours * HOUR)
    day = STANDARD.day(business_day(due))
    assert day.hours is not None
    assert Weekday.of(day.day) not in {Weekday.FRI, Weekday.SAT}
    midnight = datetime.combine(day.day, time(0), MADINAH)
    assert midnight + day.hours.opens * MINUTE < due <= midnight + day.hours.closes * MINUTE
