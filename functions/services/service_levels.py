"""Due times of the hand-off waits, in working time from the business calendar.

Every wait of the state machine is bounded by a due time computed here, when the wait starts: receipt
and processing waits count the step's SLA in the agency's working hours (``WorkingCalendar.add``); the
centre's window to answer a return is 30 calendar days. The state machine gets each wait as
``{"dueAt", "waitSeconds"}`` (docs/requests.md): from the planning callback at the start of a receipt
wait, and in the output of the release that starts the next wait (acknowledgement, return).

A calendar edit applies to the waits that start after it; a wait already started keeps its due time
(it is stored with the hand-off, and the state machine's timeout was set when it began). Each instance
reads the calendar at most once a minute (:data:`CALENDAR_REFRESH`), so an edit reaches every wait that
starts a minute after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from functions.domain.business_calendar import STANDARD_CALENDAR, BusinessCalendar
from functions.domain.escalation import SlaPhase
from functions.domain.request import ServiceRequest
from functions.domain.working_time import WorkingCalendar
from functions.services.calendar_ports import BusinessCalendarRepository
from functions.services.ports import Clock

__all__ = ["CALENDAR_REFRESH", "RESUBMISSION_WINDOW", "ServiceLevels", "Wait"]

CALENDAR_REFRESH = timedelta(minutes=1)

RESUBMISSION_WINDOW = timedelta(days=30)
"""How long a centre has to answer a return for missing items (calendar days: the citizen's time)."""


@dataclass(frozen=True)
class Wait:
    """A wait of the state machine: when it is due, and the seconds its timeout runs from now."""

    due_at: datetime
    seconds: int

    def as_output(self) -> dict[str, str | int]:
        return {"dueAt": self.due_at.isoformat(), "waitSeconds": self.seconds}


class ServiceLevels:
    def __init__(self, *, calendars: BusinessCalendarRepository, clock: Clock, seconds_per_hour: int) -> None:
        self._calendars = calendars
        self._clock = clock
        self._seconds_per_hour = seconds_per_hour
        """3600 in production; tests shrink each SLA hour to a few seconds of working time."""
        self._read: tuple[datetime, BusinessCalendar] | None = None

    def calendar(self) -> BusinessCalendar:
        """The stored calendar (the standard one until an administrator stores one), read at most once a
        minute."""
        now = self._clock.now()
        if self._read is None or now - self._read[0] >= CALENDAR_REFRESH or now < self._read[0]:
            self._read = (now, self._calendars.get_calendar() or STANDARD_CALENDAR)
        return self._read[1]

    def forget_calendar(self) -> None:
        """Read it again at the next due time (after this instance's own edit)."""
        self._read = None

    def working_calendar(self, agency_code: str | None = None) -> WorkingCalendar:
        return WorkingCalendar.of(self.calendar(), agency_code)

    def due(self, request: ServiceRequest, stage: int, agency_code: str, phase: SlaPhase, start: datetime) -> datetime:
        """``start`` plus the step's SLA for ``phase``, counted in the agency's working hours."""
        receipt, processing = request.step_sla(stage, agency_code)
        sla = receipt if phase is SlaPhase.RECEIPT else processing
        return self.working_calendar(agency_code).add(start, self._scaled(sla))

    def wait_until(self, due_at: datetime) -> Wait:
        """The wait from now to ``due_at``: at least a second (a due time already past lapses at once)."""
        seconds = math.ceil((due_at - self._clock.now()).total_seconds())
        return Wait(due_at, max(1, seconds))

    def resubmission_due(self, returned_at: datetime) -> datetime:
        return returned_at + self._scaled(RESUBMISSION_WINDOW)

    def now(self) -> datetime:
        return self._clock.now()

    def _scaled(self, duration: timedelta) -> timedelta:
        return duration / 3600 * self._seconds_per_hour
