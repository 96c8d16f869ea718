"""A region's day under load (issue 19, item 4): Locust, as a library, against a running ``make dev``.

    make dev                                   # in one terminal
    make bench-load                            # in another: 30 requests/s mixed, 10 minutes
    .venv/bin/python -m bench.region_day --rate 0.5 --minutes 1    # a shorter, lighter run

The people (``bench/region_day_users.py``) send the screens' own trusted documents: two centre desks
filing (documents to S3, then the filing, paid in cash), the same centres' screens and hand-overs, the
Municipality's and Civil Defence's officers working their windows, citizens tracking by number and
PIN, the monitoring office reading the day's figures; and 20 officers' screens stay subscribed to
``handoffEvents`` (10 per agency) over the WebSocket API the whole time. Everything is on 127.0.0.1;
the run is bounded in time (``--minutes``) and in rate (``--rate``, 1 = about 30 requests/s).

After the load, nothing may be lost (``bench/region_day_checks.py``): every filing answered
``SubmittedRequest`` is in the stack with its receipt SMS delivered, the monitoring office's figures
count every filing and every delivered SMS of the run exactly once, and each subscriber heard every
hand-off of its agency that the others heard. Exit 1 on any error or anything lost; the latency goals
(p95 <= 1 s for reads, <= 2 s for filings and changes) are reported beside the figures, and
``--strict`` makes missing them exit 1 too. The machine's CPU is sampled per process (the dev server,
moto, this load generator) to show which of them is the bottleneck.
"""

from __future__ import annotations

# Locust patches the standard library for gevent as it is imported: first, before sockets are made.
import locust  # isort: skip  # noqa: F401

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gevent
from locust.env import Environment

from bench.region_day_cast import Region
from bench.region_day_checks import Checks, Subscribers, percentile
from bench.region_day_load import CpuSampler, prepare
from bench.region_day_users import Desk, DeskScreen, Monitor, Officer, Screen, Tracker

USERS: tuple[type[Screen], ...] = (Desk, DeskScreen, Officer, Tracker, Monitor)
READ_P95_MS, WRITE_P95_MS = 1000.0, 2000.0
STOP_SECONDS = 60


@dataclass
class Latencies:
    """Every answer's time, by kind (read, filing, write, upload) and by request name."""

    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_name: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    counting: bool = False

    def heard(self, name: str, response_time: float, exception: BaseException | None, **_: Any) -> None:
        if not self.counting:
            return
        kind = name.split(" · ", 1)[0]
        self.by_kind[kind].append(response_time)
        self.by_name[name].append(response_time)
        if exception is not None:
            self.errors[name] += 1
            if len(self.samples) < 10:
                self.samples.append(f"{name}: {exception}")


def summary(values: list[float]) -> dict[str, float]:
    return {
        "count": len(values),
        "p50_ms": round(statistics.median(values)) if values else 0,
        "p95_ms": round(percentile(values, 0.95)),
        "p99_ms": round(percentile(values, 0.99)),
        "max_ms": round(max(values)) if values else 0,
    }


def run(url: str, rate: float, minutes: float, subscribers: int, strict: bool, output: Path) -> int:
    base = url.removesuffix("/graphql")
    print(f"preparing the cast against {base} ...", flush=True)
    region = prepare(base, rate)
    Screen.region = region
    listening = Subscribers(base, region, per_agency=subscribers).start()
    latencies = Latencies()
    # stop_timeout: at the end each user finishes the task it is in, so a filing sent is a filing counted
    environment = Environment(user_classes=list(USERS), host=base, stop_timeout=STOP_SECONDS)
    environment.events.request.add_listener(latencies.heard)
    checks = Checks(base, region)
    before = checks.figures()
    cpu = CpuSampler(base).start()
    runner = environment.create_local_runner()
    users = sum(user.fixed_count for user in USERS)
    latencies.counting = True
    started = time.monotonic()
    runner.start(users, spawn_rate=users)
    print(
        f"{users} users and {len(listening.clients)} subscribers for {minutes:g} min at rate {rate:g} ...", flush=True
    )
    gevent.spawn_later(minutes * 60, runner.quit)
    runner.greenlet.join()
    elapsed = time.monotonic() - started
    latencies.counting = False
    load_cpu = cpu.stop()
    print(
        f"load over after {elapsed:.0f} s; {len(region.filed)} filings; checking that nothing was lost ...", flush=True
    )
    lost = checks.nothing_lost(before, listening)
    listening.stop()
    return report(region, latencies, elapsed, load_cpu, lost, rate, minutes, strict, output)


