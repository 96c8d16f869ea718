"""A warm process's GraphQL overhead: the app's schema with its extensions against raw graphql-core.

    make bench-warm        # or: .venv/bin/python -m bench.warm_overhead --rounds 30

The same schema types (Strawberry's, production policy: no introspection), the same documents from
``graphql/`` and the same resolvers over the same in-memory use cases (the unit tests' fakes, seeded
with the catalogue), run three ways in alternating rounds so that machine noise hits them alike:

* **raw** — graphql-core alone: the document parsed and validated once, then ``graphql.execute`` on the
  graphql-core schema of a plain ``strawberry.Schema`` of the same root types (no extensions: the app's
  schema has its root fields' and union fields' resolvers wrapped in place, see
  ``functions/api/resolver_wrappers.py``), each time with a fresh context. This is the floor: the
  resolvers' own work and graphql-core's execution, nothing else.
* **app** — ``schema.execute(text)`` as every request runs it on Lambda: the parser and validation
  caches, the limits, value lengths, the error policy, problems mapped to results, and the context of
  a request served alone on its loop (``served_alone``: each document here has one root field, so it
  runs on the loop, see ``functions/api/root_fields.py``).
* **uvicorn** — the same, as ``make dev`` serves it: the root field in a worker thread.

Reported per document: medians over the rounds of the mean time per operation, and the ratios to raw
(issue 19's target: app ≤ 1.5× raw, validation cached). ``CentreServiceCatalogue`` goes through the
DataLoader of agencies (each route stage's agencies, batched per request).

Exit status 1 when any app ratio (Lambda's: the target's) is over ``--max-ratio`` (default 1.5).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import graphql
import strawberry

from functions.api.context import GraphQLContext
from functions.api.schema import GraphQLPolicy, build_schema
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.local.seeding import seed_catalogue
from tests.fakes.identity import IdentityWorld

ROOT = Path(__file__).resolve().parents[1]
MONITOR = Principal("bench-monitor", Role.MONITOR)
TODAY = date(2026, 12, 1)


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    operation: str
    variables: dict[str, Any]
    principal: Principal


CASES = (
    Case("agencies", "graphql/center/catalogue.graphql", "Agencies", {}, ANONYMOUS),
    Case("catalogue (DataLoader)", "graphql/center/console.graphql", "CentreServiceCatalogue", {}, ANONYMOUS),
    Case(
        "region overview (monitor)",
        "graphql/monitor/performance.graphql",
        "RegionOverview",
        {"from": str(TODAY - timedelta(days=30)), "to": str(TODAY)},
        MONITOR,
    ),
)


@dataclass
class Timings:
    """Each way's mean time per operation, one per round (µs)."""

    by_way: dict[str, list[float]]

    def median(self, way: str) -> float:
        return statistics.median(self.by_way[way])

    def ratio(self, way: str) -> float:
        return self.median(way) / self.median("raw")


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    schema = build_schema(GraphQLPolicy.for_stage("prod"))
    # graphql-core's schema under Strawberry's (pinned: tests/unit/test_strawberry_surface.py), of the same
    # root types with none of the app's extensions, so none of its resolver wrappers either
    floor_schema = strawberry.Schema(
        query=schema.query, mutation=schema.mutation, subscription=schema.subscription, config=schema.config
    )._schema
    worst = 0.0
    print(f"{'document':28} {'raw µs/op':>10} {'app µs/op':>10} {'ratio':>6} {'uvicorn µs/op':>14} {'ratio':>6}")
    for case in CASES:
        text = (ROOT / case.file).read_text(encoding="utf-8")

        def context(principal: Principal = case.principal, served_alone: bool = False) -> GraphQLContext:
            return GraphQLContext(
                use_cases=world.use_cases, correlation_id="bench", principal=principal, served_alone=served_alone
            )

        parsed = graphql.parse(text)
        errors = graphql.validate(floor_schema, parsed)
        if errors:
            raise SystemExit(f"{case.file} does not validate: {errors}")

        async def raw(case: Case = case, parsed: graphql.DocumentNode = parsed) -> Any:
            result = graphql.execute(
                floor_schema,
                parsed,
                context_value=context(),
                variable_values=case.variables,
                operation_name=case.operation,
            )
            return await result if asyncio.iscoroutine(result) else result

        async def app(case: Case = case, text: str = text) -> Any:
            return await schema.execute(
                text,
                variable_values=case.variables,
                context_value=context(served_alone=True),
                operation_name=case.operation,
            )

        async def uvicorn(case: Case = case, text: str = text) -> Any:
            return await schema.execute(
                text, variable_values=case.variables, context_value=context(), operation_name=case.operation
            )

        floor = asyncio.run(raw())
        _same_answer(case, floor, asyncio.run(app()))
        _same_answer(case, floor, asyncio.run(uvicorn()))
        timings = _timed({"raw": raw, "app": app, "uvicorn": uvicorn}, options.rounds, options.operations)
        worst = max(worst, timings.ratio("app"))
        print(
            f"{case.name:28} {timings.median('raw'):10.0f} {timings.median('app'):10.0f} {timings.ratio('app'):6.2f}"
            f" {timings.median('uvicorn'):14.0f} {timings.ratio('uvicorn'):6.2f}"
        )
    print(f"worst ratio {worst:.2f} (limit {options.max_ratio})")
    return 1 if worst > options.max_ratio else 0


def _same_answer(case: Case, raw: Any, app: Any) -> None:
    """Every way must answer the same data without errors, or the comparison would mean nothing."""
    if raw.errors or app.errors or raw.data != app.data:
        raise SystemExit(f"{case.name}: the ways answer differently: {raw.errors or app.errors}")


def _timed(ways: dict[str, Callable[[], Any]], rounds: int, operations: int) -> Timings:
    timings = Timings(by_way={way: [] for way in ways})

    async def batch(run: Callable[[], Any]) -> float:
        started = time.perf_counter()
        for _ in range(operations):
            await run()
        return (time.perf_counter() - started) / operations * 1_000_000

    async def alternate() -> None:
        for run in ways.values():  # warm-up of each, discarded
            await batch(run)
        for _ in range(rounds):
            for way, run in ways.items():
                timings.by_way[way].append(await batch(run))

    asyncio.run(alternate())
    return timings


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="alternating rounds (default 20)")
    parser.add_argument("--operations", type=int, default=50, help="operations per round (default 50)")
    parser.add_argument("--max-ratio", type=float, default=1.5, help="exit 1 above this app/raw ratio (Lambda's)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
