"""FUZZ-01/02: generated GraphQL operations against the ASGI app, as every role, on the local stack.

Four kinds of operation, drawn at random, each sent as a random role (anonymous, citizen, centre
operator, agency officer, monitor, administrator):

* valid documents of one root field each, every root field, generated from the schema by
  ``hypothesis-graphql`` (arguments as literals: random text, numbers, dates, enum values, inputs);
* documents with one schema violation each (``hypothesis-graphql``'s negative mode);
* every client document in ``graphql/`` with generated variables: values of the declared types as
  often as wrong ones (a number for a ``String!``, a string for an ``Int!``, a missing variable, an
  unknown enum value, a missing input field, ``null`` for a required one);
* every query and mutation with each argument as a variable of its own type, generated the same way,
  some left out: an optional argument a client omits (``hypothesis-graphql`` always passes each one).

Every answer must be below HTTP 500 and carry no ``INTERNAL_ERROR`` (a masked crash). The bounded run
in ``tests/api/test_fuzz.py`` stops at the first failure (Hypothesis then shrinks it); ``make fuzz``
(``bench/fuzz.py``) sends 10,000 and counts.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

import httpx
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    is_non_null_type,
    parse,
    type_from_ast,
)
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from functions.api.schema import GraphQLPolicy, build_schema
from functions.bootstrap import Container
from tests.support.people import DEMO_PASSWORD, open_and_activate, sign_in
from tests.support.schema_values import operation_fields
from tests.support.transports import ACCEPT, AsgiClient

__all__ = ["KINDS", "ROLES", "Case", "FuzzTarget", "Outcome", "Tally", "Target", "run_targets", "targets"]

ROOT = Path(__file__).resolve().parents[2]
SEEDED = {"operator": "1000001014", "officer": "1000001030", "monitor": "1000001055", "admin": "1000001063"}
ROLES = ("anonymous", "citizen", "operator", "officer", "monitor", "admin")

CUSTOM_SCALARS = {
    "Date": st.dates().map(lambda value: nodes.String(value.isoformat())),
    "DateTime": st.datetimes(timezones=st.just(UTC)).map(lambda value: nodes.String(value.isoformat())),
    "Time": st.times().map(lambda value: nodes.String(value.isoformat())),
    "Decimal": st.decimals(places=2, allow_nan=False, allow_infinity=False).map(nodes.String),
}
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=6,
)


@dataclass(frozen=True)
class Case:
    kind: str
    role: str
    query: str
    variables: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    status: int
    codes: tuple[str, ...]
    body: str

    @property
    def crashed(self) -> bool:
        return self.status >= 500 or "INTERNAL_ERROR" in self.codes


@dataclass
class Tally:
    operations: int = 0
    by_status: Counter[int] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    crashes: list[tuple[Case, Outcome]] = field(default_factory=list)

    def add(self, case: Case, outcome: Outcome) -> None:
        self.operations += 1
        self.by_status[outcome.status] += 1
        self.by_kind[case.kind] += 1
        self.by_code.update(outcome.codes or ("(none)",))
        if outcome.crashed:
            self.crashes.append((case, outcome))

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.by_status.items() if status >= 500)


class FuzzTarget:
    """The stack's ASGI app in this process, a token per role, one event loop for every request."""

    def __init__(self, container: Container) -> None:
        setup = AsgiClient(container)
        self.tokens: dict[str, str | None] = {"anonymous": None}
        for role, national_id in SEEDED.items():
            self.tokens[role] = sign_in(setup, national_id, DEMO_PASSWORD)
        self.tokens["citizen"] = open_and_activate(setup, str(self.tokens["operator"])).token
        self.schema = build_schema_for_fuzzing()
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=container.asgi_app), base_url="http://127.0.0.1", timeout=60
        )

    def send(self, case: Case) -> Outcome:
        headers = {"content-type": "application/json", "accept": ACCEPT}
        token = self.tokens[case.role]
        if token:
            headers["authorization"] = f"Bearer {token}"
        body = json.dumps({"query": case.query, "variables": case.variables})
        response = self._loop.run_until_complete(self._client.post("/graphql", content=body, headers=headers))
        try:
            errors = response.json().get("errors") or []
        except ValueError:
            errors = [{"extensions": {"code": "(not JSON)"}}]
        codes = tuple(str((error.get("extensions") or {}).get("code")) for error in errors)
        return Outcome(response.status_code, codes, response.text)

    def close(self) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


def build_schema_for_fuzzing() -> GraphQLSchema:
    """The full schema as the local stage serves it (graphql-core's, for the variables' types)."""
    return build_schema(GraphQLPolicy.for_stage("local"))._schema


@dataclass(frozen=True)
class Target:
    """One thing to fuzz (a root field, or a client document) in one way, with its own strategy."""

    kind: str
    name: str
    strategy: st.SearchStrategy[Case]


VALID = "valid document"
VIOLATION = "document with a violation"
ROOT_VARIABLES = "root field, arguments as generated variables"
CLIENT = "client document, generated variables"
KINDS = (VALID, VIOLATION, ROOT_VARIABLES, CLIENT)


