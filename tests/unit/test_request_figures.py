"""Request events into daily figures: counted on the local day, once, in any order."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from functions.domain.business_calendar import STANDARD_CALENDAR, BusinessCalendar, DailyHours, WorkingPattern
from functions.domain.calendar_dates import Weekday
from functions.domain.figures import (
    BUCKET_BOUNDS_SECONDS,
    Counter,
    DayFigures,
    Duration,
    FigureDelta,
    FigureKey,
    Figures,
    bucket_of,
)
from functions.domain.request_event import RequestEvent
from functions.domain.request_figures import RequestClock, figures_of_event
from functions.domain.working_time import WorkingCalendar

T0 = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)  # 09:00 in Madinah
ALWAYS = DailyHours(0, 24 * 60)
ROUND_THE_CLOCK = WorkingCalendar.of(BusinessCalendar(WorkingPattern(tuple(Weekday), ALWAYS, ALWAYS)))
"""Working time equal to clock time: the counting rules below, apart from the calendar."""
CENTRE, REGION = FigureKey.centre("MED-C01"), FigureKey.region()


def event(kind: str, at: datetime, request_id: str = "r-1", **extra: object) -> RequestEvent:
    values: dict[str, object] = {
        "event_id": uuid.uuid4().hex,
        "kind": kind,
        "at": at,
        "request_id": request_id,
        "tracking_number": "MED-2611-000001",
        "service_code": "SHOP-LICENCE",
        "centre_id": "MED-C01",
        "status": "SUBMITTED",
        "actor_role": "center-operator",
        **extra,
    }
    return RequestEvent(**values)  # type: ignore[arg-type]


def submitted(at: datetime = T0, amount: int = 32_500, fee: int = 30_000, posted: int = 2_500) -> RequestEvent:
    return event("SUBMITTED", at, amount_halalas=amount, fee_halalas=fee, posted_charge_halalas=posted)


class Store:
    """Applies changes the way the figures consumer does (clock per request, counters by adding)."""

    def __init__(self, working: WorkingCalendar = ROUND_THE_CLOCK) -> None:
        self.working = working
        self.clocks: dict[str, RequestClock] = {}
        self.counts: dict[tuple[FigureKey, date | None], dict[str, int]] = {}

    def apply(self, e: RequestEvent) -> bool:
        clock = self.clocks.get(e.request_id, RequestClock(e.request_id))
        change = figures_of_event(e, clock, self.working)
        if change is None:
            return False
        self.clocks[e.request_id] = replace(change.clock, version=clock.version + 1)
        for delta in change.deltas:
            target = self.counts.setdefault((delta.key, delta.day), {})
            for name, value in delta.counts.items():
                target[name] = target.get(name, 0) + value
        return True

    def totals(self, key: FigureKey) -> Figures:
        return Figures(DayFigures(k, d, c) for (k, d), c in self.counts.items() if k == key and d is not None)

    def nonzero(self) -> dict[tuple[FigureKey, date | None], dict[str, int]]:
        return {k: {n: v for n, v in c.items() if v} for k, c in self.counts.items() if any(c.values())}


def test_a_submission_counts_the_request_and_the_fee_for_the_centre_and_the_region() -> None:
    store = Store()
    store.apply(submitted())
    for key in (CENTRE, REGION):
        figures = store.totals(key)
        assert figures[Counter.SUBMITTED] == 1
        assert figures.fees_collected.halalas == 32_500
        assert figures[Counter.OFF_RATE] == 0


def test_events_count_on_madinahs_day_not_utcs() -> None:
    store = Store()
    store.apply(submitted(at=datetime(2026, 11, 28, 22, 30, tzinfo=UTC)))  # 01:30 on the 29th in Madinah
    assert (CENTRE, date(2026, 11, 29)) in store.counts
    assert (CENTRE, date(2026, 11, 28)) not in store.counts


def test_a_charge_that_differs_from_the_posted_one_is_counted_off_rate() -> None:
    store = Store()
    store.apply(submitted(amount=33_500))  # 10 SAR more than fee + posted charge
    assert store.totals(CENTRE)[Counter.OFF_RATE] == 1


def test_the_same_event_twice_counts_once() -> None:
    store = Store()
    first = submitted()
    assert store.apply(first)
    assert not store.apply(first)
    assert store.totals(CENTRE)[Counter.SUBMITTED] == 1


def test_time_to_the_first_acknowledgement_is_one_observation_on_the_day_it_ended() -> None:
    store = Store()
    store.apply(submitted())
    store.apply(event("RECEIVED", T0 + timedelta(minutes=40), agency_code="COMMERCE"))
    store.apply(event("RECEIVED", T0 + timedelta(hours=30), agency_code="MUNICIPALITY"))  # a later stage: not first
    summary = store.totals(CENTRE).duration(Duration.ACKNOWLEDGEMENT)
    assert summary.count == 1
    assert summary.mean_seconds == 2400
    assert store.counts[(CENTRE, date(2026, 11, 28))][Duration.ACKNOWLEDGEMENT.bucket_name(bucket_of(2400))] == 1
    assert store.totals(FigureKey.agency("COMMERCE"))[Counter.RECEIVED] == 1


def test_time_to_the_first_acknowledgement_counts_office_hours_only() -> None:
    store = Store(WorkingCalendar.of(STANDARD_CALENDAR))
    thursday_13h = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    store.apply(submitted(thursday_13h))
    store.apply(event("RECEIVED", thursday_13h + timedelta(days=2, hours=20), agency_code="COMMERCE"))  # Sun 09:00
    assert store.totals(CENTRE).duration(Duration.ACKNOWLEDGEMENT).mean_seconds == 3 * 3600  # 1.5 h + 1.5 h


def test_an_earlier_acknowledgement_arriving_late_replaces_the_one_counted() -> None:
    store = Store()
    store.apply(submitted())
    store.apply(event("RECEIVED", T0 + timedelta(hours=5), agency_code="MUNICIPALITY"))
    store.apply(event("RECEIVED", T0 + timedelta(minutes=10), agency_code="CIVIL-DEFENCE"))
    summary = store.totals(CENTRE).duration(Duration.ACKNOWLEDGEMENT)
    assert (summary.count, summary.mean_seconds) == (1, 600)


def test_a_delivery_more_than_three_days_after_completion_is_late() -> None:
    store = Store()
    store.apply(event("COMPLETED_AT_CENTRE", T0))
    store.apply(event("DELIVERED", T0 + timedelta(days=3, hours=1)))
    figures = store.totals(CENTRE)
    assert figures[Counter.DELIVERED_LATE] == 1
    assert figures.duration(Duration.DELIVERY).count == 1
    assert store.clocks["r-1"].awaiting_delivery_since is None


def test_a_result_back_at_the_centre_waits_for_delivery_until_it_is_handed_over() -> None:
    store = Store()
    store.apply(event("COMPLETED_AT_CENTRE", T0))
    assert store.clocks["r-1"].awaiting_delivery_since == T0


def test_events_that_change_no_figure_write_nothing() -> None:
    assert figures_of_event(event("IN_PROCESS", T0), RequestClock("r-1"), ROUND_THE_CLOCK) is None


def test_returns_rejections_cancellations_count_for_the_centre_and_the_agency() -> None:
    store = Store()
    store.apply(submitted())
    store.apply(event("RETURNED", T0, agency_code="MUNICIPALITY"))
    store.apply(event("CANCELLED", T0, amount_halalas=32_500))
    figures = store.totals(CENTRE)
    assert (figures[Counter.RETURNED], figures[Counter.CANCELLED], figures.fees_refunded.halalas) == (1, 1, 32_500)
    assert figures.returns_per_100 == 100.0
    assert store.totals(FigureKey.agency("MUNICIPALITY"))[Counter.RETURNED] == 1


LIFE = [
    ("SUBMITTED", 0, None),
    ("FORWARDED", 1, "COMMERCE"),
    ("RECEIVED", 50, "COMMERCE"),
    ("RETURNED", 90, "COMMERCE"),
    ("RESUBMITTED", 200, None),
    ("RECEIVED", 260, "COMMERCE"),
    ("COMPLETED", 300, "COMMERCE"),
    ("FORWARDED", 301, "MUNICIPALITY"),
    ("RECEIVED", 400, "MUNICIPALITY"),
    ("COMPLETED", 900, "MUNICIPALITY"),
    ("COMPLETED_AT_CENTRE", 901, None),
    ("DELIVERED", 5000, None),
]


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.lists(st.integers(0, len(LIFE) - 1), max_size=6))
def test_a_requests_events_in_any_order_and_repeated_give_the_same_figures(random: object, repeats: list[int]) -> None:
    events = [
        event(
            kind,
            T0 + timedelta(minutes=minutes),
            agency_code=agency,
            **(
                {"amount_halalas": 32_500, "fee_halalas": 30_000, "posted_charge_halalas": 2_500}
                if kind == "SUBMITTED"
                else {}
            ),
        )
        for kind, minutes, agency in LIFE
    ]
    in_order = Store()
    for e in events:
        in_order.apply(e)
    shuffled = events + [events[i] for i in repeats]
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    any_order = Store()
    for e in shuffled:
        any_order.apply(e)
    assert any_order.nonzero() == in_order.nonzero()
    figures = any_order.totals(CENTRE)
    assert figures.duration(Duration.ACKNOWLEDGEMENT).mean_seconds == 50 * 60
    assert figures.duration(Duration.DELIVERY).count == 1


def test_the_buckets_are_ordered_and_bounded() -> None:
    assert list(BUCKET_BOUNDS_SECONDS) == sorted(set(BUCKET_BOUNDS_SECONDS))
    assert all(b / a <= 2.5 for a, b in itertools.pairwise(BUCKET_BOUNDS_SECONDS))
    assert bucket_of(0) == 0
    assert bucket_of(10**9) == len(BUCKET_BOUNDS_SECONDS)


def test_figure_deltas_of_one_item_are_merged_once() -> None:
    from functions.domain.figures import merge_deltas

    merged = merge_deltas(
        [
            FigureDelta(CENTRE, date(2026, 11, 28), {"a": 1, "b": 1}),
            FigureDelta(CENTRE, date(2026, 11, 28), {"a": 1, "b": -1}),
            FigureDelta(REGION, None, {"c": 0}),
        ]
    )
    assert merged == (FigureDelta(CENTRE, date(2026, 11, 28), {"a": 2}),)
