"""Expected failures as data, mapped once (``functions/api/results.py``): a resolver raises the use
case's ``DomainError``; a union field that holds its problem answers the problem, anything else an error."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry

from functions.api.error_policy import ErrorPolicy
from functions.api.results import ProblemsAsResults
from functions.api.root_fields import RootFieldsInThreads
from functions.api.schema import ShubbakSchema
from functions.api.types.problem import ConflictProblem, NotFoundProblem
from functions.domain.errors import Conflict, DomainError, ErrorCode, NotFound, ValidationFailed


@strawberry.type
class Thing:
    name: str


ThingResult = Annotated[Thing | NotFoundProblem | ConflictProblem, strawberry.union("ThingResult")]
FAILURES: dict[str, DomainError] = {
    "missing": NotFound(ErrorCode.NOT_FOUND, field="code"),
    "taken": Conflict(ErrorCode.ALREADY_EXISTS),
    "invalid": ValidationFailed(ErrorCode.VALIDATION_FAILED, field="code"),
}


def thing(code: str) -> Thing:
    if code in FAILURES:
        raise FAILURES[code]
    return Thing(name=code)


@strawberry.type
class Query:
    @strawberry.field
    def thing(self, code: str) -> ThingResult:
        return thing(code)

    @strawberry.field
    async def later_thing(self, code: str) -> ThingResult:
        await asyncio.sleep(0)
        return thing(code)

    @strawberry.field
    def things(self, code: str) -> list[Thing]:
        return [thing(code)]


SCHEMA = ShubbakSchema(query=Query, extensions=[ErrorPolicy, ProblemsAsResults, RootFieldsInThreads])
SELECTION = "{ __typename ... on Thing { name } ... on Problem { code field message { en } } }"


def ask(document: str) -> tuple[Any, list[dict[str, Any]]]:
    result = asyncio.run(SCHEMA.execute(document))
    return result.data, [error.formatted for error in result.errors or []]


def test_a_result_is_answered_as_it_is() -> None:
    assert ask(f'{{ thing(code: "x") {SELECTION} }}') == ({"thing": {"__typename": "Thing", "name": "x"}}, [])


def test_a_failure_the_union_holds_is_answered_as_its_problem() -> None:
    data, errors = ask(f'{{ missing: thing(code: "missing") {SELECTION} taken: thing(code: "taken") {SELECTION} }}')
    assert errors == []
    assert data["missing"] == {
        "__typename": "NotFound",
        "code": "NOT_FOUND",
        "field": "code",
        "message": {"en": FAILURES["missing"].message_en},
    }
    assert data["taken"]["__typename"] == "Conflict"
    assert data["taken"]["code"] == "ALREADY_EXISTS"


def test_an_async_resolvers_failure_is_mapped_too() -> None:
    data, errors = ask(f'{{ laterThing(code: "missing") {SELECTION} }}')
    assert (data["laterThing"]["__typename"], errors) == ("NotFound", [])


def test_a_failure_the_union_does_not_hold_stays_a_coded_error() -> None:
    data, errors = ask(f'{{ thing(code: "invalid") {SELECTION} }}')
    assert data is None
    assert [(error["extensions"]["code"], error["path"]) for error in errors] == [("VALIDATION_FAILED", ["thing"])]


def test_a_field_that_is_no_union_raises_its_coded_error() -> None:
    data, errors = ask('{ things(code: "missing") { name } }')
    assert data is None
    assert [error["extensions"]["code"] for error in errors] == ["NOT_FOUND"]