def targets(schema: GraphQLSchema, sdl: str) -> list[Target]:
    """Every root field and every client document, in each way that applies: a run gives each target
    its share of the operations (one strategy drawing the field would favour some fields and leave
    others out of a short run). A violation needs a required argument to break."""
    found: list[Target] = []
    for root, build in ((schema.query_type, queries), (schema.mutation_type, mutations)):
        for name, root_field in sorted((root.fields if root else {}).items()):
            found.append(_target(VALID, name, build(sdl, fields=[name], custom_scalars=CUSTOM_SCALARS)))
            if any(is_non_null_type(argument.type) for argument in root_field.args.values()):
                violating = build(sdl, fields=[name], custom_scalars=CUSTOM_SCALARS, mode=Mode.NEGATIVE)
                found.append(_target(VIOLATION, name, violating))
    for kind, operations in ((ROOT_VARIABLES, _root_field_operations(schema)), (CLIENT, _client_operations())):
        for document, operation in operations:
            name = operation.name.value if operation.name else document
            found.append(_target(kind, name, st.just(document), _variables(schema, operation)))
    return found


def run_targets(found: list[Target], operations: int, send: Callable[[Case], None], random_seed: int = 0) -> None:
    """At least ``operations`` in all, shared evenly by the targets, each drawn by Hypothesis."""
    share = -(-operations // len(found))  # rounded up: at least the operations asked for
    for target in found:

        @seed(random_seed)
        @settings(max_examples=share, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(target.strategy)
        def each(case: Case) -> None:
            send(case)

        each()


def _target(
    kind: str,
    name: str,
    documents: st.SearchStrategy[str],
    variables: st.SearchStrategy[dict[str, Any]] | None = None,
) -> Target:
    given_variables = variables if variables is not None else st.just({})
    strategy = st.builds(Case, st.just(kind), st.sampled_from(ROLES), documents, given_variables)
    return Target(kind, name, strategy)


def _client_operations() -> Iterator[tuple[str, OperationDefinitionNode]]:
    """Each operation of ``graphql/``, alone with the fragments of its file."""
    for path in sorted((ROOT / "graphql").rglob("*.graphql")):
        text = path.read_text(encoding="utf-8")
        for definition in parse(text).definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.operation.value != "subscription":
                assert definition.name is not None
                yield f"{text}\n", definition


def _root_field_operations(schema: GraphQLSchema) -> Iterator[tuple[str, OperationDefinitionNode]]:
    """Each query and mutation with every argument passed as a variable of the argument's own type: a
    variable left out leaves its argument out (``hypothesis-graphql`` always passes every argument)."""
    for operation in operation_fields(schema):
        if operation.operation != "subscription" and operation.field.args:
            document = operation.document()
            (definition,) = parse(document).definitions
            assert isinstance(definition, OperationDefinitionNode)
            yield document, definition


def _variables(schema: GraphQLSchema, operation: OperationDefinitionNode) -> st.SearchStrategy[dict[str, Any]]:
    """A value for each declared variable, of its type or of any JSON shape; the nullable ones sometimes
    left out, and now and then the required ones too. Hypothesis draws the simplest case first: every
    required variable of its type, every nullable one left out (what a client omitting them sends)."""
    required: dict[str, st.SearchStrategy[Any]] = {}
    nullable: dict[str, st.SearchStrategy[Any]] = {}
    for definition in operation.variable_definitions or ():
        variable_type = type_from_ast(schema, definition.type)
        typed = _typed(variable_type) if variable_type is not None else _JSON
        chosen = required if is_non_null_type(variable_type) and definition.default_value is None else nullable
        chosen[definition.variable.name.value] = _mostly(typed)
    complete = st.fixed_dictionaries(required, optional=nullable)
    anything_missing = st.fixed_dictionaries({}, optional=required | nullable)
    return st.integers(min_value=0, max_value=9).flatmap(lambda draw: anything_missing if draw == 9 else complete)


def _mostly(typed: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Values of the type four times in five, any JSON otherwise: wrong types are refused at once, so
    the well-typed ones are what reaches the resolvers."""
    return st.integers(min_value=0, max_value=4).flatmap(lambda draw: _JSON if draw == 4 else typed)


def _typed(type_: GraphQLInputType) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLNonNull):
        return _typed(type_.of_type)
    if isinstance(type_, GraphQLList):
        return st.lists(_typed(type_.of_type), max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.sampled_from([*type_.values, "NOT_A_VALUE"])
    if isinstance(type_, GraphQLInputObjectType):
        fields = {name: st.deferred(lambda f=input_field: _typed(f.type)) for name, input_field in type_.fields.items()}
        return st.fixed_dictionaries({}, optional=fields)
    assert isinstance(type_, GraphQLScalarType)
    return _SCALAR_VALUES.get(type_.name, st.text(max_size=40))


_SCALAR_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "Int": st.integers(),
    "Float": st.floats(allow_nan=False),
    "Boolean": st.booleans(),
    "String": st.text(max_size=60)
    | st.sampled_from(["1000000008", "1000001014", "0512345678", "MED-C01", "MUNICIPALITY", DEMO_PASSWORD]),
    "ID": st.text(max_size=40) | st.uuids().map(str) | st.just("MED-C01"),
    "Date": st.dates().map(lambda value: value.isoformat()) | st.text(max_size=12),
    "DateTime": st.datetimes(timezones=st.just(UTC)).map(lambda value: value.isoformat()) | st.text(max_size=12),
    "Time": st.times().map(lambda value: value.isoformat()),
    "Decimal": st.decimals(places=2, allow_nan=False, allow_infinity=False).map(str),
}
