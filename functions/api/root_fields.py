"""Root query and mutation fields run in a worker thread where that lets something else go on, and a
stalled dependency answers ``TEMPORARILY_UNAVAILABLE`` in time (RELIABILITY GQL-14, CHAOS-06).

The resolvers call the use cases synchronously (PynamoDB and botocore block). Run inline, one slow
resolver would hold the event loop, and under uvicorn (``make dev``) every other request would wait
for it; and the root fields of one query could not wait on DynamoDB side by side. Each root field
therefore runs in a worker thread (``asyncio.to_thread``, which carries the request's deadline along),
except where neither can happen: a request served alone on its loop (Lambda, through Mangum: one
invocation at a time, the loop run until it is answered; ``GraphQLContext.served_alone``) whose
operation has no other root field to run beside this one (a query with one root field, or a mutation,
whose root fields graphql-core runs one after the other). There the hop to a thread and back would only
add its cost (issue 19: ~30 µs on an idle machine, far more on a busy one). Nested fields stay on the
loop. Only the query and mutation root fields are wrapped, once, when the schema is built
(``functions/api/resolver_wrappers.py``): nested fields and subscriptions run their resolvers as they are.

A root field that fails because a dependency stalled or refused for a while — the request's deadline
left no time for another attempt (``services/deadline.py``), a connect or read timeout after the
retries, throttling — is answered with the coded, retryable ``TEMPORARILY_UNAVAILABLE`` (Arabic and
English), logged as a warning with its kind, instead of a masked ``INTERNAL_ERROR``. Nothing is left
running: the deadline stops every attempt that could end after it.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from typing import Any

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationType,
)

from functions.api.resolver_wrappers import ResolverWrapper
from functions.domain.errors import DomainError, ErrorCode
from functions.services.deadline import DeadlineExceeded

__all__ = ["RootFieldsInThreads", "is_transient"]

logger = logging.getLogger("shubbak.api")

TRANSIENT_CODES = frozenset(
    {
        "ThrottlingException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "InternalServerError",
        "ServiceUnavailable",
        "LimitExceededException",
    }
)


def is_transient(error: BaseException) -> bool:
    """A stall or a refusal that a retry a little later may not meet, anywhere in the cause chain (PynamoDB
    wraps botocore's errors in its own)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DeadlineExceeded | BotocoreConnectionError | HTTPClientError):
            return True
        if isinstance(current, ClientError) and current.response.get("Error", {}).get("Code") in TRANSIENT_CODES:
            return True
        current = current.__cause__ or current.__context__
    return False


class RootFieldsInThreads(ResolverWrapper):
    @classmethod
    def wrapped(
        cls, resolve: GraphQLFieldResolver, field: GraphQLField, parent: GraphQLObjectType, schema: GraphQLSchema
    ) -> GraphQLFieldResolver | None:
        if parent is not schema.query_type and parent is not schema.mutation_type:
            return None

        def root_field(root: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
            if info.path.prev is not None:  # the root type met again below the root (no field returns it today)
                return resolve(root, info, **kwargs)
            if _nothing_beside(info):
                return _here(resolve, root, info, kwargs)
            return _answered(asyncio.to_thread(resolve, root, info, **kwargs), info)

        return root_field


def _nothing_beside(info: GraphQLResolveInfo[Any]) -> bool:
    """Served alone on its loop, with no other root field of the operation to run beside this one."""
    if not getattr(info.context, "served_alone", False):
        return False
    operation = info.operation
    if operation.operation is OperationType.MUTATION:
        return True
    selections = operation.selection_set.selections
    return len(selections) == 1 and isinstance(selections[0], FieldNode)


def _here(resolve: GraphQLFieldResolver, root: Any, info: GraphQLResolveInfo[Any], kwargs: dict[str, Any]) -> Any:
    try:
        result = resolve(root, info, **kwargs)
    except Exception as error:
        if not is_transient(error):
            raise
        raise _unavailable(error, info) from None
    return _answered(result, info) if inspect.isawaitable(result) else result


async def _answered(result: Awaitable[Any], info: GraphQLResolveInfo[Any]) -> Any:
    try:
        answer = await result
        return await answer if inspect.isawaitable(answer) else answer
    except Exception as error:
        if not is_transient(error):
            raise
        raise _unavailable(error, info) from None


def _unavailable(error: Exception, info: GraphQLResolveInfo[Any]) -> DomainError:
    logger.warning(
        "%s answered TEMPORARILY_UNAVAILABLE: %s",
        info.field_name,
        type(error).__name__,
        extra={"correlation_id": getattr(info.context, "correlation_id", None)},
    )
    return DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE)
