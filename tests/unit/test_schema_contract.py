"""The schema is a contract: schema.graphql matches the code, and every client document validates."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import Undefined, build_schema, is_non_null_type, parse, validate
from graphql.language import OperationDefinitionNode

from functions.local.export_schema import sdl

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "graphql").rglob("*.graphql"))


def test_schema_graphql_is_generated_from_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == sdl(), "schema.graphql is stale: run `make schema` and commit it"


def test_there_are_documents_for_citizens_and_centres() -> None:
    folders = {path.parent.name for path in DOCUMENTS}
    assert {"citizen", "center"} <= folders


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_document_validates_against_the_schema(document: Path) -> None:
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    parsed = parse(document.read_text(encoding="utf-8"))
    assert validate(schema, parsed) == []
    operations = [d for d in parsed.definitions if isinstance(d, OperationDefinitionNode)]
    assert operations
    assert all(op.name is not None for op in operations), "name every operation (they form the allow-list)"


def test_operation_names_are_unique_across_documents() -> None:
    names = [
        definition.name.value
        for document in DOCUMENTS
        for definition in parse(document.read_text(encoding="utf-8")).definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name
    ]
    assert len(names) == len(set(names))


def test_every_optional_argument_has_a_default() -> None:
    """A nullable argument without a default reaches its Python resolver missing when a client omits it
    (``reissueTemporaryPassword`` without ``identityCheck`` was a TypeError): each must have one."""
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    without_default = [
        f"{type_name}.{field_name}({argument_name})"
        for type_name, type_ in schema.type_map.items()
        if not type_name.startswith("__")
        for field_name, field in (getattr(type_, "fields", None) or {}).items()
        for argument_name, argument in (getattr(field, "args", None) or {}).items()
        if not is_non_null_type(argument.type) and argument.default is None and argument.default_value is Undefined
    ]
    assert without_default == []
