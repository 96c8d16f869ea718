"""The figures consumer: each request event, counted once, into the day's aggregates.

Events come from the events topic (at least once, in any order). The per-request clock is read, the
change worked out (``figures_of_event``), and written in one transaction conditioned on the clock
not having moved; if another delivery got there first, read again and retry.
"""

from __future__ import annotations

from functions.domain.errors import Conflict, ErrorCode
from functions.domain.request_event import RequestEvent
from functions.domain.request_figures import RequestClock, figures_of_event
from functions.services.monitoring_ports import FigureStore
from functions.services.service_levels import ServiceLevels

__all__ = ["FigureRecording"]

_ATTEMPTS = 5


class FigureRecording:
    def __init__(self, store: FigureStore, levels: ServiceLevels) -> None:
        self._store = store
        self._levels = levels

    def record(self, event: RequestEvent) -> bool:
        """True when the event changed the figures; False when it was counted already or adds nothing."""
        working = self._levels.working_calendar()
        for _ in range(_ATTEMPTS):
            clock = self._store.get_clock(event.request_id) or RequestClock(event.request_id)
            change = figures_of_event(event, clock, working)
            if change is None:
                return False
            try:
                self._store.apply_event(change.clock, change.deltas)
            except Conflict:
                continue
            return True
        raise Conflict(ErrorCode.CONFLICT)  # the queue delivers it again later
