"""``make bench-cost``: what one request's life costs on AWS, counted on the local stack and priced.

    python -m bench.lifecycle_cost [--runs 3]

Starts the real local stack in this process (moto's server, ``infra/`` provisioned, the seed, the queue
pump calling the real handlers) and the HTTP app under uvicorn on a free loopback port, prepares the
cast (``bench/lifecycle_story.py``; not counted), then for each run files one shop licence and follows
it to delivery while ``bench/lifecycle_meter.py`` counts: Lambda invocations by function, every AWS
call of our code, DynamoDB's request units, the messages handed to consumers, our SNS publishes, and,
from the Step Functions execution's history, its state transitions and the publishes the state
machine makes itself. Prints, per run, the counts priced with ``bench/lifecycle_prices.py`` against
issue 19's target, and the cost by step. The figures of a run are kept in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import uvicorn

from bench.lifecycle_meter import DynamoUnits, Meter
from bench.lifecycle_prices import PRICES, TARGET_USD, CostLine, lambda_gb_seconds, sqs_requests
from bench.lifecycle_story import Api, Story, prepare
from functions.bootstrap import Container
from functions.local import stack as local_stack_module
from functions.local.provision import ProvisionedStack
from functions.local.queue_pump import QueueRoute
from functions.local.stack import LocalStack, local_stack
from tests.support.ports import free_port

_S3_PUT_CLASS = ("Put", "Post", "Copy", "List", "CreateMultipart", "UploadPart", "CompleteMultipart")


@dataclass(frozen=True)
class Run:
    request_id: str
    lines: list[CostLine]
    duration: CostLine
    sms: int
    by_function: Counter[str]
    records: Counter[str]
    seconds: dict[str, float]
    steps: list[tuple[str, int, int, float, float]]
    """(step, HTTP invocations, consumer invocations, WRU, RRU)."""
    sfn_events: Counter[str]
    publishes: Counter[str]
    calls: Counter[tuple[str, str, str]]
    units: dict[tuple[str, str], tuple[float, float]]
    """(function, DynamoDB operation) -> (WRU, RRU)."""
    by_item: Counter[tuple[str, str]]
    """(item kind, ``table``, ``indexes``, ``writes``, ``bytes``) -> WRU, writes, bytes (mean = bytes / writes)."""
    conflicts: int

    @property
    def total(self) -> float:
        return CostLine.total(self.lines)


def machine_publishes(history: list[dict[str, Any]]) -> Counter[str]:
    """The SNS publishes the state machine made itself (its ``arn:aws:states:::sns:publish*`` tasks)."""
    topics: Counter[str] = Counter()
    for event in history:
        details = event.get("taskScheduledEventDetails")
        if details and details.get("resourceType") == "sns" and str(details.get("resource", "")).startswith("publish"):
            topic = str(json.loads(details["parameters"]).get("TopicArn", "")).rsplit(":", 1)[-1]
            topics[topic] += 1
    return topics


def measure(story: Story, meter: Meter) -> Run:
    meter.reset()
    story.conflicts = 0
    request_id = story.file_to_delivery()
    history = story.history(request_id)
    sfn_events = Counter(str(event["type"]) for event in history)
    transitions = sum(n for kind, n in sfn_events.items() if kind.endswith("StateEntered"))
    ours = Counter({topic: n for topic, n in meter.publishes.items() if topic != "SMS"})
    by_machine = machine_publishes(history)
    consumers = [i for i in meter.invocations if i.function != "graphqlHttp"]
    http = len(meter.invocations) - len(consumers)
    s3 = Counter(
        "S3 PUT/POST/LIST" if operation.startswith(_S3_PUT_CLASS) else "S3 GET/HEAD/other"
        for (_, service, operation), n in meter.calls.items()
        for _ in range(n)
        if service == "s3"
    )
    kms = sum(n for (_, service, _), n in meter.calls.items() if service == "kms")
    counts = {
        "Lambda requests": len(meter.invocations),
        "API Gateway HTTP API": http,
        "DynamoDB writes": sum(meter.wru.values()),
        "DynamoDB reads": sum(meter.rru.values()),
        "SQS requests": sqs_requests(sum(i.records for i in consumers), len(consumers)),
        "SNS publishes": sum(ours.values()) + sum(by_machine.values()),
        "Step Functions transitions": transitions,
        **s3,
        "KMS requests": kms,
    }
    lines = [CostLine(name, count, PRICES[name]) for name, count in counts.items() if count]
    gb_s = lambda_gb_seconds(i.seconds for i in meter.invocations)
    steps = []
    for step in dict.fromkeys(i.step for i in meter.invocations):
        mine = [i for i in meter.invocations if i.step == step]
        calls = sum(1 for i in mine if i.function == "graphqlHttp")
        wru = sum(n for (s, _, _), n in meter.wru.items() if s == step)
        rru = sum(n for (s, _, _), n in meter.rru.items() if s == step)
        steps.append((step, calls, len(mine) - calls, float(wru), rru))
    return Run(
        request_id=request_id,
        lines=lines,
        duration=CostLine("Lambda duration (arm64)", gb_s, PRICES["Lambda duration (arm64)"]),
        sms=meter.publishes["SMS"],
        by_function=Counter(i.function for i in meter.invocations),
        records=Counter(
            {f: sum(i.records for i in consumers if i.function == f) for f in {c.function for c in consumers}}
        ),
        seconds={
            f: sum(i.seconds for i in meter.invocations if i.function == f)
            for f in {i.function for i in meter.invocations}
        },
        steps=steps,
        sfn_events=sfn_events,
        publishes=ours + Counter({f"{topic} (state machine)": n for topic, n in by_machine.items()}),
        calls=meter.calls.copy(),
        units=dynamo_units(meter),
        by_item=meter.units.by_item.copy() if meter.units else Counter(),
        conflicts=story.conflicts,
    )


def dynamo_units(meter: Meter) -> dict[tuple[str, str], tuple[float, float]]:
    keys = {(f, o) for _, f, o in meter.wru} | {(f, o) for _, f, o in meter.rru}
    return {
        (f, o): (
            float(sum(n for (_, g, p), n in meter.wru.items() if (g, p) == (f, o))),
            sum(n for (_, g, p), n in meter.rru.items() if (g, p) == (f, o)),
        )
        for f, o in keys
    }


def report(number: int, run: Run) -> str:
    out = [f"\n=== run {number}: request {run.request_id} ===", "", "Lambda invocations (wall time on this machine):"]
    for function, n in run.by_function.most_common():
        records = f", {run.records[function]} records" if function in run.records else ""
        out.append(f"  {function:<14} {n:>3} invocations{records}, {run.seconds[function] * 1000:>7.0f} ms")
    out += ["", "AWS calls of our code (function, service, operation):"]
    for (f, s, o), n in sorted(run.calls.items()):
        wru, rru = run.units.get((f, o), (0.0, 0.0)) if s == "dynamodb" else (0.0, 0.0)
        units = f"  ({wru:.0f} WRU, {rru:.1f} RRU)" if s == "dynamodb" else ""
        out.append(f"  {n:>4}  {f} {s}:{o}{units}")
    out += [
        "",
        "SNS publishes: " + ", ".join(f"{t} {n}" for t, n in run.publishes.most_common()) + f"; SMS sent {run.sms}",
    ]
    entered = {kind: n for kind, n in run.sfn_events.items() if kind.endswith("StateEntered")}
    out.append("Step Functions states entered: " + ", ".join(f"{k} {n}" for k, n in sorted(entered.items())))
    live_queries = sum(
        n for (f, s, o), n in run.calls.items() if f == "liveEvents" and s == "dynamodb" and o == "Query"
    )
    posts = sum(n for (f, s, _), n in run.calls.items() if f == "liveEvents" and s == "apigatewaymanagementapi")
    out.append(
        f"liveEvents with no subscriber connected: {run.records.get('liveEvents', 0)} events, "
        f"{live_queries} DynamoDB queries, {posts} posts to connections"
    )
    out += ["", f"{'':<28}{'count':>10}  {'unit':<11}{'unit price $':>14}{'cost $':>12}{'share':>8}"]
    for line in sorted(run.lines, key=lambda cost: -cost.usd):
        out.append(
            f"{line.name:<28}{line.count:>10.1f}  {line.price.unit:<11}{line.price.usd:>14.10f}"
            f"{line.usd:>12.8f}{line.usd / run.total:>8.1%}"
        )
    out.append(f"{'total per lifecycle (no SMS)':<28}{'':>10}  {'':<11}{'':>14}{run.total:>12.8f}{1:>8.0%}")
    out.append(f"  against the target ${TARGET_USD}: {run.total / TARGET_USD:.2f}x")
    duration = run.duration
    out.append(
        f"  apart: {duration.name} at this machine's wall time {duration.count:.3f} GB-s x {duration.price.usd} = "
        f"${duration.usd:.8f} (moto is slower than AWS: an upper bound); SMS {run.sms}, priced apart"
    )
    out += ["", f"{'step':<34}{'HTTP':>5}{'queue':>6}{'WRU':>6}{'RRU':>7}"]
    out += [f"{step:<34}{http:>5}{queue:>6}{wru:>6.0f}{rru:>7.1f}" for step, http, queue, wru, rru in run.steps]
    kinds = sorted(
        {kind for kind, _ in run.by_item}, key=lambda k: -run.by_item[k, "table"] - run.by_item[k, "indexes"]
    )
    out += ["", f"{'write units by item':<34}{'writes':>7}{'bytes':>7}{'table':>6}{'indexes':>8}"]
    out += [
        f"{kind:<34}{run.by_item[kind, 'writes']:>7}{run.by_item[kind, 'bytes'] // run.by_item[kind, 'writes']:>7}"
        f"{run.by_item[kind, 'table']:>6}{run.by_item[kind, 'indexes']:>8}"
        for kind in kinds
    ]
    if run.conflicts:
        out.append(f"(mutations retried after a Conflict: {run.conflicts})")
    return "\n".join(out)


@contextmanager
def serving(app: Any, port: int) -> Iterator[str]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("uvicorn did not start")
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def gsi_keys(stack: LocalStack) -> dict[str, list[tuple[str, ...]]]:
    dynamodb = stack.container.adapters.client("dynamodb")
    tables = [r.ref for name, r in stack.provisioned.resources.items() if name.endswith("Table")]
    described = {table: dynamodb.describe_table(TableName=table)["Table"] for table in tables}
    return {
        table: [
            tuple(key["AttributeName"] for key in index["KeySchema"])
            for index in info.get("GlobalSecondaryIndexes", [])
        ]
        for table, info in described.items()
    }


class _Idle:
    def start(self) -> _Idle:
        return self

    def stop(self) -> None:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    # The handlers' INFO lines would bury the figures.
    os.environ["POWERTOOLS_LOG_LEVEL"] = "WARNING"
    meter = Meter()
    unmetered_routes = local_stack_module.queue_routes

    def metered_routes(
        container: Container, stack: ProvisionedStack, on_sms: Callable[[str], None] | None
    ) -> list[QueueRoute]:
        return [
            replace(route, handler=meter.lambda_function(route.name, route.handler))
            for route in unmetered_routes(container, stack, on_sms)
        ]

    local_stack_module.queue_routes = metered_routes
    # The local stand-in for S3 -> EventBridge lists the settlements bucket every second: on AWS EventBridge
    # does that for nothing, and a request's life puts no settlement file, so it is not run here.
    local_stack_module.settlement_events = lambda container, stack: _Idle()
    http_port = free_port()
    runs: list[Run] = []
    with meter.installed(), local_stack(free_port(), print_sms=False, http_port=http_port) as stack:
        meter.units = DynamoUnits(gsi_keys(stack), meter.uncounted_probe(stack.container.adapters.client("dynamodb")))
        with serving(meter.asgi(stack.container.asgi_app), http_port) as url:
            api = Api(url)
            story = Story(api, stack, meter, prepare(api))
            for number in range(1, arguments.runs + 1):
                runs.append(measure(story, meter))
                print(report(number, runs[-1]), flush=True)
    totals = [run.total for run in runs]
    print(
        f"\nper lifecycle over {len(runs)} runs: median ${statistics.median(totals):.8f}, min ${min(totals):.8f}, max ${max(totals):.8f}"
    )


if __name__ == "__main__":
    main()
