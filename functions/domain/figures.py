"""Performance figures kept as counters per day, so any period is read in a handful of reads.

Whose figures (:class:`FigureKey`): one centre, one agency, or the whole region. Each (key, day) is
one aggregate item of named counters (:class:`Counter`), only ever changed by adding (DynamoDB
``ADD``), so concurrent writers never conflict. Durations (submission to the first agency's
acknowledgement; completion to delivery) are kept as bounded histograms of fixed time buckets per
day: a median or a 90th percentile over any period is read from the summed buckets, never from the
requests themselves. ``docs/monitoring.md`` explains the design and its accuracy. Every day here is a Madinah business day
(:func:`functions.domain.madinah_time.business_day`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money

__all__ = [
    "BUCKET_BOUNDS_SECONDS",
    "MAX_PERIOD_DAYS",
    "SMS_BUCKET_BOUNDS_SECONDS",
    "Counter",
    "DayFigures",
    "Duration",
    "DurationSummary",
    "FigureDelta",
    "FigureKey",
    "Figures",
    "Period",
    "ScopeKind",
    "bucket_of",
    "merge_deltas",
    "observation",
]

MAX_PERIOD_DAYS = 92

# Upper bounds of the duration buckets, in seconds: 1, 2, 5, 10, 15, 30, 45 minutes; 1, 1.5, 2, 3,
# 4, 6, 8, 12, 18 hours; 1, 1.5, 2, 3, 4, 5, 7, 10, 14 days; then one open bucket. Neighbouring
# bounds are at most 2.5 times apart, so a quantile read from them is within one bucket's width.
BUCKET_BOUNDS_SECONDS: tuple[int, ...] = (
    60,
    120,
    300,
    600,
    900,
    1_800,
    2_700,
    3_600,
    5_400,
    7_200,
    10_800,
    14_400,
    21_600,
    28_800,
    43_200,
    64_800,
    86_400,
    129_600,
    172_800,
    259_200,
    345_600,
    432_000,
    604_800,
    864_000,
    1_209_600,
)

SMS_BUCKET_BOUNDS_SECONDS: tuple[int, ...] = (1, 2, 5, 10, 15, 30, 45, *BUCKET_BOUNDS_SECONDS)
"""An SMS reaches a handset in seconds, or after retries in hours: seconds first, then the common bounds."""


class ScopeKind(StrEnum):
    CENTRE = "CENTRE"
    AGENCY = "AGENCY"
    REGION = "REGION"
    MESSAGE = "MESSAGE"
    """A kind of citizen SMS (its template): the region's SMS figures per message kind."""


@dataclass(frozen=True, order=True)
class FigureKey:
    kind: ScopeKind
    code: str = ""

    @classmethod
    def centre(cls, centre_id: str) -> FigureKey:
        return cls(ScopeKind.CENTRE, centre_id)

    @classmethod
    def agency(cls, agency_code: str) -> FigureKey:
        return cls(ScopeKind.AGENCY, agency_code)

    @classmethod
    def region(cls) -> FigureKey:
        return cls(ScopeKind.REGION)

    @classmethod
    def message(cls, template: str) -> FigureKey:
        return cls(ScopeKind.MESSAGE, template)

    @property
    def name(self) -> str:
        """``CENTRE#MED-C01``, ``AGENCY#MUNICIPALITY``, ``REGION``."""
        return f"{self.kind.value}#{self.code}" if self.code else self.kind.value

    @classmethod
    def parse(cls, name: str) -> FigureKey:
        kind, _, code = name.partition("#")
        return cls(ScopeKind(kind), code)


class Counter(StrEnum):
    """Every counter a day's figures may hold (absent = 0)."""

    SUBMITTED = "submitted"
    COLLECTED_HALALAS = "collected_halalas"
    REFUNDED_HALALAS = "refunded_halalas"
    OFF_RATE = "off_rate"
    """Fees whose service charge differs from the centre's posted charge."""
    RETURNED = "returned"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DELIVERED = "delivered"
    DELIVERED_LATE = "delivered_late"
    EXPIRED = "expired"
    FORWARDED = "forwarded"
    RECEIVED = "received"
    STEPS_COMPLETED = "steps_completed"
    RECEIPT_BREACHES = "breaches_receipt"
    PROCESSING_BREACHES = "breaches_processing"
    RATINGS = "ratings"
    STARS = "stars"
    COMPLAINTS = "complaints"
    OPEN_ESCALATIONS = "open_escalations"
    """Current, not per day (see :attr:`FigureDelta.day`)."""
    OPEN_COMPLAINTS = "open_complaints"
    """Current, not per day."""
    SMS_SENT = "sms_sent"
    """Citizen SMS a provider took for the first time (retries are not counted again)."""
    SMS_DELIVERED = "sms_delivered"
    SMS_FAILED = "sms_failed"
    """Citizen SMS that failed permanently (not a number, barred, blocked)."""
    SMS_EXPIRED = "sms_expired"
    """Citizen SMS whose retry window ran out undelivered (taken back if delivered after all)."""
    SMS_CALL_LIST = "sms_call_list"
    """Citizen SMS that landed on their centre's call list."""


