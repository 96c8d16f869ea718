"""What the monitoring office reads: a centre's performance, the region's overview, a ranking.

Every read is a handful of DynamoDB calls whatever the number of requests behind it: daily
aggregates over the period (plus the 28 days before, for the volume norm), the current counters, and
one bounded look at results waiting for delivery. The citizen SMS figures are counters of the same
day items (and, per message kind, of the region's ``MESSAGE`` days).
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.domain.audit import target
from functions.domain.centre import Centre
from functions.domain.centre_flags import CentreFlag, flags_of, history_start
from functions.domain.errors import NotFound
from functions.domain.figures import Counter, DayFigures, FigureKey, Figures, Period, ScopeKind
from functions.domain.policy import Operation, Owner
from functions.domain.ranking import RankedCentre, RankingMetric, rank_centres
from functions.domain.request_figures import DELIVERY_TARGET
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.monitoring_ports import FigureStore
from functions.services.ports import CentreRepository, Clock

__all__ = ["AWAITING_LIMIT", "CentrePerformance", "Performance", "RegionOverview"]

AWAITING_LIMIT = 100
"""Results waiting too long are counted up to this many (a flag needs one; a page bounds the read)."""


@dataclass(frozen=True)
class CentrePerformance:
    centre: Centre
    period: Period
    figures: Figures
    days: list[DayFigures]
    open_escalations: int
    open_complaints: int
    awaiting_delivery_too_long: int
    flags: list[CentreFlag]


@dataclass(frozen=True)
class RegionOverview:
    period: Period
    figures: Figures
    days: list[DayFigures]
    open_escalations: int
    open_complaints: int
    awaiting_delivery_too_long: int
    by_agency: dict[str, Figures]
    by_centre: dict[str, Figures]
    by_message: dict[str, Figures]
    """The region's citizen SMS by message kind (template)."""
    flags: dict[str, list[CentreFlag]]


class Performance:
    def __init__(
        self, *, figures: FigureStore, centres: CentreRepository, authorizer: Authorizer, clock: Clock
    ) -> None:
        self._figures = figures
        self._centres = centres
        self._authorizer = authorizer
        self._clock = clock

    def centre_performance(self, caller: Caller, centre_id: str, period: Period) -> CentrePerformance:
        self._authorizer.authorize(
            caller, Operation.READ_CENTRE_PERFORMANCE, target("centre", centre_id), Owner(centre_id=centre_id)
        )
        centre = self._centres.get_centre(centre_id)
        if centre is None:
            raise NotFound(field="centreId")
        key = FigureKey.centre(centre_id)
        history = self._figures.days(key, history_start(period), period.last)
        current = self._figures.current(key)
        waiting = self._figures.awaiting_delivery(centre_id, self._clock.now() - DELIVERY_TARGET, AWAITING_LIMIT)
        days = _within(period, history)
        return CentrePerformance(
            centre=centre,
            period=period,
            figures=Figures(days),
            days=days,
            open_escalations=current.get(Counter.OPEN_ESCALATIONS.value, 0),
            open_complaints=current.get(Counter.OPEN_COMPLAINTS.value, 0),
            awaiting_delivery_too_long=waiting,
            flags=flags_of(period, history, waiting),
        )

    def region_overview(self, caller: Caller, period: Period) -> RegionOverview:
        self._authorizer.authorize(caller, Operation.READ_REGION_OVERVIEW, target("region", "MADINAH"))
        region = FigureKey.region()
        days = self._figures.days(region, period.first, period.last)
        current = self._figures.current(region)
        centre_history = _by_code(self._figures.days_of_every(ScopeKind.CENTRE, history_start(period), period.last))
        agencies = _by_code(self._figures.days_of_every(ScopeKind.AGENCY, period.first, period.last))
        messages = _by_code(self._figures.days_of_every(ScopeKind.MESSAGE, period.first, period.last))
        waiting = self._figures.awaiting_delivery(None, self._clock.now() - DELIVERY_TARGET, AWAITING_LIMIT)
        flags = {code: flags_of(period, history) for code, history in centre_history.items()}
        return RegionOverview(
            period=period,
            figures=Figures(days),
            days=days,
            open_escalations=current.get(Counter.OPEN_ESCALATIONS.value, 0),
            open_complaints=current.get(Counter.OPEN_COMPLAINTS.value, 0),
            awaiting_delivery_too_long=waiting,
            by_agency={code: Figures(history) for code, history in agencies.items()},
            by_centre={code: Figures(_within(period, history)) for code, history in centre_history.items()},
            by_message={code: Figures(days) for code, days in messages.items()},
            flags={code: found for code, found in flags.items() if found},
        )

    def centre_ranking(self, caller: Caller, metric: RankingMetric, period: Period) -> list[RankedCentre]:
        self._authorizer.authorize(caller, Operation.READ_CENTRE_RANKING, target("region", "MADINAH"))
        centres = _by_code(self._figures.days_of_every(ScopeKind.CENTRE, period.first, period.last))
        return rank_centres(metric, {code: Figures(days) for code, days in centres.items()})


def _within(period: Period, days: list[DayFigures]) -> list[DayFigures]:
    return sorted((d for d in days if period.first <= d.day <= period.last), key=lambda d: d.day)


def _by_code(days: list[DayFigures]) -> dict[str, list[DayFigures]]:
    grouped: dict[str, list[DayFigures]] = {}
    for day in days:
        grouped.setdefault(day.key.code, []).append(day)
    return grouped
