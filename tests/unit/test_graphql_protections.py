"""GraphQL hardening (RELIABILITY 7.1): limits, masking, introspection, suggestions, page caps.

Executed in-process against the real schema with a recording in-memory repository, so "no resolver
ran" is observable as "the repository was never read".
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    DisableValidation,
    MaxTokensLimiter,
)
from strawberry.types import ExecutionResult

from functions.api.context import GraphQLContext
from functions.api.error_policy import ErrorPolicy
from functions.api.schema import MAX_ALIASES, GraphQLPolicy, build_schema
from functions.domain.principal import ANONYMOUS
from functions.local.seeding import seed_catalogue
from tests.fakes.catalogue import InMemoryCatalogueRepository
from tests.fakes.identity import IdentityWorld

PRODUCTION = GraphQLPolicy.for_stage("prod")
LOCAL = GraphQLPolicy.for_stage("local")


class ExplodingRepository(InMemoryCatalogueRepository):
    def list_agencies(self, page: Any) -> Any:
        raise KeyError("1012345672")


def run(query: str, repository: InMemoryCatalogueRepository, policy: GraphQLPolicy = PRODUCTION) -> ExecutionResult:
    schema = build_schema(policy)
    world = IdentityWorld(catalogue_repository=repository)
    context = GraphQLContext(use_cases=world.use_cases, correlation_id="corr-1", principal=ANONYMOUS)
    return asyncio.run(schema.execute(query, context_value=context))


@pytest.fixture
def repository() -> InMemoryCatalogueRepository:
    repository = InMemoryCatalogueRepository()
    seed_catalogue(IdentityWorld(catalogue_repository=repository).catalogue)
    repository.reads = 0
    return repository


def nested(depth: int) -> str:
    """A document whose deepest selection sits at ``depth`` (the innermost fields need not exist)."""
    inner = "code"
    for _ in range(depth - 1):
        inner = f"route {{ {inner} }}"
    return f"{{ services {{ {inner} }} }}"


def messages(result: ExecutionResult) -> list[str]:
    return [error.message for error in result.errors or []]


def test_depth_nine_is_refused_before_any_resolver_runs(repository: InMemoryCatalogueRepository) -> None:
    result = run(nested(9), repository)
    assert any("exceeds maximum operation depth of 8" in m for m in messages(result))
    assert repository.reads == 0


def test_depth_eight_passes_the_depth_limit(repository: InMemoryCatalogueRepository) -> None:
    result = run(nested(8), repository)
    assert not any("depth" in m for m in messages(result))


def test_the_natural_deepest_query_runs(repository: InMemoryCatalogueRepository) -> None:
    result = run("{ services { route { stages { agencies { agency { name { ar } } } } } } }", repository)
    assert result.errors is None
    assert result.data
    assert len(result.data["services"]) >= 10


def test_sixteen_aliases_are_refused_fifteen_are_served(repository: InMemoryCatalogueRepository) -> None:
    fields = " ".join(f"a{i}: agencies {{ code }}" for i in range(MAX_ALIASES + 1))
    refused = run(f"{{ {fields} }}", repository)
    assert any("aliases" in m for m in messages(refused))
    assert repository.reads == 0
    fields = " ".join(f"a{i}: agencies {{ code }}" for i in range(MAX_ALIASES))
    assert run(f"{{ {fields} }}", repository).errors is None


def test_aliases_hidden_in_a_fragment_spread_three_times_are_counted(
    repository: InMemoryCatalogueRepository,
) -> None:
    fragment = "fragment F on Query { " + " ".join(f"f{i}: agencies {{ code }}" for i in range(6)) + " }"
    result = run("{ ...F ...F ...F } " + fragment, repository)
    assert any("aliases" in m for m in messages(result))
    assert repository.reads == 0


def test_a_token_flood_is_refused_at_parse_time(repository: InMemoryCatalogueRepository) -> None:
    result = run("{ " + "__typename " * 500 + "}", repository)
    assert any("token" in m.lower() for m in messages(result))
    directives = run("{ agencies " + "@skip(if: false) " * 10_000 + "{ code } }", repository)
    assert directives.errors
    assert repository.reads == 0


def test_circular_fragments_are_a_quick_validation_error(repository: InMemoryCatalogueRepository) -> None:
    started = time.perf_counter()
    result = run("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", repository)
    elapsed = time.perf_counter() - started
    assert result.errors
    assert any("fragment" in m.lower() for m in messages(result))
    assert elapsed < 1.0  # a generous guard against exponential blow-up, not a performance figure


def test_unexpected_errors_are_masked_and_the_original_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="shubbak.graphql"):
        result = run("{ agencies { code } }", ExplodingRepository())
    assert result.errors is not None
    (error,) = result.errors
    formatted = error.formatted
    assert formatted["message"] == "Unexpected error."
    assert formatted["extensions"] == {
        "code": "INTERNAL_ERROR",
        "messageAr": "حدث خطأ غير متوقع، يرجى المحاولة لاحقًا.",
        "messageEn": "Unexpected error.",
        "correlationId": "corr-1",
    }
    assert "1012345672" not in str(formatted)
    assert "KeyError" not in str(formatted)
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)


def test_domain_errors_keep_their_code_and_both_messages(repository: InMemoryCatalogueRepository) -> None:
    result = run('{ services(agencyCode: "NOPE") { code } }', repository)
    assert result.errors is not None
    extensions = result.errors[0].formatted["extensions"]
    assert extensions["code"] == "NOT_FOUND"
    assert extensions["field"] == "agencyCode"
    assert extensions["messageAr"]
    assert extensions["messageEn"]


def test_unknown_single_objects_are_a_typed_not_found_result(repository: InMemoryCatalogueRepository) -> None:
    result = run('{ service(code: "NOPE") { __typename ... on NotFound { code message { ar en } } } }', repository)
    assert result.errors is None
    assert result.data == {
        "service": {
            "__typename": "NotFound",
            "code": "NOT_FOUND",
            "message": {"ar": "العنصر المطلوب غير موجود.", "en": "The requested item was not found."},
        }
    }


@pytest.mark.parametrize("first", [0, -1, 101, 100_000])
def test_pages_are_capped_at_one_hundred(repository: InMemoryCatalogueRepository, first: int) -> None:
    result = run(f"{{ services(first: {first}) {{ code }} }}", repository)
    assert result.errors is not None
    assert result.errors[0].formatted["extensions"]["code"] == "VALIDATION_FAILED"


def test_pages_follow_on_by_code(repository: InMemoryCatalogueRepository) -> None:
    first = run("{ services(first: 4) { code } }", repository)
    assert first.data is not None
    codes = [s["code"] for s in first.data["services"]]
    second = run(f'{{ services(first: 4, after: "{codes[-1]}") {{ code }} }}', repository)
    assert second.data is not None
    following = [s["code"] for s in second.data["services"]]
    assert len(codes) == 4
    assert following
    assert following[0] > codes[-1]


def test_introspection_is_off_in_production_and_on_locally(repository: InMemoryCatalogueRepository) -> None:
    for query in ("{ __schema { types { name } } }", '{ __type(name: "Service") { fields { name } } }'):
        refused = run(query, repository, PRODUCTION)
        assert refused.data is None
        assert any("introspection" in m.lower() for m in messages(refused))
        assert run(query, repository, LOCAL).errors is None


def test_no_field_suggestions_in_production(repository: InMemoryCatalogueRepository) -> None:
    production = run("{ servics { code } }", repository, PRODUCTION)
    assert production.errors
    assert not any("Did you mean" in m for m in messages(production))
    local = run("{ servics { code } }", repository, LOCAL)
    assert any("Did you mean" in m for m in messages(local))


def test_the_schema_carries_its_protections_as_factories() -> None:
    schema = build_schema(PRODUCTION)
    built = [factory() for factory in schema.extensions]
    kinds = {type(extension) for extension in built}
    assert {MaxTokensLimiter, AddValidationRules, ErrorPolicy, DisableIntrospection} <= kinds
    rules = [rule for e in built if isinstance(e, AddValidationRules) for rule in e.validation_rules]
    assert [rule.__name__ for rule in rules] == [
        "DepthLimitValidator",  # Strawberry's QueryDepthLimiter's rule, made once per process
        "MaxAliasesValidator",  # MaxAliasesLimiter's
        "OneSensitiveFieldPerDocument",
        "NoSchemaIntrospectionCustomRule",  # DisableIntrospection's, in production
    ]
    assert DisableValidation not in kinds
    assert not any(isinstance(extension, ErrorPolicy) for extension in schema.extensions)


MISSPELT = {
    "argument": ('{ services(agencyCod: "X") { code } }', None),
    "enum value": ("{ agencyWindow(status: WAITNG) { __typename } }", None),
    "type name": ("query ($s: HandoffStatu) { agencyWindow(status: $s) { __typename } }", None),
    "fragment type": ("query { ... on Quer { __typename } }", None),
    "input field": ('mutation { openCitizenRecord(input: {nationalI: "1"}) { __typename } }', None),
    "input field of a variable": (
        "mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename } }",
        {"i": {"nationalI": "1", "nationalId": "1", "nameAr": "x", "birthDate": "2020-01-01", "mobile": "x"}},
    ),
    "field": ("{ servics { code } }", None),
}


@pytest.mark.parametrize("case", list(MISSPELT))
def test_no_suggestion_of_any_kind_in_production(repository: InMemoryCatalogueRepository, case: str) -> None:
    """GQL-17: no "Did you mean" for fields, arguments, enum values, input fields or types in prod."""
    query, variables = MISSPELT[case]
    schema = build_schema(PRODUCTION)
    world = IdentityWorld(catalogue_repository=repository)
    context = GraphQLContext(use_cases=world.use_cases, correlation_id="corr-1", principal=ANONYMOUS)
    production = asyncio.run(schema.execute(query, variable_values=variables, context_value=context))
    assert production.errors
    assert not any("Did you mean" in m for m in messages(production)), messages(production)
    local = asyncio.run(build_schema(LOCAL).execute(query, variable_values=variables, context_value=context))
    assert any("Did you mean" in m for m in messages(local)) or case == "enum value"
