"""Expected failures as data, mapped once for every field of the schema.

A field whose type is a union of a result and problems (``RequestChangeResult = ServiceRequest |
ValidationFailed | Conflict | Forbidden | NotFound``) declares the failures a client should expect; its
resolver returns the result and lets the use case's ``DomainError`` go. This extension turns that
error into its problem (``problem_from``) when the field's union holds the problem's type, so the
client gets it as data, with its code and message. Any other ``DomainError`` (a union without that
problem, a field that is no union) stays an error, coded by the error policy (``error_policy.py``).

It runs inside ``RootFieldsInThreads`` (later extensions wrap earlier ones): the resolver's own
failures become problems, and a stalled dependency that extension turns into ``TEMPORARILY_UNAVAILABLE``
stays an error. Only the fields whose type is such a union are wrapped, once, when the schema is built
(``functions/api/resolver_wrappers.py``): no other field pays for it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLUnionType,
)
from strawberry.types import get_object_definition

from functions.api.resolver_wrappers import ResolverWrapper
from functions.api.types.problem import Problem, problem_from
from functions.domain.errors import DomainError

__all__ = ["ProblemsAsResults"]


class ProblemsAsResults(ResolverWrapper):
    @classmethod
    def wrapped(
        cls, resolve: GraphQLFieldResolver, field: GraphQLField, parent: GraphQLObjectType, schema: GraphQLSchema
    ) -> GraphQLFieldResolver | None:
        members = _union_members(field.type)
        if not members:
            return None

        def problems_as_results(root: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
            try:
                result = resolve(root, info, **kwargs)
            except DomainError as error:
                return _problem_or_raise(error, members)
            return _awaited(result, members) if inspect.isawaitable(result) else result

        return problems_as_results


def _union_members(field_type: GraphQLOutputType) -> frozenset[str]:
    union = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    return frozenset(member.name for member in union.types) if isinstance(union, GraphQLUnionType) else frozenset()


def _problem_or_raise(error: DomainError, members: frozenset[str]) -> Problem:
    problem = problem_from(error)
    if get_object_definition(type(problem), strict=True).name in members:
        return problem
    raise error


async def _awaited(result: Awaitable[Any], members: frozenset[str]) -> Any:
    try:
        return await result
    except DomainError as error:
        return _problem_or_raise(error, members)
