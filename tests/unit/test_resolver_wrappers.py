"""The resolver wrappers (``functions/api/resolver_wrappers.py``) are put once, when the schema is built,
around the fields they concern: a root field runs in a worker thread (on the loop where nothing could
go on beside it), its nested fields on the loop with no hook of ours, and a union field maps problems;
no other field is touched (issue 19)."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
import strawberry
from graphql import GraphQLObjectType, GraphQLUnionType, get_nullable_type, is_introspection_type

from functions.api import results, root_fields
from functions.api.error_policy import ErrorPolicy
from functions.api.results import ProblemsAsResults
from functions.api.root_fields import RootFieldsInThreads
from functions.api.schema import GraphQLPolicy, ShubbakSchema, build_schema
from functions.api.types.problem import NotFoundProblem
from functions.domain.errors import ErrorCode, NotFound

RAN_IN: dict[str, int] = {}


@strawberry.type
class Leaf:
    @strawberry.field
    def name(self) -> str:
        RAN_IN["nested"] = threading.get_ident()
        return "leaf"


LeafResult = Annotated[Leaf | NotFoundProblem, strawberry.union("LeafResult")]


@strawberry.type
class Query:
    @strawberry.field
    def leaf(self) -> Leaf:
        RAN_IN["root"] = threading.get_ident()
        return Leaf()

    @strawberry.field
    def missing(self) -> LeafResult:
        raise NotFound(ErrorCode.NOT_FOUND, field="code")


@strawberry.type
class Mutation:
    @strawberry.mutation
    def first(self) -> int:
        RAN_IN["first"] = threading.get_ident()
        return 1

    @strawberry.mutation
    def second(self) -> int:
        RAN_IN["second"] = threading.get_ident()
        return 2


@dataclass
class Served:
    served_alone: bool


def schema() -> ShubbakSchema:
    return ShubbakSchema(
        query=Query, mutation=Mutation, extensions=[ErrorPolicy, ProblemsAsResults, RootFieldsInThreads]
    )


async def on_the_loop(built: ShubbakSchema, document: str, context: Served | None = None) -> tuple[Any, int]:
    result = await built.execute(document, context_value=context)
    assert result.errors is None
    return result.data, threading.get_ident()


def test_a_root_field_runs_in_a_worker_thread_and_its_nested_fields_on_the_loop() -> None:
    data, loop_thread = asyncio.run(on_the_loop(schema(), "{ leaf { name } }"))
    assert data == {"leaf": {"name": "leaf"}}
    assert RAN_IN["root"] != loop_thread
    assert RAN_IN["nested"] == loop_thread


def test_served_alone_a_mutations_root_fields_run_on_the_loop_as_they_run_one_after_the_other() -> None:
    data, loop_thread = asyncio.run(on_the_loop(schema(), "mutation { first second }", Served(served_alone=True)))
    assert data == {"first": 1, "second": 2}
    assert RAN_IN["first"] == RAN_IN["second"] == loop_thread


def test_served_with_others_a_mutations_root_fields_run_in_worker_threads() -> None:
    _, loop_thread = asyncio.run(on_the_loop(schema(), "mutation { first second }", Served(served_alone=False)))
    assert loop_thread not in {RAN_IN["first"], RAN_IN["second"]}


def test_each_schema_built_wraps_its_own_fields_once(monkeypatch: pytest.MonkeyPatch) -> None:
    hops: list[object] = []
    to_thread = asyncio.to_thread

    async def counted(*args: Any, **kwargs: Any) -> Any:
        hops.append(args[0])
        return await to_thread(*args, **kwargs)

    monkeypatch.setattr(root_fields.asyncio, "to_thread", counted)
    schema()
    data, _ = asyncio.run(on_the_loop(schema(), "{ leaf { name } missing { __typename } }"))
    assert data == {"leaf": {"name": "leaf"}, "missing": {"__typename": "NotFound"}}
    assert len(hops) == 2  # one per root field: not one per schema built, nor per nested field


def test_per_request_no_extension_of_ours_runs_around_every_field() -> None:
    built = build_schema(GraphQLPolicy.for_stage("prod"))
    assert not any(extension._implements_resolve() for extension in built.get_extensions())


def test_only_root_fields_and_union_fields_are_wrapped() -> None:
    graphql_schema = build_schema(GraphQLPolicy.for_stage("prod"))._schema
    roots = {graphql_schema.query_type, graphql_schema.mutation_type}
    wrapped: dict[str, str | None] = {}
    expected: dict[str, str | None] = {}
    for parent in graphql_schema.type_map.values():
        if isinstance(parent, GraphQLObjectType) and not is_introspection_type(parent):
            for name, field in parent.fields.items():
                outermost = "root_field" if parent in roots else None
                if isinstance(get_nullable_type(field.type), GraphQLUnionType):
                    outermost = outermost or "problems_as_results"
                expected[f"{parent.name}.{name}"] = outermost
                ours = getattr(field.resolve, "__module__", None) in {root_fields.__name__, results.__name__}
                wrapped[f"{parent.name}.{name}"] = field.resolve.__name__ if ours else None
    assert wrapped == expected
    assert any(expected.values())  # the check would mean nothing over no wrapped field
    assert not all(expected.values())
