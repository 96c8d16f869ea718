"""The business calendar: read by staff (with each agency's opening hours day by day), kept by
administrators (audited like the catalogue). An edit applies to the waits that start after it; a wait
already started keeps its due time (docs/time.md)."""

from __future__ import annotations

from datetime import date, timedelta

from functions.domain.audit import Outcome, target
from functions.domain.business_calendar import BusinessCalendar, validate_calendar
from functions.domain.errors import ErrorCode, NotFound, ValidationFailed
from functions.domain.policy import Operation
from functions.domain.working_time import DayHours
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.calendar_ports import BusinessCalendarRepository
from functions.services.caller import Caller
from functions.services.ports import CatalogueRepository, Clock
from functions.services.service_levels import ServiceLevels

__all__ = ["MAX_DAYS_LISTED", "BusinessCalendars"]

MAX_DAYS_LISTED = 62
_TARGET = target("calendar", "region")


class BusinessCalendars:
    def __init__(
        self,
        *,
        repository: BusinessCalendarRepository,
        levels: ServiceLevels,
        catalogue: CatalogueRepository,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
    ) -> None:
        self._repository = repository
        self._levels = levels
        self._catalogue = catalogue
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock

    def business_calendar(self, caller: Caller) -> BusinessCalendar:
        """The calendar in force: the stored one, or the standard one until an administrator stores one."""
        self._authorizer.authorize(caller, Operation.READ_BUSINESS_CALENDAR, _TARGET)
        return self._levels.calendar()

    def opening_hours(self, agency_code: str | None, first: date, last: date) -> list[DayHours]:
        """An agency's (or, without one, the region's) days from ``first`` to ``last``: hours or closure.
        Called on a calendar the caller was already allowed to read."""
        if last < first or (last - first).days >= MAX_DAYS_LISTED:
            raise ValidationFailed(ErrorCode.DATE_RANGE_INVALID, field="to")
        if agency_code is not None and self._catalogue.get_agency(agency_code) is None:
            raise NotFound(field="agencyCode")
        working = self._levels.working_calendar(agency_code)
        return [working.day(first + timedelta(days=n)) for n in range((last - first).days + 1)]

    def define_business_calendar(self, caller: Caller, calendar: BusinessCalendar) -> BusinessCalendar:
        self._authorizer.authorize(caller, Operation.DEFINE_BUSINESS_CALENDAR, _TARGET)
        known = self._catalogue.get_agencies([override.agency_code for override in calendar.agencies])
        validate_calendar(calendar, known.keys())
        current = self._repository.get_calendar()
        edited = BusinessCalendar(
            region=calendar.region,
            hijri_holidays=calendar.hijri_holidays,
            fixed_holidays=calendar.fixed_holidays,
            closures=tuple(sorted(calendar.closures)),
            agencies=calendar.agencies,
            version=current.version if current else 0,
        ).edited(caller.principal.user_id, self._clock.now())
        audit = self._auditor.record(
            caller,
            Operation.DEFINE_BUSINESS_CALENDAR.value,
            _TARGET,
            Outcome.ALLOWED,
            {"agencies": str(len(edited.agencies)), "closures": str(len(edited.closures))},
        )
        stored = self._repository.put_calendar(edited, audit)
        self._levels.forget_calendar()
        return stored
