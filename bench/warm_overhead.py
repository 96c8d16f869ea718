"""A warm process's GraphQL overhead: the app's schema with its extensions against raw graphql-core.

    make bench-warm        # or: .venv/bin/python -m bench.warm_overhead --rounds 30

The same schema types (Strawberry's, production policy: no introspection), the same documents from
``graphql/`` and the same resolvers over the same in-memory use cases (the unit tests' fakes, seeded
with the catalogue), run two ways in alternating rounds so that machine noise hits both alike:

* **raw** — graphql-core alone: the document parsed and validated once, then ``graphql.execute`` on the
  graphql-core schema of a plain ``strawberry.Schema`` of the same root types (no extensions: the app's
  schema has its root fields' and union fields' resolvers wrapped in place, see
  ``functions/api/resolver_wrappers.py``), each time with a fresh context. This is the floor: the
  resolvers' own work and graphql-core's execution, nothing else.
* **app** — ``schema.execute(text)`` as every request runs it: the parser and validation caches, the
  limits, value lengths, the error policy, problems mapped to results, root fields in a worker thread.

Reported per document: medians over the rounds of the mean time per operation, and their ratio
(issue 19's target: app ≤ 1.5× raw, validation cached). ``CentreServiceCatalogue`` goes through the
DataLoader of agencies (each route stage's agencies, batched per request).

Exit status 1 when any ratio is over ``--max-ratio`` (default 1.5).
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
    raw: list[float]
    app: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.app) / statistics.median(self.raw)


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
    print(f"{'document':28} {'raw µs/op':>10} {'app µs/op':>10} {'ratio':>6}")
    for case in CASES:
        text = (ROOT / case.file).read_text(encoding="utf-8")

        def context(principal: Principal = case.principal) -> GraphQLContext:
            return GraphQLContext(use_cases=world.use_cases, correlation_id="bench", principal=principal)

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
                text, variable_values=case.variables, context_value=context(), operation_name=case.operation
            )

        _same_answer(case, asyncio.run(raw()), asyncio.run(app()))
        timings = _timed(raw, app, options.rounds, options.operations)
        worst = max(worst, timings.ratio)
        print(
            f"{case.name:28} {statistics.median(timings.raw):10.0f} {statistics.median(timings.app):10.0f}"
            f" {timings.ratio:6.2f}"
        )
    print(f"worst ratio {worst:.2f} (limit {options.max_ratio})")
    return 1 if worst > options.max_ratio else 0


def _same_answer(case: Case, raw: Any, app: Any) -> None:
    """Both ways must answer the same data without errors, or the comparison would mean nothing."""
    if raw.errors or app.errors or raw.data != app.data:
        raise SystemExit(f"{case.name}: the two ways answer differently: {raw.errors or app.errors}")


def _timed(raw: Callable[[], Any], app: Callable[[], Any], rounds: int, operations: int) -> Timings:
    timings = Timings(raw=[], app=[])

    async def batch(run: Callable[[], Any]) -> float:
        started = time.perf_counter()
        for _ in range(operations):
            await run()
        return (time.perf_counter() - started) / operations * 1_000_000

    async def alternate() -> None:
        await batch(raw)  # warm-up of both, discarded
        await batch(app)
        for _ in range(rounds):
            timings.raw.append(await batch(raw))
            timings.app.append(await batch(app))

    asyncio.run(alternate())
    return timings


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="alternating rounds (default 20)")
    parser.add_argument("--operations", type=int, default=50, help="operations per round (default 50)")
    parser.add_argument("--max-ratio", type=float, default=1.5, help="exit 1 above this app/raw ratio")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
