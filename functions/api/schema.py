"""The GraphQL schema and its protections.

Limits (all enforced during validation, before any resolver runs): depth 8, 15 aliases (fragments
expanded), 400 tokens. Introspection and field suggestions only where ``GraphQLPolicy`` allows
(local and dev stages).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import strawberry
from graphql import ASTValidationRule
from graphql.error import GraphQLError
from graphql.language import OperationType
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from functions.api.error_policy import ErrorPolicy, add_error_code, is_client_error
from functions.api.resolver_wrappers import ResolverWrapper, wrap_resolvers
from functions.api.results import ProblemsAsResults
from functions.api.root_fields import RootFieldsInThreads
from functions.api.schema_sections import BASE, EVERYTHING, SECTIONS, Section, known_types, needs_of, schema_order
from functions.api.sensitive_fields import OneSensitiveFieldPerDocument
from functions.api.value_lengths import ValueLengthLimit

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "GraphQLPolicy", "GrowingSchema", "build_schema", "growing_schema"]

MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 400

logger = logging.getLogger("shubbak.graphql")
_SUGGESTION = re.compile(r" Did you mean [^?]*\?")  # graphql-core's did_you_mean: quoted GraphQL names, no "?"


@dataclass(frozen=True)
class GraphQLPolicy:
    """What a stage exposes: only local and dev show introspection, suggestions and GraphiQL."""

    introspection: bool
    field_suggestions: bool
    ide: bool

    @classmethod
    def for_stage(cls, stage: str) -> GraphQLPolicy:
        open_stage = stage in {"local", "dev"}
        return cls(introspection=open_stage, field_suggestions=open_stage, ide=open_stage)


Extension = type[SchemaExtension] | Callable[[], SchemaExtension]


class ShubbakSchema(strawberry.Schema):
    """Strawberry's schema; the ``ResolverWrapper`` extensions put around their fields once, here."""

    def __init__(self, query: type, *, extensions: Iterable[Extension] = (), **options: Any) -> None:
        listed = tuple(extensions)
        wrappers = [e for e in listed if isinstance(e, type) and issubclass(e, ResolverWrapper)]
        super().__init__(query, extensions=[e for e in listed if e not in wrappers], **options)
        wrap_resolvers(self._schema, wrappers)

    def _warn_for_federation_directives(self) -> None:
        """No federation here: Strawberry's check imports ``strawberry.federation`` (~15 ms of a cold start)
        only to warn that federation directives need ``strawberry.federation.Schema``."""

    @staticmethod
    def remove_field_suggestion(error: GraphQLError) -> None:
        """Where suggestions are off (``GraphQLPolicy``), none of any kind: Strawberry strips only those of
        unknown fields, graphql-core also suggests arguments, input fields, types and enum values."""
        error.message = _SUGGESTION.sub("", error.message)

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        correlation_id = getattr(execution_context.context, "correlation_id", None) if execution_context else None
        for error in errors:
            add_error_code(error)
            original = error.original_error
            if original is None or is_client_error(error):
                # The code and where, never the message: graphql-core's messages quote the values sent
                # (a password given as a number, a literal in the document).
                logger.info(
                    "graphql request refused: %s",
                    (error.extensions or {}).get("code"),
                    extra={"correlation_id": correlation_id, "error_path": error.path},
                )
            else:
                logger.error(
                    "unexpected error in resolver at %s",
                    error.path,
                    exc_info=(type(original), original, original.__traceback__),
                    extra={"correlation_id": correlation_id},
                )


def build_schema(policy: GraphQLPolicy, sections: Iterable[Section] = SECTIONS) -> strawberry.Schema:
    """The schema of the given sections (by default all of them: the full schema of ``schema.graphql``).

    Built once per policy and set of sections in a process: a schema holds no caller's state (the use
    cases reach resolvers through each request's context), so every app of the process may share it.
    """
    return _built(policy, frozenset(sections))


@cache
def _limits() -> tuple[type[ASTValidationRule], ...]:
    """The validation rules of the limits, made once per process. Strawberry's limiters make a new rule
    class each time they are built, and the validation cache is keyed by the rule classes: limiters built
    per request (as extensions are) would never let a document's validation be found again."""
    return (
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
        OneSensitiveFieldPerDocument,
    )


@lru_cache(maxsize=32)  # a grown schema holds ~1 MiB beyond its types; the full one plus every step of its growth fits
def _built(policy: GraphQLPolicy, sections: frozenset[Section]) -> strawberry.Schema:
    in_order = sorted(sections, key=schema_order)
    roots = {
        operation: [section.load() for section in in_order if section.operation is operation]
        for operation in OperationType
    }
    extensions: list[Extension] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(list(_limits())),
        ValueLengthLimit,  # parsing (ParserCache) and validation (ValidationByDocument), then the value lengths
        ErrorPolicy,
        ProblemsAsResults,  # before RootFieldsInThreads: inside it, in the worker thread (both wrap resolvers)
        RootFieldsInThreads,
    ]
    if not policy.introspection:
        extensions.append(DisableIntrospection)
    return ShubbakSchema(
        query=merge_types("Query", tuple(roots[OperationType.QUERY])),  # BASE is always there
        mutation=_merged("Mutation", roots[OperationType.MUTATION]),
        subscription=_merged("Subscription", roots[OperationType.SUBSCRIPTION]),
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not policy.field_suggestions),
    )


def _merged(name: str, roots: list[type]) -> type | None:
    return merge_types(name, tuple(roots)) if roots else None


class GrowingSchema:
    """The schema operations are served with: the sections each needs, added to those already loaded.

    It only grows (see ``functions/api/schema_sections.py``): whichever schema an operation is given,
    it holds every root field the operation selects, and answers as the full schema would. The dev
    server and the WebSocket API answer several operations at once on threads: a section counts as
    loaded only once the schema holding it is in place, and one thread builds at a time.
    """

    def __init__(self, policy: GraphQLPolicy) -> None:
        self._policy = policy
        self._building = threading.Lock()
        self._loaded = BASE
        self._known = known_types(BASE)
        self.current = build_schema(policy, BASE)

    def for_document(self, document: str | None) -> strawberry.Schema:
        needs = needs_of(document, MAX_TOKENS)
        self._grow(needs.sections)
        if not needs.types <= self._known:
            self._grow(EVERYTHING)
        return self.current

    def _grow(self, sections: frozenset[Section]) -> None:
        if sections <= self._loaded:
            return
        with self._building:
            if sections <= self._loaded:  # another thread built it meanwhile
                return
            loaded = self._loaded | sections
            self.current = build_schema(self._policy, loaded)
            self._known = known_types(loaded)
            self._loaded = loaded  # last: whoever sees the sections loaded finds them in ``current``


@lru_cache(maxsize=4)
def growing_schema(policy: GraphQLPolicy) -> GrowingSchema:
    """The process's one growing schema per policy, shared by the HTTP app and the live subscriptions."""
    return GrowingSchema(policy)
