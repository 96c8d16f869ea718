"""Ranking centres on one figure over a period: best first, centres without the figure last."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from functions.domain.figures import Counter, Duration, Figures

__all__ = ["RankedCentre", "RankingMetric", "rank_centres"]


class RankingMetric(StrEnum):
    SUBMITTED = "SUBMITTED"
    FEES_COLLECTED = "FEES_COLLECTED"
    ACKNOWLEDGEMENT_MEDIAN = "ACKNOWLEDGEMENT_MEDIAN"
    ACKNOWLEDGEMENT_P90 = "ACKNOWLEDGEMENT_P90"
    RETURNS_PER_100 = "RETURNS_PER_100"
    DELIVERY_MEDIAN = "DELIVERY_MEDIAN"
    SLA_BREACHES = "SLA_BREACHES"
    RATING_AVERAGE = "RATING_AVERAGE"
    COMPLAINTS = "COMPLAINTS"

    @property
    def higher_is_better(self) -> bool:
        return self in {RankingMetric.SUBMITTED, RankingMetric.FEES_COLLECTED, RankingMetric.RATING_AVERAGE}

    def value_of(self, figures: Figures) -> float | None:
        values: dict[RankingMetric, float | None] = {
            RankingMetric.SUBMITTED: figures[Counter.SUBMITTED],
            RankingMetric.FEES_COLLECTED: float(figures.fees_collected.riyals),
            RankingMetric.ACKNOWLEDGEMENT_MEDIAN: figures.duration(Duration.ACKNOWLEDGEMENT).median_seconds,
            RankingMetric.ACKNOWLEDGEMENT_P90: figures.duration(Duration.ACKNOWLEDGEMENT).p90_seconds,
            RankingMetric.RETURNS_PER_100: figures.returns_per_100,
            RankingMetric.DELIVERY_MEDIAN: figures.duration(Duration.DELIVERY).median_seconds,
            RankingMetric.SLA_BREACHES: figures.sla_breaches,
            RankingMetric.RATING_AVERAGE: figures.rating_average,
            RankingMetric.COMPLAINTS: figures[Counter.COMPLAINTS],
        }
        return values[self]


@dataclass(frozen=True)
class RankedCentre:
    rank: int
    centre_id: str
    value: float | None


def rank_centres(metric: RankingMetric, figures_by_centre: Mapping[str, Figures]) -> list[RankedCentre]:
    """Rank 1 is the best; equal values share a rank; centres without a value come last, unranked order by id."""
    valued = [(centre_id, metric.value_of(figures)) for centre_id, figures in sorted(figures_by_centre.items())]
    known = sorted(
        ((c, v) for c, v in valued if v is not None),
        key=lambda item: -item[1] if metric.higher_is_better else item[1],
    )
    ranked: list[RankedCentre] = []
    for position, (centre_id, value) in enumerate(known, 1):
        same_as_previous = ranked and ranked[-1].value == value
        ranked.append(RankedCentre(ranked[-1].rank if same_as_previous else position, centre_id, value))
    unknown = [RankedCentre(len(known) + 1, c, None) for c, v in valued if v is None]
    return ranked + unknown
