"""What is learnt of a document once, found again by the document's identity.

Strawberry's parser cache gives the same ``DocumentNode`` object for the same text, but its validation
cache is keyed by the document itself, and hashing a graphql-core document walks its whole tree (a
dataclass hash of every node): ~0.25 ms a request for a console query, more than validating it cost to
find. Here a document is known by the identity of the object and of the schema it runs on; the caches
that hold the key keep both alive, so an identity is never reused while it is cached.

Hand-written: Strawberry offers no validation cache keyed this way.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import ParserCache
from strawberry.schema.schema import validate_document

__all__ = ["CACHED_DOCUMENTS", "DocumentOnSchema", "ValidationByDocument"]

CACHED_DOCUMENTS = 256


class DocumentOnSchema:
    """A parsed document and the schema it runs on, equal to another only for the same two objects."""

    __slots__ = ("document", "schema")

    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.document = document

    def __hash__(self) -> int:
        return hash((id(self.schema), id(self.document)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentOnSchema) and other.schema is self.schema and other.document is self.document


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _validated(key: DocumentOnSchema, rules: tuple[type[ASTValidationRule], ...]) -> list[GraphQLError]:
    return validate_document(key.schema, key.document, rules)


class ValidationByDocument(ParserCache):
    """Strawberry's parsing step through its parser cache (``ParserCache``: the same document object for the
    same text, which the key here relies on), and its validation step (its own rules added) done once per
    document, schema and rules. One extension for both: Strawberry's runner pays for every extension at
    every step of every request (issue 19)."""

    def __init__(self) -> None:
        super().__init__(maxsize=CACHED_DOCUMENTS)

    def on_validate(self) -> Iterator[None]:
        self.validate()
        yield

    def validate(self) -> None:
        context = self.execution_context
        assert context.graphql_document is not None  # noqa: S101 - Strawberry parses before it validates
        key = DocumentOnSchema(context.schema._schema, context.graphql_document)
        context.pre_execution_errors = list(_validated(key, context.validation_rules))
