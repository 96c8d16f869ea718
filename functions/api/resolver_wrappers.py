"""Resolver wrappers put around the fields they concern once, when the schema is built.

A ``SchemaExtension``'s ``resolve`` is graphql-core middleware: Strawberry builds a middleware manager
for every request, and graphql-core calls the hook around every field of the answer, nested fields and
list items included, only for the hook to find that the field is no root field or returns no union
(issue 19: most of a small document's fixed cost beyond the thread). Which fields a wrapper concerns
depends on the schema alone, so a ``ResolverWrapper`` says it from the schema, and ``ShubbakSchema``
(``functions/api/schema.py``) wraps those fields' resolvers in graphql-core's schema when it is built;
every other field runs its resolver as it is. Listed with the schema's extensions, in the order of
middleware: a later wrapper wraps the earlier ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import (
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLObjectType,
    GraphQLSchema,
    default_field_resolver,
    is_introspection_type,
)
from strawberry.extensions import SchemaExtension

__all__ = ["ResolverWrapper", "wrap_resolvers"]


class ResolverWrapper(SchemaExtension):
    """Wraps the resolvers of the fields it concerns when a ``ShubbakSchema`` is built; no hook per request."""

    @classmethod
    def wrapped(
        cls, resolve: GraphQLFieldResolver, field: GraphQLField, parent: GraphQLObjectType, schema: GraphQLSchema
    ) -> GraphQLFieldResolver | None:
        """The field's resolver wrapped, or None where the field is none of this wrapper's concern."""
        raise NotImplementedError


def wrap_resolvers(schema: GraphQLSchema, wrappers: Iterable[type[ResolverWrapper]]) -> None:
    """Wrap, in place, the resolver of every field of ``schema``'s object types that a wrapper concerns."""
    wrappers = tuple(wrappers)
    for parent in schema.type_map.values():
        if not isinstance(parent, GraphQLObjectType) or is_introspection_type(parent):
            continue
        for field in parent.fields.values():
            resolve = field.resolve or default_field_resolver
            wrapped = resolve
            for wrapper in wrappers:
                wrapped = wrapper.wrapped(wrapped, field, parent, schema) or wrapped
            if wrapped is not resolve:
                field.resolve = wrapped
