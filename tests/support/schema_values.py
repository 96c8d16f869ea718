"""Values and documents generated from the schema itself: every argument of every operation, a value
of the right type for each, and the ``String``/``ID`` places inside them (for the length tests)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)

__all__ = ["OperationField", "TextPlace", "operation_fields", "plain_value", "text_places"]

_SCALARS: dict[str, Any] = {
    "String": "x",
    "ID": "x",
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "Date": "2026-01-01",
    "DateTime": "2026-01-01T00:00:00+00:00",
    "Time": "09:00:00",
    "Decimal": "1.00",
}


@dataclass(frozen=True)
class OperationField:
    operation: str  # query, mutation, subscription
    name: str
    field: GraphQLField

    def document(self) -> str:
        """The field with every argument passed as a variable, selecting ``__typename`` where it can."""
        declared = ", ".join(f"${name}: {argument.type}" for name, argument in self.field.args.items())
        passed = ", ".join(f"{name}: ${name}" for name in self.field.args)
        selection = "" if is_leaf_type(get_named_type(self.field.type)) else " { __typename }"
        call = f"{self.name}({passed})" if passed else self.name
        return f"{self.operation} {f'({declared})' if declared else ''} {{ {call}{selection} }}"

    def variables(self) -> dict[str, Any]:
        return {name: plain_value(argument.type) for name, argument in self.field.args.items()}


@dataclass(frozen=True)
class TextPlace:
    """A ``String`` or ``ID`` inside an argument: ``path`` from the argument's name to the leaf."""

    argument: str
    path: tuple[str, ...]

    def with_value(self, variables: dict[str, Any], text: str) -> dict[str, Any]:
        changed = dict(variables)
        changed[self.argument] = _replaced(changed[self.argument], self.path, text)
        return changed


def operation_fields(schema: GraphQLSchema) -> Iterator[OperationField]:
    roots = (
        ("query", schema.query_type),
        ("mutation", schema.mutation_type),
        ("subscription", schema.subscription_type),
    )
    for operation, root in roots:
        if isinstance(root, GraphQLObjectType):
            for name, field in root.fields.items():
                if not name.startswith("__"):
                    yield OperationField(operation, name, field)


def plain_value(type_: GraphQLInputType) -> Any:
    """A value the type accepts: every required field filled, every list of one item, enums their first."""
    if isinstance(type_, GraphQLNonNull):
        return plain_value(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [plain_value(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {name: plain_value(field.type) for name, field in type_.fields.items()}
    assert isinstance(type_, GraphQLScalarType)
    return _SCALARS[type_.name]


def text_places(field: GraphQLField) -> Iterator[TextPlace]:
    for name, argument in field.args.items():
        for path in _text_paths(argument.type, ()):
            yield TextPlace(name, path)


def _text_paths(type_: GraphQLInputType | GraphQLArgument, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    named = get_named_type(type_)  # type: ignore[arg-type]
    if isinstance(named, GraphQLInputObjectType):
        for name, field in named.fields.items():
            yield from _text_paths(field.type, (*path, name))
    elif isinstance(named, GraphQLScalarType) and named.name in {"String", "ID"}:
        yield path


def _replaced(value: Any, path: tuple[str, ...], text: str) -> Any:
    if isinstance(value, list):
        return [_replaced(item, path, text) for item in value]
    if not path:
        return text
    return {**value, path[0]: _replaced(value[path[0]], path[1:], text)}
