"""The business calendar on DynamoDB (moto): one item read back whole, edits versioned and audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from functions.bootstrap import Container
from functions.domain.audit import Outcome, target
from functions.domain.business_calendar import STANDARD_CALENDAR, AgencyHours, DailyHours
from functions.domain.calendar_dates import Weekday
from functions.domain.errors import Conflict
from functions.local.seeding import madinah_calendar, seed_calendar
from functions.services.caller import SYSTEM


def test_nothing_stored_means_the_standard_calendar(container: Container) -> None:
    assert container.adapters.business_calendar_repository.get_calendar() is None
    assert container.use_cases.service_levels.calendar() == STANDARD_CALENDAR


def test_the_seeded_calendar_reads_back_whole(container: Container) -> None:
    stored = seed_calendar(container.use_cases.business_calendars)
    read = container.adapters.business_calendar_repository.get_calendar()
    assert read is not None
    assert replace(read, updated_at=None) == replace(stored, updated_at=None)
    assert read.updated_at is not None
    assert read == replace(madinah_calendar(), updated_at=read.updated_at, updated_by="system", version=read.version)
    assert read.pattern_of("PASSPORTS").hours == DailyHours(8 * 60, 16 * 60)


def test_an_edit_from_a_stale_version_is_refused(container: Container) -> None:
    repository = container.adapters.business_calendar_repository
    current = repository.get_calendar() or STANDARD_CALENDAR
    edited = replace(
        current,
        closures=(date(2026, 12, 31),),
        agencies=(AgencyHours("TRAFFIC", week=(Weekday.SUN, Weekday.MON)),),
    )
    audit = container.use_cases.auditor.record(
        SYSTEM, "defineBusinessCalendar", target("calendar", "region"), Outcome.ALLOWED
    )
    stored = repository.put_calendar(edited, audit)
    assert stored.version == current.version + 1
    again = repository.get_calendar()
    assert again is not None
    assert (again.closures, again.agencies, again.version) == (edited.closures, edited.agencies, stored.version)
    late = container.use_cases.auditor.record(
        SYSTEM, "defineBusinessCalendar", target("calendar", "region"), Outcome.ALLOWED
    )
    with pytest.raises(Conflict):
        repository.put_calendar(edited, late)  # read at the version before the edit above