def report(
    region: Region,
    latencies: Latencies,
    elapsed: float,
    cpu: dict[str, float],
    lost: dict[str, Any],
    rate: float,
    minutes: float,
    strict: bool,
    output: Path,
) -> int:
    requests = sum(len(values) for values in latencies.by_kind.values())
    app = sum(len(values) for kind, values in latencies.by_kind.items() if kind != "upload")
    errors = sum(latencies.errors.values())
    kinds = {kind: summary(values) for kind, values in sorted(latencies.by_kind.items())}
    names = {name: summary(values) for name, values in sorted(latencies.by_name.items())}
    writes = latencies.by_kind.get("filing", []) + latencies.by_kind.get("write", [])
    goals = {
        "reads_p95_ms": kinds.get("read", {}).get("p95_ms", 0),
        "reads_goal_ms": READ_P95_MS,
        "filings_and_changes_p95_ms": round(percentile(writes, 0.95)),
        "filings_and_changes_goal_ms": WRITE_P95_MS,
    }
    met = goals["reads_p95_ms"] <= READ_P95_MS and goals["filings_and_changes_p95_ms"] <= WRITE_P95_MS
    result = {
        "rate": rate,
        "minutes": minutes,
        "seconds": round(elapsed),
        "requests": requests,
        "app_requests_per_second": round(app / elapsed, 1),
        "all_requests_per_second": round(requests / elapsed, 1),
        "errors": errors,
        "error_samples": latencies.samples,
        "filings": len(region.filed),
        "conflicts_retried": region.conflicts,
        "kinds": kinds,
        "requests_by_name": names,
        "goals": goals,
        "goals_met": met,
        "cpu_percent_of_one_core": cpu,
        "lost": lost,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(
        f"\n{requests} requests in {elapsed:.0f} s: {result['app_requests_per_second']} app requests/s "
        f"({result['all_requests_per_second']} with the uploads to S3); errors: {errors}; "
        f"filings: {len(region.filed)}; Conflict answers retried: {region.conflicts}"
    )
    for name, figures in names.items():
        print(
            f"  {name:<40} n={figures['count']:<6} p50 {figures['p50_ms']:>5} ms  p95 {figures['p95_ms']:>5} ms"
            f"  max {figures['max_ms']:>6} ms  errors {latencies.errors.get(name, 0)}"
        )
    for kind, figures in kinds.items():
        print(f"  all {kind:<36} n={figures['count']:<6} p50 {figures['p50_ms']:>5} ms  p95 {figures['p95_ms']:>5} ms")
    print(
        f"goals: reads p95 {goals['reads_p95_ms']} ms (<= {READ_P95_MS:.0f}), filings and changes p95 "
        f"{goals['filings_and_changes_p95_ms']} ms (<= {WRITE_P95_MS:.0f}): {'met' if met else 'MISSED'}"
    )
    print("CPU, % of one core (mean over the load): " + ", ".join(f"{k} {v:.0f}%" for k, v in cpu.items()))
    print("nothing lost: " + ("yes" if not lost["problems"] else "NO") + f" ({json.dumps(lost['counted'])})")
    for problem in lost["problems"][:20]:
        print(f"  LOST: {problem}")
    for sample in latencies.samples:
        print(f"  ERROR: {sample}")
    print(f"report: {output}")
    failed = errors > 0 or bool(lost["problems"]) or (strict and not met)
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql", help="the dev server's GraphQL URL")
    parser.add_argument("--rate", type=float, default=1.0, help="1 = about 30 requests/s; 0.5 half that")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--subscribers", type=int, default=10, help="handoffEvents subscribers per agency")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a latency goal is missed too")
    parser.add_argument("--report", type=Path, default=Path("build/bench/region_day.json"), help="the figures, JSON")
    arguments = parser.parse_args()
    sys.exit(
        run(arguments.url, arguments.rate, arguments.minutes, arguments.subscribers, arguments.strict, arguments.report)
    )


if __name__ == "__main__":
    main()
