"""A document validated once is not validated again (issue 19): Strawberry's validation cache is keyed by
the schema, the document and the rule classes, so the limits' rules must be the same classes on every
request (``functions/api/schema.py``). And the rest of a request's fixed work stays small: parsing,
validation and value lengths are one extension, and the value lengths walk only what can carry text."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from strawberry.extensions import SchemaExtension

from functions.api import value_lengths
from functions.api.context import GraphQLContext
from functions.api.schema import GraphQLPolicy, build_schema
from functions.api.sensitive_fields import OneSensitiveFieldPerDocument
from functions.api.value_lengths import ValueLengthLimit
from functions.domain.principal import ANONYMOUS
from functions.local.seeding import seed_catalogue
from tests.fakes.identity import IdentityWorld


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """One entry each time graphql-core validates a document with our rules (it makes each rule anew)."""
    made: list[object] = []
    original = OneSensitiveFieldPerDocument.__init__

    def counting(self: OneSensitiveFieldPerDocument, *args: Any) -> None:
        made.append(self)
        original(self, *args)

    monkeypatch.setattr(OneSensitiveFieldPerDocument, "__init__", counting)
    return made


@pytest.mark.parametrize("stage", ["prod", "local"])
def test_a_document_sent_again_is_not_validated_again(validations: list[object], stage: str) -> None:
    schema = build_schema(GraphQLPolicy.for_stage(stage))
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    document = f"query Catalogue_{uuid.uuid4().hex} {{ services {{ code fee }} }}"  # never validated before

    def ask() -> Any:
        context = GraphQLContext(use_cases=world.use_cases, correlation_id="c", principal=ANONYMOUS)
        return asyncio.run(schema.execute(document, context_value=context))

    first, second, third = ask(), ask(), ask()
    assert first.errors is None
    assert second.data == third.data == first.data
    assert len(validations) == 1


def test_an_invalid_document_is_refused_every_time_from_the_cache(validations: list[object]) -> None:
    schema = build_schema(GraphQLPolicy.for_stage("prod"))
    document = "{ " + " ".join(f"a{i}: services {{ code }}" for i in range(16)) + f" t{uuid.uuid4().hex}: __typename }}"
    answers = [asyncio.run(schema.execute(document)) for _ in range(2)]
    assert [[error.message for error in answer.errors or []] for answer in answers] == [
        ["17 aliases found. Allowed: 15"]
    ] * 2
    assert len(validations) == 1


def test_parsing_validation_and_value_lengths_are_one_extension_of_a_request() -> None:
    """Strawberry's runner pays for every extension at every step of every request (issue 19)."""
    extensions = build_schema(GraphQLPolicy.for_stage("prod")).get_extensions()
    steps = [
        type(extension)
        for extension in extensions
        if type(extension).on_parse is not SchemaExtension.on_parse
        or type(extension).on_validate is not SchemaExtension.on_validate
    ]
    assert steps == [ValueLengthLimit]


@pytest.mark.parametrize(
    ("document", "walked"),
    [
        ('query ($from: Date!) { regionOverview(from: $from, to: "2026-12-01") { __typename } }', 0),  # dates
        ('{ services(first: 5, agencyCode: "MOI") { code } }', 1),  # the agency's code, not the count
    ],
)
def test_the_value_lengths_walk_only_the_arguments_that_can_carry_text(
    monkeypatch: pytest.MonkeyPatch, document: str, walked: int
) -> None:
    walks: list[str] = []
    walk = value_lengths._Values.walk

    def counted(self: Any, value: Any, type_: Any, limit: int, field: str, node: Any) -> None:
        walks.append(field)
        walk(self, value, type_, limit, field, node)

    monkeypatch.setattr(value_lengths._Values, "walk", counted)
    schema = build_schema(GraphQLPolicy.for_stage("prod"))
    result = asyncio.run(schema.execute(document, variable_values={"from": "2026-11-01"}))
    assert [error.message for error in result.errors or [] if "longer" in error.message] == []
    assert len(walks) == walked
