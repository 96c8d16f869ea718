"""Reading a centre's month costs the same few DynamoDB calls whatever its volume.

    make bench-centre-performance        # or: .venv/bin/python -m bench.centre_performance --requests 1000 10000

On in-process moto, provisioned from ``infra/``: 20 licensed centres; then, for each volume, that
many requests' worth of request events (filed, forwarded, acknowledged, some returned and answered,
completed, handed over), spread over the 60 days before today, are counted into the figures by the
same aggregation code the figures consumer runs (``figures_of_event``, one request clock per request)
and written by the same adapter (``DynamoFigures``: the clocks, and the day aggregates by ``ADD``).
Then a 30-day ``centrePerformance`` of one centre is read through the use case the API calls, with
every DynamoDB call counted (a botocore ``before-call`` hook on the table's one connection), and timed
(median and 90th percentile of 20 reads). ``regionOverview`` and ``centreRanking`` are counted too.

Seeding writes each aggregate once per (key, day), with the adapter's own ``ADD`` actions, instead of
once per event in the consumer's transaction: counters only ever add, so the items end the same, and
moto cannot run 60,000 transactions on a table this size (it deep-copies the whole table for every
item of every transaction, to be able to roll it back). The consumer's own cost per event is measured
on a small sample through ``FigureRecording.record`` itself.

Exit status 1 when the read of the bigger volume made more DynamoDB calls than the smaller one.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter as Tally
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from moto import mock_aws

from functions.adapters.dynamodb.figure_items import RequestClockItem
from functions.bootstrap import Container, Settings, build_container
from functions.domain.audit import Outcome, target
from functions.domain.centre_licensing import license_centre, register_centre
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.figures import FigureDelta, Period, merge_deltas
from functions.domain.madinah_time import business_day
from functions.domain.principal import Principal, Role
from functions.domain.ranking import RankingMetric
from functions.domain.request_event import RequestEvent
from functions.domain.request_figures import RequestClock, figures_of_event
from functions.local.provision import provision
from functions.local.seeding import seed_catalogue
from functions.local.stack import use_fake_credentials
from functions.services.caller import Caller
from tests.support.monitoring import registration

CENTRES = [f"MED-B{n:02d}" for n in range(1, 21)]
AGENCIES = ["CIVIL-AFFAIRS", "PASSPORTS", "TRAFFIC", "MUNICIPALITY", "CIVIL-DEFENCE", "COMMERCE", "HEALTH"]
MONITOR = Caller(Principal("bench-monitor", Role.MONITOR), "bench")
READS = 20
SPREAD_DAYS = 60
CONSUMER_SAMPLE = 50


@dataclass(frozen=True)
class Measure:
    requests: int
    events: int
    calls: list[Call]
    overview_calls: list[Call]
    ranking_calls: list[Call]
    median_ms: float
    p90_ms: float
    submitted_in_month: int


@dataclass
class Call:
    name: str
    """The operation, with the index it used: ``Query(gsi2)``."""
    items: int = 0
    """Items it returned: what DynamoDB charges a read for (moto's own time scans the whole table)."""
    milliseconds: float = 0.0

    def __str__(self) -> str:
        return f"{self.name} {self.items} items {self.milliseconds:.0f} ms"


@contextmanager
def counted_calls(container: Container) -> Iterator[list[Call]]:
    """Every DynamoDB call made on the table's one connection while the block runs."""
    calls: list[Call] = []
    started: list[float] = []

    def named(model: Any, params: dict[str, Any], **_: object) -> None:
        index = params.get("IndexName")
        calls.append(Call(f"{model.name}({index})" if index else model.name))

    def sent(**_: object) -> None:
        started.append(time.perf_counter())

    def answered(parsed: dict[str, Any], **_: object) -> None:
        calls[-1].milliseconds = (time.perf_counter() - started.pop()) * 1000
        calls[-1].items = int(parsed.get("Count", 1 if parsed.get("Item") else 0))

    events = container.adapters.main_table.connection().client.meta.events
    hooks = (
        ("before-parameter-build.dynamodb", named),
        ("before-call.dynamodb", sent),
        ("after-call.dynamodb", answered),
    )
    for event, hook in hooks:
        events.register(event, hook)
    try:
        yield calls
    finally:
        for event, hook in hooks:
            events.unregister(event, hook)


def life_of(request_number: int, today: date, rng: random.Random) -> list[RequestEvent]:
    """One request's events: filed at a centre, through one agency, sometimes returned, delivered."""
    request_id = f"bench-{request_number}-{uuid.uuid4().hex[:8]}"
    centre = CENTRES[request_number % len(CENTRES)]
    agency = AGENCIES[request_number % len(AGENCIES)]
    filed = datetime.combine(today, datetime.min.time(), UTC) - timedelta(
        days=rng.randrange(SPREAD_DAYS), hours=rng.randrange(4, 16), minutes=rng.randrange(60)
    )
    clock = filed
    events: list[RequestEvent] = []

    def happen(kind: str, after: timedelta, **extra: object) -> None:
        nonlocal clock
        clock = clock + after
        events.append(
            RequestEvent(
                event_id=uuid.uuid4().hex,
                kind=kind,
                at=clock,
                request_id=request_id,
                tracking_number=f"MED-2611-{request_number:06d}",
                service_code="NID-RENEW",
                centre_id=centre,
                status="-",
                actor_role="-",
                **extra,  # type: ignore[arg-type]
            )
        )

    off_rate = 1_000 if rng.random() < 0.01 else 0
    happen("SUBMITTED", timedelta(0), amount_halalas=12_500 + off_rate, fee_halalas=10_000, posted_charge_halalas=2_500)
    happen("FORWARDED", timedelta(seconds=5), agency_code=agency)
    happen("RECEIVED", timedelta(minutes=rng.randrange(5, 600)), agency_code=agency)
    if rng.random() < 0.08:
        happen("RETURNED", timedelta(hours=rng.randrange(1, 30)), agency_code=agency)
        happen("RESUBMITTED", timedelta(hours=rng.randrange(1, 48)))
        happen("RECEIVED", timedelta(minutes=rng.randrange(5, 300)), agency_code=agency)
    happen("COMPLETED", timedelta(hours=rng.randrange(2, 72)), agency_code=agency)
    happen("COMPLETED_AT_CENTRE", timedelta(seconds=10))
    happen("DELIVERED", timedelta(hours=rng.randrange(1, 96)))
    return [e for e in events if business_day(e.at) <= today]


def seed_events(container: Container, events: list[RequestEvent]) -> None:
    """The consumer's aggregation (``figures_of_event``) over every event; its writes batched."""
    clocks: dict[str, RequestClock] = {}
    deltas: list[FigureDelta] = []
    working = container.use_cases.service_levels.working_calendar()
    for event in events:
        clock = clocks.get(event.request_id, RequestClock(event.request_id))
        change = figures_of_event(event, clock, working)
        if change is not None:
            clocks[event.request_id] = replace(change.clock, version=clock.version + 1)
            deltas.extend(change.deltas)
    figures = container.adapters.figures
    for delta in merge_deltas(deltas):  # one UpdateItem per aggregate: moto copies the table per transaction item
        figures._item_of(delta).update(actions=figures._actions_of(delta))
    items = container.adapters.main_table.bind(RequestClockItem)
    with items.batch_write() as batch:
        for clock in clocks.values():
            batch.save(items.from_domain(replace(clock, version=0)))


def licensed_centres(container: Container) -> None:
    registry = container.use_cases.centre_licensing._registry
    now = container.adapters.clock.now()

    def audit(action: str, centre_id: str) -> Any:
        return container.use_cases.auditor.record(MONITOR, action, target("centre", centre_id), Outcome.ALLOWED)

    def notice(kind: NoticeKind, centre_id: str) -> CentreNotice:
        return CentreNotice(centre_id, uuid.uuid4().hex, kind, now)

    for number, centre_id in enumerate(CENTRES, 1):
        registered = register_centre(registration(centre_id, f"LIC-MED-BENCH-{number:04d}"))
        registry.register_centre(
            registered, audit("registerCentre", centre_id), notice(NoticeKind.REGISTERED, centre_id)
        )
        active = license_centre(registered, now.date() + timedelta(days=365), now.date(), None)
        registry.change_centre(
            active, registered, audit("licenseCentre", centre_id), notice(NoticeKind.LICENSED, centre_id)
        )


def consumer_calls_per_event(container: Container, rng: random.Random) -> dict[str, float]:
    """The figures consumer itself, event by event, on a small sample."""
    today = container.adapters.clock.now().date()
    sample = [e for n in range(CONSUMER_SAMPLE // 6 + 1) for e in life_of(900_000 + n, today, rng)][:CONSUMER_SAMPLE]
    with counted_calls(container) as calls:
        for event in sample:
            container.use_cases.figure_recording.record(event)
    return {name: round(count / len(sample), 2) for name, count in Tally(c.name for c in calls).items()}


def measure(container: Container, requests: int, events: int) -> Measure:
    today = container.adapters.clock.now().date()
    month = Period(today - timedelta(days=29), today)
    performance = container.use_cases.performance
    timings = []
    for _ in range(READS):
        started = time.perf_counter()
        performance.centre_performance(MONITOR, CENTRES[0], month)
        timings.append((time.perf_counter() - started) * 1000)
    with counted_calls(container) as calls:
        read = performance.centre_performance(MONITOR, CENTRES[0], month)
    with counted_calls(container) as overview_calls:
        performance.region_overview(MONITOR, month)
    with counted_calls(container) as ranking_calls:
        performance.centre_ranking(MONITOR, RankingMetric.ACKNOWLEDGEMENT_MEDIAN, month)
    return Measure(
        requests=requests,
        events=events,
        calls=calls,
        overview_calls=overview_calls,
        ranking_calls=ranking_calls,
        median_ms=statistics.median(timings),
        p90_ms=statistics.quantiles(timings, n=10)[-1],
        submitted_in_month=read.figures.totals.get("submitted", 0),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--seed", type=int, default=255)
    arguments = parser.parse_args()
    use_fake_credentials()
    rng = random.Random(arguments.seed)  # noqa: S311 (reproducible synthetic load, nothing secret)
    results: list[Measure] = []
    with mock_aws():
        stack = provision()
        os.environ.update(stack.environment)
        container = build_container(Settings.from_environ(stack.environment))
        seed_catalogue(container.use_cases.catalogue)
        licensed_centres(container)
        per_event = consumer_calls_per_event(container, rng)
        today = container.adapters.clock.now().date()
        seeded, seeded_events = 0, 0
        for volume in sorted(arguments.requests):
            events = [e for n in range(seeded, volume) for e in life_of(n, today, rng)]
            started = time.perf_counter()
            seed_events(container, events)
            print(
                f"seeded {volume - seeded} requests ({len(events)} events) in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
            seeded, seeded_events = volume, seeded_events + len(events)
            results.append(measure(container, volume, seeded_events))
    report(results, per_event)
    grew = any(len(later.calls) > len(earlier.calls) for earlier, later in itertools.pairwise(results))
    return 1 if grew else 0


def report(results: list[Measure], per_event: dict[str, float]) -> None:
    print(
        "\nthe figures consumer, per event:", ", ".join(f"{name} {count}" for name, count in sorted(per_event.items()))
    )
    print("\n30-day centrePerformance of one centre (20 centres, requests spread over 60 days):\n")
    print("moto answers every Query by walking the whole table, so its times grow with the table; DynamoDB's")
    print("grow with the items returned, which the read keeps to the period's days whatever the volume.\n")
    print(
        "| requests | events | the centre's requests in the month | DynamoDB calls | each call (items returned, time on moto)"
        " | read median | read p90 | regionOverview calls | centreRanking calls |"
    )
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for m in results:
        names = ", ".join(str(c) for c in m.calls)
        print(
            f"| {m.requests:,} | {m.events:,} | {m.submitted_in_month:,} | {len(m.calls)} | {names} | {m.median_ms:.1f} ms | {m.p90_ms:.1f} ms"
            f" | {len(m.overview_calls)} | {len(m.ranking_calls)} |"
        )


if __name__ == "__main__":
    sys.exit(main())
