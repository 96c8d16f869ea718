"""Subscription documents through the same Strawberry schema as every query, with its protections.

``prepare`` runs the document once with no root value: parsing, validation (depth, aliases, tokens,
one root field), the operation type (subscriptions only) and the field's authorisation all happen
in Strawberry's own pipeline; the field sets the topic it may listen on. ``render`` runs each stored
document again with the event as root value, so each client gets exactly the fields it selected, and
a field that finds the event is not for its subscriber yields nothing. Errors are coded and masked by
the schema's error policy, exactly as over HTTP.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from graphql import GraphQLError, OperationType, get_operation_ast, parse
from strawberry.types import ExecutionResult

from functions.api.error_policy import add_error_code, bilingual, coded_extensions
from functions.api.live.context import LiveContext
from functions.api.live.protocol import SubscribeRequest
from functions.api.schema import MAX_TOKENS, GrowingSchema
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.live import LiveEvent, LiveSubscription
from functions.services.caller import Caller
from functions.services.live_updates import LiveUpdates

__all__ = ["GraphQLSubscriptionDocuments", "SubscriptionAccepted", "SubscriptionDocuments", "SubscriptionRefused"]


@dataclass(frozen=True)
class SubscriptionAccepted:
    topic: str
    document: str | None = None
    """The text every event is rendered with, when it is not the ``query`` the client sent."""


@dataclass(frozen=True)
class SubscriptionRefused:
    errors: list[dict[str, Any]]
    """GraphQL errors, formatted as the ``error`` message's payload."""


class SubscriptionDocuments(Protocol):
    """How a subscription document is checked when subscribed, and executed for each event (the schema's
    own, ``GraphQLSubscriptionDocuments``; trusted documents in front of it, ``trusted.py``)."""

    def prepare(self, caller: Caller, request: SubscribeRequest) -> SubscriptionAccepted | SubscriptionRefused:
        """Validate the document and authorise it for the caller; the topic it listens on."""
        ...

    def render(self, subscriptions: Sequence[LiveSubscription], event: LiveEvent) -> list[dict[str, Any] | None]:
        """Each subscription's ``next`` payload for the event (None: not for this subscriber)."""
        ...


class GraphQLSubscriptionDocuments:
    def __init__(self, schema: GrowingSchema, live: LiveUpdates) -> None:
        self._schema = schema
        self._live = live

    def prepare(self, caller: Caller, request: SubscribeRequest) -> SubscriptionAccepted | SubscriptionRefused:
        problem = _operation_problem(request.query, request.operation_name)
        if problem is not None:
            return SubscriptionRefused([_formatted(problem)])
        context = LiveContext(self._live, caller)
        results = asyncio.run(self._run(request.query, request.variables, request.operation_name, context, None))
        errors = [error for result in results for error in result.errors or []]
        if errors:
            return SubscriptionRefused([_formatted(error) for error in errors])
        if context.topic is None:  # the document reached no subscription field: nothing to listen on
            return SubscriptionRefused([_formatted(_graphql_error(ValidationFailed(ErrorCode.SUBSCRIPTIONS_ONLY)))])
        return SubscriptionAccepted(context.topic)

    def render(self, subscriptions: Sequence[LiveSubscription], event: LiveEvent) -> list[dict[str, Any] | None]:
        return asyncio.run(self._render_all(subscriptions, event))

    async def _render_all(
        self, subscriptions: Sequence[LiveSubscription], event: LiveEvent
    ) -> list[dict[str, Any] | None]:
        return list(await asyncio.gather(*(self._render(subscription, event) for subscription in subscriptions)))

    async def _render(self, subscription: LiveSubscription, event: LiveEvent) -> dict[str, Any] | None:
        context = LiveContext(self._live, Caller(subscription.principal, event.event_id))
        results = await self._run(
            subscription.document, subscription.variables, subscription.operation_name, context, event
        )
        if not results:
            return None
        result = results[0]
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload["errors"] = [_formatted(error) for error in result.errors]
        return payload

    async def _run(
        self,
        query: str,
        variables: dict[str, object],
        operation_name: str | None,
        context: LiveContext,
        root: LiveEvent | None,
    ) -> list[ExecutionResult]:
        stream = await self._schema.for_document(query).subscribe(
            query, variable_values=variables, context_value=context, root_value=root, operation_name=operation_name
        )
        if isinstance(stream, ExecutionResult):
            return [stream]
        results: list[ExecutionResult] = []
        async for result in stream:
            results.append(result)
            if root is not None:  # one event, one result
                break
        await stream.aclose()
        return results


def _operation_problem(query: str, operation_name: str | None) -> GraphQLError | None:
    """A document that does not parse (Strawberry's streaming path lets that error escape), or is not
    exactly one subscription operation (which the schema would mask as an unexpected error)."""
    try:
        document = parse(query, max_tokens=MAX_TOKENS)
    except GraphQLError as error:
        add_error_code(error)
        return error
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return GraphQLError(
            "Name the operation to run with operationName.", extensions=bilingual(ErrorCode.GRAPHQL_VALIDATION_FAILED)
        )
    if operation.operation is not OperationType.SUBSCRIPTION:
        return _graphql_error(ValidationFailed(ErrorCode.SUBSCRIPTIONS_ONLY))
    return None


def _graphql_error(error: ValidationFailed) -> GraphQLError:
    return GraphQLError(error.message_en, extensions=coded_extensions(error))


def _formatted(error: GraphQLError) -> dict[str, Any]:
    return dict(error.formatted)
