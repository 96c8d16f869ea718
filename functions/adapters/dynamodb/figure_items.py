"""The monitoring office's figures: per-day counters, current counters and each request's clock
(see docs/monitoring.md for the design)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pynamodb.attributes import (
    UnicodeAttribute,
    UnicodeSetAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.figures import FigureKey, ScopeKind
from functions.domain.request_figures import RequestClock

__all__ = [
    "AWAITING_REGION",
    "CURRENT",
    "FigureDayItem",
    "RequestClockItem",
    "awaiting_partition",
    "day_sort_key",
    "figures_key",
    "month_partition",
]

CURRENT = "CURRENT"
AWAITING_REGION = "AWAITING"
CLOCK_KEPT_FOR = timedelta(days=400)
"""A request's clock outlives any wait it measures (returns expire after 30 days)."""


def figures_key(key: FigureKey) -> str:
    return f"FIGURES#{key.name}"


def day_sort_key(day: date) -> str:
    return f"DAY#{day.isoformat()}"


def month_partition(kind: ScopeKind, month: str) -> str:
    """Every centre's (or agency's) days of one month, in one index partition."""
    return f"FIGURES#{kind.value}S#{month}"


def awaiting_partition(centre_id: str) -> str:
    return f"AWAITING#{centre_id}"


class FigureDayItem(MainTableItem):
    """Day figures and current counters: only the keys are declared; counters are named at will and
    only ever changed by ``ADD`` (see ``DynamoFigures``)."""


class RequestClockItem(MainTableItem):
    request_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    submitted_at = UTCDateTimeAttribute(null=True)
    first_acknowledged_at = UTCDateTimeAttribute(null=True)
    completed_at = UTCDateTimeAttribute(null=True)
    delivered_at = UTCDateTimeAttribute(null=True)
    applied = UnicodeSetAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def from_domain(cls, clock: RequestClock) -> RequestClockItem:
        waiting = clock.awaiting_delivery_since
        listed = f"{waiting.isoformat()}#{clock.request_id}" if waiting else None
        times = [clock.submitted_at, clock.first_acknowledged_at, clock.completed_at, clock.delivered_at]
        latest = max((t for t in times if t is not None), default=datetime.now(UTC))
        item = cls(
            pk=f"FIGURES#REQUEST#{clock.request_id}",
            sk="CLOCK",
            gsi2pk=awaiting_partition(clock.centre_id) if waiting else None,
            gsi2sk=listed,
            gsi3pk=AWAITING_REGION if waiting else None,
            gsi3sk=listed,
            request_id=clock.request_id,
            centre_id=clock.centre_id,
            submitted_at=clock.submitted_at,
            first_acknowledged_at=clock.first_acknowledged_at,
            completed_at=clock.completed_at,
            delivered_at=clock.delivered_at,
            applied=set(clock.applied) or None,
            expires_at=latest + CLOCK_KEPT_FOR,
        )
        if clock.version:  # the version read: written only if still there (absent: a new item)
            item.version = clock.version
        return item

    def to_domain(self) -> RequestClock:
        return RequestClock(
            request_id=self.request_id,
            centre_id=self.centre_id,
            submitted_at=self.submitted_at,
            first_acknowledged_at=self.first_acknowledged_at,
            completed_at=self.completed_at,
            delivered_at=self.delivered_at,
            applied=frozenset(self.applied or ()),
            version=int(self.version or 0),
        )
