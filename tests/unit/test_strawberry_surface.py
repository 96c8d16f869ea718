"""The two places the API leans on Strawberry beyond its documented surface, pinned (constraints.txt:
strawberry-graphql==0.341.2) and checked here so that an upgrade that moves them fails this test first:

* ``ShubbakGraphQL.execute_single`` (functions/api/app.py) overrides the view's method of that name to
  give each operation the schema of the sections it needs (functions/api/schema_sections.py);
* ``ValueLengthLimit`` (functions/api/value_lengths.py) and ``ValidationByDocument``
  (functions/api/document_cache.py) read graphql-core's schema under Strawberry's (``Schema._schema``);
* ``ValidationByDocument`` validates with ``strawberry.schema.schema.validate_document`` (Strawberry's own
  rules added) and sets ``pre_execution_errors``, which Strawberry's validation step then leaves alone;
* ``ErrorPolicy`` (functions/api/error_policy.py) overrides ``MaskErrors._process_result``, through which
  ``MaskErrors`` masks every result's errors, to skip results with none.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

import graphql
from graphql import GraphQLSchema
from strawberry.extensions import MaskErrors
from strawberry.http.async_base_view import AsyncBaseHTTPView
from strawberry.schema import schema as strawberry_schema

from functions.api.app import ShubbakGraphQL
from functions.api.schema import GraphQLPolicy, build_schema

ROOT = Path(__file__).resolve().parents[2]


def test_the_pinned_strawberry_is_the_one_installed() -> None:
    pins = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    assert f"strawberry-graphql=={version('strawberry-graphql')}" in pins


def test_the_view_method_overridden_keeps_its_signature() -> None:
    ours = inspect.signature(ShubbakGraphQL.execute_single)
    theirs = inspect.signature(AsyncBaseHTTPView.execute_single)
    assert list(ours.parameters) == list(theirs.parameters)
    assert "self.schema.execute(" in inspect.getsource(AsyncBaseHTTPView.execute_single)  # reads the schema we set


def test_the_graphql_core_schema_under_strawberrys_holds_the_types_printed() -> None:
    schema = build_schema(GraphQLPolicy.for_stage("local"))
    assert isinstance(schema._schema, GraphQLSchema)
    assert set(schema._schema.type_map) == set(graphql.build_schema(schema.as_str()).type_map)


def test_the_validation_step_used_is_strawberrys_and_skipped_once_done() -> None:
    assert list(inspect.signature(strawberry_schema.validate_document).parameters) == [
        "schema",
        "document",
        "validation_rules",
    ]
    assert "execution_context.pre_execution_errors is None" in inspect.getsource(strawberry_schema._run_validation)


def test_the_masking_step_overridden_is_the_one_every_result_goes_through() -> None:
    assert list(inspect.signature(MaskErrors._process_result).parameters) == ["self", "result"]
    assert "self._process_result(result)" in inspect.getsource(MaskErrors.on_operation)
