"""The schema in sections: each root class (``CatalogueQueries``, ``RequestMutations`` ...) is a section,
imported and built into the schema only when an operation first selects one of its root fields.

Importing the whole schema (its ~120 Strawberry types, their dataclasses and the domain behind them)
is most of a cold start: a Lambda instance woken by a catalogue query should not pay for the monitoring
office's types. Both paths (HTTP, ``functions/api/app.py``, and the WebSocket's subscription documents,
``functions/api/live/documents.py``) therefore serve each operation with a schema made of the sections
its document needs (the root fields of every operation and of every fragment on a root type: validation
reads them all), plus every section loaded before: the schema only grows, so a document always meets a
schema that contains all it asks for and answers exactly as the full schema does. Anything this module
cannot place — introspection, a root field no section names, a type name the grown schema lacks — is
served by the full schema; a document that does not parse, by the schema already loaded (a syntax error
reads the same against any schema).

Which fields and types each section holds is read from ``schema_sections.json``, so that no section is
imported to find out what it holds. That table is generated from the root classes by ``make schema``
(``functions/local/export_schema.py``, with ``schema.graphql``), and a test fails when it is stale.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from graphql.error import GraphQLError
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Visitor,
    parse,
    visit,
)

__all__ = ["BASE", "EVERYTHING", "SECTIONS", "TABLE", "Needs", "Section", "known_types", "needs_of", "schema_order"]

TABLE = Path(__file__).with_name("schema_sections.json")
BASE_SECTION = "CatalogueQueries"
"""Always loaded: a schema needs a query type, and the public catalogue is what anyone asks first."""


@dataclass(frozen=True)
class Section:
    """One root class of the schema: where it lives, which operation type it extends, its root fields,
    and the named types it adds to the base's (``types``: for the base section, all of its own)."""

    operation: OperationType
    module: str
    name: str
    fields: frozenset[str]
    types: frozenset[str] = dataclasses.field(default=frozenset(), compare=False)

    def load(self) -> type:
        root: type = getattr(import_module(self.module), self.name)
        return root


_OPERATIONS_IN_ORDER = (OperationType.QUERY, OperationType.MUTATION, OperationType.SUBSCRIPTION)


def schema_order(section: Section) -> tuple[int, str]:
    """Queries, then mutations, then subscriptions; each by module: the order of the merged root fields."""
    return _OPERATIONS_IN_ORDER.index(section.operation), section.module


def _read_table() -> tuple[Section, ...]:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    return tuple(
        Section(
            OperationType(entry["operation"]),
            entry["module"],
            entry["name"],
            frozenset(entry["fields"]),
            frozenset(entry["types"]),
        )
        for entry in table["sections"]
    )


SECTIONS: tuple[Section, ...] = _read_table()
"""In the order their fields appear in the full schema (and in ``schema.graphql``)."""

BASE: frozenset[Section] = frozenset(section for section in SECTIONS if section.name == BASE_SECTION)
EVERYTHING: frozenset[Section] = frozenset(SECTIONS)
_ROOT_NAMED = {
    "Query": OperationType.QUERY,
    "Mutation": OperationType.MUTATION,
    "Subscription": OperationType.SUBSCRIPTION,
}
_SECTION_OF: dict[tuple[OperationType, str], Section] = {
    (section.operation, root_field): section for section in SECTIONS for root_field in section.fields
}


def known_types(sections: frozenset[Section]) -> frozenset[str]:
    """The type names a schema of these sections (with the base) holds."""
    return frozenset().union(*(section.types for section in sections | BASE))


@dataclass(frozen=True)
class Needs:
    """What a document needs of the schema: these sections, and a schema that knows these type names
    (named by its variables and fragments; a type the grown schema lacks would be reported with the
    suggestions of a smaller schema, so the caller then loads everything)."""

    sections: frozenset[Section]
    types: frozenset[str] = frozenset()


@lru_cache(maxsize=256)  # clients send the same documents again and again: each is parsed here once
def needs_of(document: str | None, max_tokens: int) -> Needs:
    """The sections a document needs: those of the root fields its operations and its fragments on a
    root type select (validation reads every operation and fragment, not only the one executed), or all
    of them when it asks for introspection or for a root field no section holds, so that the error, with
    its suggestions, is the full schema's own. A document that does not parse needs only the base: a
    syntax error does not depend on the schema."""
    if not document:
        return Needs(BASE)
    try:
        parsed = parse(document, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return Needs(BASE)
    types = frozenset(_named_types(parsed))
    needed = set(BASE)
    for root, field in _root_fields(parsed):
        if field == "__typename":
            continue
        section = _SECTION_OF.get((root, field)) if root else None
        if section is None:
            return Needs(EVERYTHING, types)
        needed.add(section)
    return Needs(frozenset(needed), types)


def _named_types(document: DocumentNode) -> set[str]:
    names = _TypeNames()
    visit(document, names)
    return names.names


class _TypeNames(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_named_type(self, node: NamedTypeNode, *_: object) -> None:
        self.names.add(node.name.value)


def _root_fields(document: DocumentNode) -> Iterator[tuple[OperationType | None, str]]:
    """Every field selected directly on a root type: in operations, and in fragments on a root type.
    ``None`` for the root where a fragment inside them names another type (an error for any schema)."""
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            yield from _fields_on(definition.operation, definition.selection_set)
        elif isinstance(definition, FragmentDefinitionNode) and definition.type_condition.name.value in _ROOT_NAMED:
            yield from _fields_on(_ROOT_NAMED[definition.type_condition.name.value], definition.selection_set)


def _fields_on(root: OperationType | None, selections: SelectionSetNode) -> Iterator[tuple[OperationType | None, str]]:
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            yield root, selection.name.value
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            yield from _fields_on(
                root if condition is None else _ROOT_NAMED.get(condition.name.value), selection.selection_set
            )
