"""What one request event adds to the figures.

Counts go to the day the event happened. Spans between two events of one request (submission to
the first acknowledgement; completion to delivery) need the earlier time: a small per-request
:class:`RequestClock` keeps the times seen so far and the ids of the events already counted. A span
is in the histogram exactly when both of its ends are known, on the day it ended; if an earlier end
arrives late (events are delivered in any order, and more than once), the span recorded before is
taken back in the same change. So applying a request's events in any order, any number of times,
gives the same figures.

The time to the first acknowledgement is working time (the region's business calendar: a file filed
on Thursday afternoon and acknowledged on Sunday morning waited a few office hours, not three days);
the time from completion to delivery is the citizen's, in clock time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from functions.domain.figures import Counter, Duration, FigureDelta, FigureKey, merge_deltas, observation
from functions.domain.madinah_time import business_day
from functions.domain.request_event import RequestEvent
from functions.domain.working_time import WorkingCalendar

__all__ = ["DELIVERY_TARGET", "FigureChange", "RequestClock", "figures_of_event"]

DELIVERY_TARGET = timedelta(days=3)
"""A finished transaction should reach the citizen within 3 days of coming back to the centre."""

_CENTRE_COUNTS: dict[str, Counter] = {
    "SUBMITTED": Counter.SUBMITTED,
    "RETURNED": Counter.RETURNED,
    "REJECTED": Counter.REJECTED,
    "CANCELLED": Counter.CANCELLED,
    "COMPLETED_AT_CENTRE": Counter.COMPLETED,
    "DELIVERED": Counter.DELIVERED,
    "EXPIRED": Counter.EXPIRED,
}
_AGENCY_COUNTS: dict[str, Counter] = {
    "FORWARDED": Counter.FORWARDED,
    "RECEIVED": Counter.RECEIVED,
    "COMPLETED": Counter.STEPS_COMPLETED,
    "RETURNED": Counter.RETURNED,
    "REJECTED": Counter.REJECTED,
}


@dataclass(frozen=True)
class RequestClock:
    """The times one request's figures depend on, and the events already counted."""

    request_id: str
    centre_id: str = ""
    submitted_at: datetime | None = None
    first_acknowledged_at: datetime | None = None
    completed_at: datetime | None = None
    delivered_at: datetime | None = None
    applied: frozenset[str] = frozenset()
    version: int = 0
    """0: not stored yet."""

    @property
    def awaiting_delivery_since(self) -> datetime | None:
        """Back at the centre and not yet handed over: since when."""
        return self.completed_at if self.completed_at and not self.delivered_at else None


@dataclass(frozen=True)
class FigureChange:
    clock: RequestClock
    deltas: tuple[FigureDelta, ...]


def figures_of_event(event: RequestEvent, clock: RequestClock, working: WorkingCalendar) -> FigureChange | None:
    """The new clock and the counters to add; None when the event was counted already or adds nothing."""
    if event.event_id in clock.applied:
        return None
    centre, region = FigureKey.centre(event.centre_id), FigureKey.region()
    day = business_day(event.at)
    deltas: list[FigureDelta] = []

    def count(counts: dict[str, int], *keys: FigureKey) -> None:
        deltas.extend(FigureDelta(key, day, counts) for key in keys)

    kind = event.kind
    if kind in _CENTRE_COUNTS:
        count({_CENTRE_COUNTS[kind].value: 1}, centre, region)
    if kind in _AGENCY_COUNTS and event.agency_code:
        count({_AGENCY_COUNTS[kind].value: 1}, FigureKey.agency(event.agency_code))
    if kind == "SUBMITTED":
        count(_fees(event), centre, region)
    if kind == "CANCELLED" and event.amount_halalas:
        count({Counter.REFUNDED_HALALAS.value: event.amount_halalas}, centre, region)
    updated = _advance(clock, event)
    deltas.extend(_span_changes(clock, updated, working, (centre, region)))
    if not deltas and replace(updated, centre_id=clock.centre_id) == clock:
        return None  # nothing to count and no milestone: not worth a write
    return FigureChange(replace(updated, applied=clock.applied | {event.event_id}), merge_deltas(deltas))


def _fees(event: RequestEvent) -> dict[str, int]:
    collected = event.amount_halalas or 0
    counts = {Counter.COLLECTED_HALALAS.value: collected}
    known = event.fee_halalas is not None and event.posted_charge_halalas is not None
    if known and collected - (event.fee_halalas or 0) != event.posted_charge_halalas:
        counts[Counter.OFF_RATE.value] = 1
    return counts


def _advance(clock: RequestClock, event: RequestEvent) -> RequestClock:
    """The clock with this event's time, keeping the earliest of each milestone."""
    at = event.at
    updated = replace(clock, centre_id=clock.centre_id or event.centre_id)
    if event.kind == "SUBMITTED":
        updated = replace(updated, submitted_at=_earliest(clock.submitted_at, at))
    elif event.kind == "RECEIVED":
        updated = replace(updated, first_acknowledged_at=_earliest(clock.first_acknowledged_at, at))
    elif event.kind == "COMPLETED_AT_CENTRE":
        updated = replace(updated, completed_at=_earliest(clock.completed_at, at))
    elif event.kind == "DELIVERED":
        updated = replace(updated, delivered_at=_earliest(clock.delivered_at, at))
    return updated


def _earliest(known: datetime | None, at: datetime) -> datetime:
    return at if known is None or at < known else known


def _span_changes(
    old: RequestClock, new: RequestClock, working: WorkingCalendar, keys: tuple[FigureKey, ...]
) -> list[FigureDelta]:
    spans = (
        (
            Duration.ACKNOWLEDGEMENT,
            (old.submitted_at, old.first_acknowledged_at),
            (new.submitted_at, new.first_acknowledged_at),
        ),
        (Duration.DELIVERY, (old.completed_at, old.delivered_at), (new.completed_at, new.delivered_at)),
    )
    deltas: list[FigureDelta] = []
    for duration, before, after in spans:
        if before == after:
            continue
        for (start, end), sign in ((before, -1), (after, 1)):
            if start is None or end is None:
                continue
            span = working.between(start, end) if duration is Duration.ACKNOWLEDGEMENT else end - start
            counts = observation(duration, span.total_seconds(), sign)
            if duration is Duration.DELIVERY and end - start > DELIVERY_TARGET:
                counts[Counter.DELIVERED_LATE.value] = sign
            deltas.extend(FigureDelta(key, business_day(end), counts) for key in keys)
    return deltas
