"""The GraphQL schema and its protections.

Limits (all enforced during validation, before any resolver runs): depth 8, 15 aliases (fragments
expanded), 400 tokens. Introspection and field suggestions only where ``GraphQLPolicy`` allows
(local and dev stages).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from functions.api.error_policy import ErrorPolicy, add_error_code
from functions.api.mutations.administration import AdministrationMutations
from functions.api.mutations.documents import DocumentMutations
from functions.api.mutations.feedback import FeedbackMutations
from functions.api.mutations.identity import IdentityMutations
from functions.api.mutations.licensing import LicensingMutations
from functions.api.mutations.oversight import OversightMutations
from functions.api.mutations.requests import RequestMutations
from functions.api.queries.catalogue import CatalogueQueries
from functions.api.queries.documents import DocumentQueries
from functions.api.queries.identity import IdentityQueries
from functions.api.queries.monitoring import MonitoringQueries
from functions.api.queries.requests import RequestQueries
from functions.api.sensitive_fields import OneSensitiveFieldPerDocument
from functions.api.subscriptions.live import LiveSubscriptions
from functions.api.subscriptions.monitoring import MonitoringSubscriptions

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "GraphQLPolicy", "build_schema"]

MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 400

logger = logging.getLogger("shubbak.graphql")

Query = merge_types("Query", (CatalogueQueries, IdentityQueries, RequestQueries, DocumentQueries))
Mutation = merge_types("Mutation", (IdentityMutations, RequestMutations, AdministrationMutations, DocumentMutations))
Subscription = merge_types("Subscription", (LiveSubscriptions,))
# the monitoring office and citizens' feedback (docs/monitoring.md)
Query = merge_types("Query", (Query, MonitoringQueries))
Mutation = merge_types("Mutation", (Mutation, LicensingMutations, OversightMutations, FeedbackMutations))
# the monitoring office's live alerts (docs/monitoring.md)
Subscription = merge_types("Subscription", (Subscription, MonitoringSubscriptions))


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


class ShubbakSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        correlation_id = getattr(execution_context.context, "correlation_id", None) if execution_context else None
        for error in errors:
            add_error_code(error)
            original = error.original_error
            if original is None or getattr(original, "code", None):
                logger.info("graphql request refused: %s", error.message, extra={"correlation_id": correlation_id})
            else:
                logger.error(
                    "unexpected error in resolver at %s",
                    error.path,
                    exc_info=(type(original), original, original.__traceback__),
                    extra={"correlation_id": correlation_id},
                )


def build_schema(policy: GraphQLPolicy) -> strawberry.Schema:
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules([OneSensitiveFieldPerDocument]),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        ErrorPolicy,
    ]
    if not policy.introspection:
        extensions.append(DisableIntrospection)
    return ShubbakSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not policy.field_suggestions),
    )
