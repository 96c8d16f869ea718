"""The schema in sections (functions/api/schema_sections.py): the table agrees with the code, each
operation is given the sections it selects, and a schema grown section by section answers every
document exactly as the full schema does."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from typing import Any

import graphql
import pytest
from graphql import GraphQLSchema
from graphql.language import OperationType
from strawberry.schema.config import StrawberryConfig
from strawberry.types.base import get_object_definition

import functions.api.schema as schema_module
from functions.api.context import GraphQLContext
from functions.api.schema import MAX_TOKENS, GraphQLPolicy, GrowingSchema, build_schema
from functions.api.schema_sections import BASE, SECTIONS, TABLE, Section, known_types, needs_of
from functions.domain.principal import ANONYMOUS
from functions.local.export_schema import root_sections, sections_table
from functions.local.seeding import seed_catalogue
from tests.fakes.identity import IdentityWorld

PRODUCTION = GraphQLPolicy.for_stage("prod")
LOCAL = GraphQLPolicy.for_stage("local")
NAMES = StrawberryConfig().name_converter


def section(name: str) -> Section:
    return next(s for s in SECTIONS if s.name == name)


def needed(document: str) -> set[str]:
    return {s.name for s in needs_of(document, MAX_TOKENS).sections}


# ------------------------------------------------------------------------------------------- the table


def test_the_sections_table_is_generated_from_the_root_classes() -> None:
    committed = TABLE.read_text(encoding="utf-8")
    assert committed == sections_table(), "schema_sections.json is stale: run `make schema` and commit it"


def test_every_root_class_in_the_api_is_a_section() -> None:
    """A new class of queries, mutations or subscriptions is in the table once `make schema` has run."""
    assert [(s.module, s.name) for s in root_sections()] == [(s.module, s.name) for s in SECTIONS]


@pytest.mark.parametrize("entry", SECTIONS, ids=lambda s: s.name)
def test_each_section_names_exactly_the_root_fields_of_its_class(entry: Section) -> None:
    definition = get_object_definition(entry.load(), strict=True)
    assert {NAMES.get_graphql_name(field) for field in definition.fields} == set(entry.fields)


def full_schema() -> GraphQLSchema:
    """The full schema as graphql-core reads its SDL (the same SDL as ``schema.graphql``)."""
    return graphql.build_schema(build_schema(LOCAL).as_str())


def test_the_sections_together_are_the_full_schema_in_its_order() -> None:
    full = full_schema()
    roots = {
        OperationType.QUERY: full.query_type,
        OperationType.MUTATION: full.mutation_type,
        OperationType.SUBSCRIPTION: full.subscription_type,
    }
    for operation, root in roots.items():
        assert root is not None
        in_order = [field for s in SECTIONS if s.operation is operation for field in sorted(s.fields)]
        assert sorted(in_order) == sorted(root.fields)
        order_of_sections = [next(s.name for s in SECTIONS if field in s.fields) for field in root.fields]
        assert order_of_sections == sorted(order_of_sections, key=[s.name for s in SECTIONS].index)


@pytest.mark.parametrize(
    "names",
    [{"CatalogueQueries"}, {"RequestMutations"}, {"MonitoringQueries", "LiveSubscriptions"}, None],
    ids=["base", "requests", "monitoring-and-live", "everything"],
)
def test_the_types_known_to_a_grown_schema_are_those_it_holds(names: set[str] | None) -> None:
    sections = frozenset(s for s in SECTIONS if names is None or s.name in names)
    held = graphql.build_schema(build_schema(LOCAL, sections | BASE).as_str()).type_map
    assert known_types(sections) == set(held)


def test_no_root_field_is_named_by_two_sections() -> None:
    names = [(s.operation, field) for s in SECTIONS for field in s.fields]
    assert len(names) == len(set(names))


# ---------------------------------------------------------------------------------- choosing sections


def test_a_catalogue_query_needs_the_base_only() -> None:
    assert needed("{ services { code } agencies { code } __typename }") == {"CatalogueQueries"}


def test_an_operation_needs_the_sections_of_its_root_fields_and_the_base() -> None:
    assert needed("mutation { submitServiceRequest(input: {}) { __typename } }") == {
        "CatalogueQueries",
        "RequestMutations",
    }
    assert needed("{ me { __typename } centrePerformance { __typename } }") == {
        "CatalogueQueries",
        "IdentityQueries",
        "MonitoringQueries",
    }


def test_root_fields_behind_fragments_and_inline_fragments_count() -> None:
    document = """
        query Q { ...Top ... on Query { escalations { __typename } } ... { centres { __typename } } }
        fragment Top on Query { myRequests { __typename } ...Deeper }
        fragment Deeper on Query { myDocuments { __typename } ...Top }
        fragment Unused on Mutation { attachDocument(input: {}) { __typename } }
        fragment Elsewhere on Request { agencyWindow }
    """
    assert needed(document) == {
        "CatalogueQueries",
        "MonitoringQueries",
        "RequestQueries",
        "DocumentQueries",
        "DocumentMutations",
    }


def test_every_operation_of_the_document_counts_not_only_the_one_executed() -> None:
    """Validation reads the whole document: a field of the operation not executed must still be known."""
    document = "query A { me { __typename } } mutation B { rateCentre(input: {}) { __typename } }"
    assert needed(document) == {"CatalogueQueries", "IdentityQueries", "FeedbackMutations"}


@pytest.mark.parametrize(
    "document",
    [
        "{ __schema { types { name } } }",
        '{ __type(name: "Request") { name } }',
        "{ servics { code } }",  # a misspelt field: the full schema's suggestion
        "mutation { services { code } }",  # a query field under mutation
        "{ ... on Request { id } }",  # an inline fragment on another type at the root
    ],
)
def test_introspection_and_fields_no_section_holds_need_everything(document: str) -> None:
    assert needs_of(document, MAX_TOKENS).sections == frozenset(SECTIONS)


@pytest.mark.parametrize("document", ["", "{ services { code ", "{ " + "__typename " * (MAX_TOKENS + 1) + "}"])
def test_documents_that_do_not_parse_need_the_base_only(document: str) -> None:
    assert needs_of(document, MAX_TOKENS).sections == BASE


# ------------------------------------------------------------------------ the grown schema answers alike

DOCUMENTS: list[tuple[str, dict[str, Any] | None, str | None]] = [
    ("{ services { code fee name { ar en } route { stages { agencies { code } } } } }", None, None),
    ('{ service(code: "NOPE") { __typename ... on NotFoundProblem { code } } }', None, None),
    ("{ servics { code } }", None, None),
    ("{ services { code bogus } }", None, None),
    ("{ me { __typename } }", None, None),
    ("{ centrePerformance { __typename } }", None, None),
    ("query ($id: ID!) { trackRequest(requestId: $id) { __typename } }", {}, None),
    ("mutation { services { code } }", None, None),
    ('mutation { signIn(input: {nationalId: "1", password: "x"}) { __typename } }', None, None),
    ("mutation ($input: RateCentreInput!) { rateCentre(input: $input) { __typename } }", {"input": {}}, None),
    ("subscription { monitoringAlerts { __typename } }", None, None),
    ("query A { agencies { code } } query B { me { __typename } }", None, "B"),
    ("query A { agencies { code } } query B { me { __typename } }", None, None),
    ("{ __schema { queryType { name } } }", None, None),
    ("{ ...F } fragment F on Query { agencies { code } escalations { __typename } }", None, None),
    ("{ ...Missing }", None, None),
    ("query A { agencies { code } } mutation B { rateCentre(input: {}) { __typename } }", None, "A"),
    ("{ services { code ", None, None),
    ("{ agencies { ... on Request { requestId } } }", None, None),  # a type another section holds
    ('{ agency(code: "X") { ... on Problem { code } ... on NotFoundProblem { message { ar } } } }', None, None),
]


def execute(schema: Any, document: str, variables: dict[str, Any] | None, name: str | None) -> Any:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    context = GraphQLContext(use_cases=world.use_cases, correlation_id="corr-1", principal=ANONYMOUS)
    result = asyncio.run(
        schema.execute(document, variable_values=variables, context_value=context, operation_name=name)
    )
    return result.data, [error.formatted for error in result.errors or []]


@pytest.mark.parametrize("policy", [PRODUCTION, LOCAL], ids=["prod", "local"])
@pytest.mark.parametrize(("document", "variables", "name"), DOCUMENTS)
def test_a_schema_grown_for_the_operation_answers_as_the_full_schema(
    policy: GraphQLPolicy, document: str, variables: dict[str, Any] | None, name: str | None
) -> None:
    grown = GrowingSchema(policy).for_document(document)
    assert execute(grown, document, variables, name) == execute(build_schema(policy), document, variables, name)


def test_the_types_an_operation_names_are_reported() -> None:
    document = "query ($i: RateCentreInput!) { ...F } fragment F on Query { agencies { ... on Request { id } } }"
    assert needs_of(document, MAX_TOKENS).types == {"RateCentreInput", "Query", "Request"}


def test_a_type_the_grown_schema_lacks_loads_everything() -> None:
    growing = GrowingSchema(PRODUCTION)
    schema = growing.for_document("query ($input: RateCentreInput!) { agencies { code } }")
    assert schema is build_schema(PRODUCTION)


def test_the_schema_only_grows() -> None:
    growing = GrowingSchema(PRODUCTION)
    first = growing.for_document("{ me { __typename } }")
    second = growing.for_document("{ agencies { code } }")
    third = growing.for_document("mutation { rateCentre(input: {}) { __typename } }")
    assert second is first
    assert third is not first
    fields = third._schema.query_type.fields
    assert "me" in fields
    assert third._schema.mutation_type is not None
    assert set(third._schema.mutation_type.fields) == set(section("FeedbackMutations").fields)


def test_a_catalogue_query_over_http_imports_no_other_section() -> None:
    """A fresh process serving a catalogue query through the app imports none of the other sections."""
    probe = """