class Duration(StrEnum):
    """The measured spans, each a histogram: ``<prefix>_n`` (count), ``<prefix>_s`` (total seconds),
    ``<prefix>_bNN`` (count per bucket)."""

    ACKNOWLEDGEMENT = "ack"
    """From submission to the first agency's acknowledgement of receipt."""
    DELIVERY = "dlv"
    """From completion (back at the centre) to delivery to the citizen."""
    SMS_DELIVERY = "smsd"
    """From a citizen SMS's first attempt to the time its carrier says it was delivered."""

    @property
    def bounds(self) -> tuple[int, ...]:
        """Upper bounds of this span's buckets (fixed once figures are kept: stored buckets are indexes)."""
        return SMS_BUCKET_BOUNDS_SECONDS if self is Duration.SMS_DELIVERY else BUCKET_BOUNDS_SECONDS

    @property
    def count_name(self) -> str:
        return f"{self.value}_n"

    @property
    def total_name(self) -> str:
        return f"{self.value}_s"

    def bucket_name(self, index: int) -> str:
        return f"{self.value}_b{index:02d}"


def bucket_of(seconds: float, bounds: tuple[int, ...] = BUCKET_BOUNDS_SECONDS) -> int:
    """The bucket a duration falls in: bucket i holds [bound[i-1], bound[i]); the last is open."""
    return bisect.bisect_right(bounds, max(0.0, seconds))


def observation(duration: Duration, seconds: float, sign: int = 1) -> dict[str, int]:
    """The counters one duration adds (``sign`` -1 takes a recorded one back)."""
    whole = max(0, round(seconds))
    return {
        duration.count_name: sign,
        duration.total_name: sign * whole,
        duration.bucket_name(bucket_of(whole, duration.bounds)): sign,
    }


@dataclass(frozen=True)
class FigureDelta:
    """Counters to add to one key's figures of one day (``day`` None: its current counters)."""

    key: FigureKey
    day: date | None
    counts: Mapping[str, int]


def merge_deltas(deltas: Iterable[FigureDelta]) -> tuple[FigureDelta, ...]:
    """One delta per (key, day), zero counters dropped: a transaction may touch an item only once."""
    merged: dict[tuple[FigureKey, date | None], dict[str, int]] = {}
    for delta in deltas:
        counts = merged.setdefault((delta.key, delta.day), {})
        for name, value in delta.counts.items():
            counts[name] = counts.get(name, 0) + value
    result = []
    for (key, day), counts in sorted(merged.items(), key=lambda item: (item[0][0], item[0][1] or date.min)):
        kept = {name: value for name, value in counts.items() if value}
        if kept:
            result.append(FigureDelta(key, day, kept))
    return tuple(result)


@dataclass(frozen=True)
class Period:
    """A period of whole local days, both ends included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first or (self.last - self.first).days >= MAX_PERIOD_DAYS:
            raise ValidationFailed(ErrorCode.DATE_RANGE_INVALID, field="from")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def days_in(self) -> list[date]:
        return [self.first + timedelta(days=offset) for offset in range(self.days)]


@dataclass(frozen=True)
class DayFigures:
    key: FigureKey
    day: date
    counts: Mapping[str, int]

    def __getitem__(self, counter: Counter) -> int:
        return int(self.counts.get(counter.value, 0))


@dataclass(frozen=True)
class DurationSummary:
    count: int
    median_seconds: float | None
    p90_seconds: float | None
    mean_seconds: float | None


class Figures:
    """The sum of a key's days over a period, and what the office reads from it."""

    def __init__(self, days: Iterable[DayFigures]) -> None:
        self.totals: dict[str, int] = {}
        for day in days:
            for name, value in day.counts.items():
                self.totals[name] = self.totals.get(name, 0) + int(value)

    def __getitem__(self, counter: Counter) -> int:
        return self.totals.get(counter.value, 0)

    @property
    def fees_collected(self) -> Money:
        return Money(self[Counter.COLLECTED_HALALAS])

    @property
    def fees_refunded(self) -> Money:
        return Money(self[Counter.REFUNDED_HALALAS])

    @property
    def returns_per_100(self) -> float | None:
        submitted = self[Counter.SUBMITTED]
        return round(100 * self[Counter.RETURNED] / submitted, 1) if submitted else None

    @property
    def sla_breaches(self) -> int:
        return self[Counter.RECEIPT_BREACHES] + self[Counter.PROCESSING_BREACHES]

    @property
    def rating_average(self) -> float | None:
        ratings = self[Counter.RATINGS]
        return round(self[Counter.STARS] / ratings, 2) if ratings else None

    def duration(self, duration: Duration) -> DurationSummary:
        count = self.totals.get(duration.count_name, 0)
        if count <= 0:
            return DurationSummary(0, None, None, None)
        mean = round(self.totals.get(duration.total_name, 0) / count, 1)
        if count == 1:  # one observation is its own median and 90th percentile: exact, from the total
            return DurationSummary(1, mean, mean, mean)
        bounds = duration.bounds
        buckets = [self.totals.get(duration.bucket_name(i), 0) for i in range(len(bounds) + 1)]
        return DurationSummary(
            count=count,
            median_seconds=_quantile(buckets, 0.5, bounds),
            p90_seconds=_quantile(buckets, 0.9, bounds),
            mean_seconds=mean,
        )


def _quantile(buckets: list[int], q: float, bounds: tuple[int, ...]) -> float | None:
    """Linear interpolation inside the bucket that holds the q-th observation (the open last bucket
    answers with its lower bound: "at least")."""
    total = sum(buckets)
    if total <= 0:
        return None
    rank = q * total
    seen = 0
    for index, count in enumerate(buckets):
        if count > 0 and seen + count >= rank:
            lower = bounds[index - 1] if index > 0 else 0
            if index >= len(bounds):
                return float(lower)
            upper = bounds[index]
            return round(lower + (upper - lower) * (rank - seen) / count, 1)
        seen += count
    return float(bounds[-1])
