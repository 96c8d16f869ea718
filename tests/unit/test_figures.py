"""Reading figures: quantiles from the bucketed histograms, periods, flags for inspection, rankings."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.centre_flags import FlagKind, flags_of, history_start
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.figures import (
    BUCKET_BOUNDS_SECONDS,
    Counter,
    DayFigures,
    Duration,
    FigureKey,
    Figures,
    Period,
    bucket_of,
    observation,
)
from functions.domain.ranking import RankingMetric, rank_centres

CENTRE = FigureKey.centre("MED-C01")
DAY = date(2026, 11, 28)


def histogram_of(seconds: list[int]) -> Figures:
    days = []
    for value in seconds:
        days.append(DayFigures(CENTRE, DAY, observation(Duration.ACKNOWLEDGEMENT, value)))
    return Figures(days)


def bucket_bounds(seconds: float) -> tuple[float, float]:
    index = bucket_of(seconds)
    lower = BUCKET_BOUNDS_SECONDS[index - 1] if index else 0
    upper = BUCKET_BOUNDS_SECONDS[index] if index < len(BUCKET_BOUNDS_SECONDS) else math.inf
    return lower, upper


@given(st.lists(st.integers(min_value=0, max_value=3_000_000), min_size=1, max_size=300))
def test_median_and_p90_fall_in_the_bucket_of_the_true_value(durations: list[int]) -> None:
    summary = histogram_of(durations).duration(Duration.ACKNOWLEDGEMENT)
    ordered = sorted(durations)
    for q, estimate in ((0.5, summary.median_seconds), (0.9, summary.p90_seconds)):
        true_value = ordered[math.ceil(q * len(ordered)) - 1]
        lower, upper = bucket_bounds(true_value)
        assert estimate is not None
        assert lower <= estimate <= upper
    assert summary.count == len(durations)
    assert summary.mean_seconds == pytest.approx(sum(durations) / len(durations), abs=0.1)


def test_no_observation_no_quantile() -> None:
    summary = Figures([]).duration(Duration.DELIVERY)
    assert (summary.count, summary.median_seconds, summary.p90_seconds) == (0, None, None)


def test_a_period_is_at_most_92_days_and_runs_forwards() -> None:
    assert Period(DAY, DAY + timedelta(days=91)).days == 92
    for first, last in ((DAY, DAY - timedelta(days=1)), (DAY, DAY + timedelta(days=92))):
        with pytest.raises(ValidationFailed) as refused:
            Period(first, last)
        assert refused.value.code is ErrorCode.DATE_RANGE_INVALID


def day(offset: int, **counts: int) -> DayFigures:
    return DayFigures(CENTRE, DAY + timedelta(days=offset), counts)


PERIOD = Period(DAY, DAY + timedelta(days=6))


def norm_days(per_day: int) -> list[DayFigures]:
    return [day(-back, submitted=per_day) for back in range(1, 29)]


def test_a_fee_off_the_posted_rate_flags_the_centre() -> None:
    flags = flags_of(PERIOD, [day(2, off_rate=1, submitted=3)])
    assert [(f.kind, f.count) for f in flags] == [(FlagKind.FEE_OFF_RATE, 1)]


def test_late_deliveries_and_results_waiting_too_long_flag_slow_delivery() -> None:
    assert [f.kind for f in flags_of(PERIOD, [day(1, delivered_late=1)])] == [FlagKind.SLOW_DELIVERY]
    waiting = flags_of(PERIOD, [], awaiting_too_long=2)
    assert [(f.kind, f.count) for f in waiting] == [(FlagKind.SLOW_DELIVERY, 2)]


def test_a_day_far_above_the_centres_norm_flags_a_volume_spike() -> None:
    spike = flags_of(PERIOD, [*norm_days(5), day(0, submitted=15)])
    assert [(f.kind, f.count, f.day, f.norm) for f in spike] == [(FlagKind.VOLUME_SPIKE, 15, DAY, 5.0)]
    assert "15" in spike[0].description.en
    assert flags_of(PERIOD, [*norm_days(5), day(0, submitted=14)]) == []  # under three times the norm


def test_small_numbers_and_centres_without_history_do_not_spike() -> None:
    assert flags_of(PERIOD, [*norm_days(1), day(2, submitted=9)]) == []  # 9 times the norm, but under 10
    assert flags_of(PERIOD, [day(0, submitted=40)]) == []  # no norm to compare with


def test_history_starts_28_days_before_the_period() -> None:
    assert history_start(PERIOD) == DAY - timedelta(days=28)


def test_ranking_puts_the_best_first_shares_ties_and_leaves_the_unknown_last() -> None:
    figures = {
        "MED-C01": Figures([day(0, submitted=10, ratings=2, stars=8)]),
        "MED-C02": Figures([day(0, submitted=30, ratings=1, stars=5)]),
        "MED-C03": Figures([day(0, submitted=10)]),
    }
    volume = rank_centres(RankingMetric.SUBMITTED, figures)
    assert [(r.rank, r.centre_id) for r in volume] == [(1, "MED-C02"), (2, "MED-C01"), (2, "MED-C03")]
    rating = rank_centres(RankingMetric.RATING_AVERAGE, figures)
    assert [(r.rank, r.centre_id, r.value) for r in rating] == [
        (1, "MED-C02", 5.0),
        (2, "MED-C01", 4.0),
        (3, "MED-C03", None),
    ]
    breaches = rank_centres(RankingMetric.SLA_BREACHES, {**figures, "MED-C04": Figures([day(0, breaches_receipt=3)])})
    assert breaches[-1].centre_id == "MED-C04"  # fewer breaches is better


def test_figures_sum_days_and_derive_rates() -> None:
    figures = Figures([day(0, submitted=40, returned=2, collected_halalas=100_000), day(1, submitted=10, returned=3)])
    assert figures[Counter.SUBMITTED] == 50
    assert figures.returns_per_100 == 10.0
    assert str(figures.fees_collected) == "1000.00 SAR"