import asyncio, json, sys, httpx
from functions.api.app import build_asgi_app
from functions.api.schema import GraphQLPolicy, GrowingSchema
from functions.api.trusted_documents import TrustedDocuments
from tests.fakes.identity import IdentityWorld
from functions.local.seeding import seed_catalogue
world = IdentityWorld(); seed_catalogue(world.catalogue)
policy = GraphQLPolicy.for_stage("prod")
any_document = TrustedDocuments(texts={}, enforced=False)
app = build_asgi_app(
    GrowingSchema(policy), world.use_cases, policy, verifier=None, documents=any_document, deadline_seconds=20
)
async def ask():
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        reply = await client.post("/graphql/public", json={"query": "{ services { code } }"})
        return reply.json()
answer = asyncio.run(ask())
print(json.dumps({"services": len(answer["data"]["services"]),
                  "modules": sorted(m for m in sys.modules if m.startswith("functions.api."))}))
"""
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    seen = json.loads(output)
    assert seen["services"] >= 10
    assert [s.module for s in SECTIONS if s.module in seen["modules"]] == ["functions.api.queries.catalogue"]


def test_a_monitoring_subscription_over_the_websocket_imports_only_its_section() -> None:
    """The WebSocket path grows the same schema: a fresh process subscribing a monitor to alerts imports the
    alerts' subscription section and the base, none of the queries or mutations."""
    probe = """
import json, sys
from functions.domain.principal import Principal, Role
from tests.fakes.identity import IdentityWorld
from tests.fakes.live import LiveWorld
live = LiveWorld(IdentityWorld())
live.connected("c-1", Principal("mon-1", Role.MONITOR))
live.subscribe("c-1", "alerts", "subscription { monitoringAlerts { kind occurrences } }")
print(json.dumps({"sent": [m.get("type") for to, m in live.gateway.sent if to == "c-1"],
                  "modules": sorted(m for m in sys.modules if m.startswith("functions.api."))}))
"""
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    seen = json.loads(output)
    assert seen["sent"] == ["connection_ack"]  # subscribed: no error, nothing closed
    assert [s.module for s in SECTIONS if s.module in seen["modules"]] == [
        "functions.api.queries.catalogue",
        "functions.api.subscriptions.monitoring",
    ]


def test_an_operation_arriving_while_another_grows_the_schema_is_given_the_grown_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dev server and the WebSocket API run operations on threads: the load bench's subscribers,
    connecting at once, were validated against the schema before their section was in (issue 19)."""
    building = threading.Event()
    real_build = schema_module.build_schema

    def slow_build(policy: GraphQLPolicy, sections: frozenset[Section]) -> Any:
        building.set()
        time.sleep(0.3)
        return real_build(policy, sections)

    growing = GrowingSchema(LOCAL)
    monkeypatch.setattr(schema_module, "build_schema", slow_build)
    subscription = "subscription { handoffEvents { kind } }"
    first = threading.Thread(target=growing.for_document, args=(subscription,))
    first.start()
    assert building.wait(5)
    served = growing.for_document(subscription)
    first.join()
    assert served.get_type_by_name("HandoffEvent") is not None
    assert graphql.validate(served._schema, graphql.parse(subscription)) == []
