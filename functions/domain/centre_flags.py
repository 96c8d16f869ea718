"""Automated flags: a centre worth an inspection visit, read from its daily figures.

* ``FEE_OFF_RATE``  — a fee whose service charge differs from the centre's posted charge;
* ``SLOW_DELIVERY`` — a finished transaction handed over (or still waiting) more than 3 days after it
  came back to the centre;
* ``VOLUME_SPIKE``  — a day with far more filings than the centre's norm: at least 3 times its daily
  average over the 28 days before, and at least 10 (small numbers jump without meaning anything).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from functions.domain.catalogue import LocalizedText
from functions.domain.figures import Counter, DayFigures, Figures, Period

__all__ = ["NORM_DAYS", "CentreFlag", "FlagKind", "flags_of", "history_start"]

NORM_DAYS = 28
SPIKE_FACTOR = 3
SPIKE_FLOOR = 10


class FlagKind(StrEnum):
    FEE_OFF_RATE = "FEE_OFF_RATE"
    SLOW_DELIVERY = "SLOW_DELIVERY"
    VOLUME_SPIKE = "VOLUME_SPIKE"


@dataclass(frozen=True)
class CentreFlag:
    kind: FlagKind
    count: int
    day: date | None = None
    norm: float | None = None

    @property
    def description(self) -> LocalizedText:
        if self.kind is FlagKind.FEE_OFF_RATE:
            return LocalizedText(
                f"رسوم تختلف عن رسم الخدمة المعلن: {self.count}",
                f"Fees that differ from the posted service charge: {self.count}",
            )
        if self.kind is FlagKind.SLOW_DELIVERY:
            return LocalizedText(
                f"معاملات سُلّمت أو تنتظر التسليم بعد أكثر من 3 أيام من إنجازها: {self.count}",
                f"Results handed over, or waiting, more than 3 days after completion: {self.count}",
            )
        return LocalizedText(
            f"قفزة في عدد الطلبات يوم {self.day}: {self.count} مقابل معدل {self.norm} يوميًا",
            f"Volume jump on {self.day}: {self.count} requests against a norm of {self.norm} a day",
        )


def history_start(period: Period) -> date:
    """The first day the flags need: the norm of the period's first day looks 28 days back."""
    return period.first - timedelta(days=NORM_DAYS)


def flags_of(period: Period, days: Iterable[DayFigures], awaiting_too_long: int = 0) -> list[CentreFlag]:
    """Flags of one centre over ``period``; ``days`` may start at :func:`history_start`."""
    by_day = {figures.day: figures for figures in days}
    in_period = Figures(by_day[d] for d in period.days_in() if d in by_day)
    flags = []
    if in_period[Counter.OFF_RATE]:
        flags.append(CentreFlag(FlagKind.FEE_OFF_RATE, in_period[Counter.OFF_RATE]))
    slow = in_period[Counter.DELIVERED_LATE] + awaiting_too_long
    if slow > 0:
        flags.append(CentreFlag(FlagKind.SLOW_DELIVERY, slow))
    spike = _worst_spike(period, {day: figures[Counter.SUBMITTED] for day, figures in by_day.items()})
    if spike is not None:
        flags.append(spike)
    return flags


def _worst_spike(period: Period, submitted: dict[date, int]) -> CentreFlag | None:
    worst: tuple[float, CentreFlag] | None = None
    for day in period.days_in():
        norm = sum(submitted.get(day - timedelta(days=back), 0) for back in range(1, NORM_DAYS + 1)) / NORM_DAYS
        count = submitted.get(day, 0)
        if norm > 0 and count >= max(SPIKE_FLOOR, SPIKE_FACTOR * norm):
            ratio = count / norm
            if worst is None or ratio > worst[0]:
                worst = (ratio, CentreFlag(FlagKind.VOLUME_SPIKE, count, day, round(norm, 1)))
    return worst[1] if worst else None
