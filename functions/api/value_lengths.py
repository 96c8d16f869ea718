"""SEC-02: every ``String`` and ``ID`` value a client sends has a length limit, checked before anything runs.

Values become DynamoDB keys (an audit record keyed by the id a caller asked for, a look-up by code):
DynamoDB refuses keys over 2,048 bytes (moto does not, on reads), and nothing should carry a 3,000-
character "id" as far as a table. So the limit is the schema's, not each resolver's:

* an argument or input field of type ``String`` or ``ID`` (or a list of them) takes at most
  ``DEFAULT_MAX_LENGTH`` characters;
* one that holds more (free text, passwords, cursors) says so in the schema with ``@maxLength``,
  which ``schema.graphql`` shows to clients.

``ValueLengthLimit`` checks the executed operation's arguments, in literals and in variables (and in
the input objects and lists inside them), right after validation and before execution, on every
transport (HTTP and the WebSocket API's subscriptions run the same validation step). A value over
its limit refuses the whole request with ``VALUE_TOO_LONG`` (``field`` names the input), so no
resolver, and no I/O, runs. The domain's own, tighter rules (a 500-character note, a 100-character
name) still answer their own codes below these limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any

import strawberry
from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    Node,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    get_named_type,
    get_operation_ast,
    visit,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.schema_directive import Location

from functions.api.document_cache import CACHED_DOCUMENTS, DocumentOnSchema, ValidationByDocument
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = [
    "CURSOR",
    "DEFAULT_MAX_LENGTH",
    "FREE_TEXT",
    "REFRESH_TOKEN",
    "SECRET",
    "Cursor",
    "FreeText",
    "MaxLength",
    "OptionalFreeText",
    "RefreshToken",
    "Secret",
    "Session",
    "ValueLengthLimit",
    "max_length_of",
]

DEFAULT_MAX_LENGTH = 128
LIMITED_SCALARS = frozenset({"String", "ID"})


@strawberry.schema_directive(
    locations=[Location.ARGUMENT_DEFINITION, Location.INPUT_FIELD_DEFINITION],
    name="maxLength",
    description=(
        "The longest value accepted, in characters. String and ID arguments and input fields without it "
        f"accept at most {DEFAULT_MAX_LENGTH}. Longer values refuse the request with VALUE_TOO_LONG before it runs."
    ),
)
class MaxLength:
    characters: int


FREE_TEXT = MaxLength(characters=2_000)
"""Notes, reasons, complaints, answers and names in free text (the domain's own limits are tighter)."""
SECRET = MaxLength(characters=1_024)
"""Passwords: the domain's password rule answers PASSWORD_TOO_WEAK below this."""
CURSOR = MaxLength(characters=2_048)
"""Opaque page cursors and Cognito sessions (Cognito's own limit)."""
REFRESH_TOKEN = MaxLength(characters=2_800)
"""Cognito's refresh tokens: encrypted JWTs of about 1.8 KB, with room to grow (still below SEC-02's 3,000)."""


def max_length_of(definition: GraphQLArgument | GraphQLInputField) -> int:
    strawberry_definition = (definition.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    for directive in getattr(strawberry_definition, "directives", ()):
        if isinstance(directive, MaxLength):
            return directive.characters
    return DEFAULT_MAX_LENGTH


@dataclass(frozen=True)
class _TooLong:
    field: str
    node: Node


class ValueLengthLimit(ValidationByDocument):
    """Refuses, before execution, a request whose operation carries a value over its limit.

    A ``ValidationByDocument`` (parsing and validation) that goes on, once the document is known to be
    valid (``pre_execution_errors`` empty), to check the values: what it finds becomes the request's
    errors. The three steps in one extension, as Strawberry's runner pays for every extension at every
    step of every request (issue 19).
    """

    def validate(self) -> None:
        super().validate()
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.pre_execution_errors:
            found = _too_long_values(context.schema._schema, document, context.operation_name, context.variables)
            if found:
                context.pre_execution_errors = [
                    GraphQLError(
                        "A value sent is longer than allowed.",
                        too_long.node,
                        original_error=ValidationFailed(ErrorCode.VALUE_TOO_LONG, field=too_long.field),
                    )
                    for too_long in found
                ]


def _too_long_values(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, variables: Mapping[str, Any] | None
) -> list[_TooLong]:
    arguments = _arguments_of(DocumentOnSchema(schema, document))
    if not arguments:
        return []
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return []  # execution reports the missing or ambiguous operation
    found: list[_TooLong] = []
    values = _Values(operation, variables or {}, found)
    for argument in arguments:
        values.walk(argument.node.value, argument.type, argument.limit, argument.node.name.value, argument.node)
    return found


@dataclass(frozen=True)
class _Argument:
    node: ArgumentNode
    type: GraphQLInputType
    limit: int


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _arguments_of(document: DocumentOnSchema) -> tuple[_Argument, ...]:
    """Every argument of every field in the document that can carry a ``String`` or ``ID`` (no other holds a
    value to check), with its type and limit: the same for every request that sends the document, only
    the variables' values change."""
    type_info = TypeInfo(document.schema)
    arguments = _Arguments(type_info)
    visit(document.document, TypeInfoVisitor(type_info, arguments))
    return tuple(argument for argument in arguments.found if _can_hold_text(argument.type))


def _can_hold_text(type_: GraphQLInputType, met: frozenset[str] = frozenset()) -> bool:
    """Whether a value of the type can carry a ``String`` or ``ID`` anywhere, as ``_Values.walk`` goes down it."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType):
        return named.name in LIMITED_SCALARS
    if isinstance(named, GraphQLInputObjectType) and named.name not in met:  # met: its fields are being looked at
        return any(_can_hold_text(field.type, met | {named.name}) for field in named.fields.values())
    return False


class _Arguments(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self._type_info = type_info
        self.found: list[_Argument] = []

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        argument = self._type_info.get_argument()
        if argument is not None:
            self.found.append(_Argument(node, argument.type, max_length_of(argument)))


class _Values:
    """An argument's value walked against its type: literals, variables as sent (or their defaults in the
    operation), and the input objects and lists inside them."""

    def __init__(self, operation: OperationDefinitionNode, variables: Mapping[str, Any], found: list[_TooLong]) -> None:
        self._variables = dict(variables)
        self._defaults = {
            definition.variable.name.value: definition.default_value
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        }
        self._found = found

    def walk(self, value: Any, type_: GraphQLInputType, limit: int, field: str, node: Node) -> None:
        value = self._resolved(value)
        if value is None:
            return
        if isinstance(type_, GraphQLNonNull):
            self.walk(value, type_.of_type, limit, field, node)
        elif isinstance(type_, GraphQLList):
            for item in _items(value):
                self.walk(item, type_.of_type, limit, field, node)
        elif isinstance(type_, GraphQLInputObjectType):
            for name, field_value in _fields(value):
                input_field = type_.fields.get(name)
                if input_field is not None:
                    self.walk(field_value, input_field.type, max_length_of(input_field), name, node)
        elif isinstance(type_, GraphQLScalarType) and type_.name in LIMITED_SCALARS:
            text = value.value if isinstance(value, StringValueNode) else value
            if isinstance(text, str) and len(text) > limit:
                self._found.append(_TooLong(field, node))

    def _resolved(self, value: Any) -> Any:
        if isinstance(value, VariableNode):
            name = value.name.value
            return self._variables[name] if name in self._variables else self._defaults.get(name)
        return value


def _items(value: Any) -> list[Any]:
    if isinstance(value, ListValueNode):
        return list(value.values)
    if isinstance(value, list):
        return value
    return [value]  # a single value where a list is expected is coerced to a list of one


def _fields(value: Any) -> list[tuple[str, ValueNode | Any]]:
    if isinstance(value, ObjectValueNode):
        return [(field.name.value, field.value) for field in value.fields]
    if isinstance(value, dict):
        return list(value.items())
    return []


FreeText = Annotated[str, strawberry.argument(directives=[FREE_TEXT])]
OptionalFreeText = Annotated[str | None, strawberry.argument(directives=[FREE_TEXT])]
Secret = Annotated[str, strawberry.argument(directives=[SECRET])]
Cursor = Annotated[str | None, strawberry.argument(directives=[CURSOR], description="An opaque page cursor.")]
Session = Annotated[str, strawberry.argument(directives=[CURSOR], description="The session of NewPasswordRequired.")]
RefreshToken = Annotated[
    str, strawberry.argument(directives=[REFRESH_TOKEN], description="The refresh token SignedIn gave.")
]
