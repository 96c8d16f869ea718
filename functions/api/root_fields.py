"""Root query and mutation fields run in a worker thread, and a stalled dependency answers
``TEMPORARILY_UNAVAILABLE`` in time (RELIABILITY GQL-14, CHAOS-06).

The resolvers call the use cases synchronously (PynamoDB and botocore block). Run inline, one slow
resolver would hold the event loop, and under uvicorn (``make dev``) every other request would wait
for it: each root field therefore runs in a worker thread (``asyncio.to_thread``, which carries the
request's deadline along); nested fields stay on the loop. Only the query and mutation root fields are
wrapped, once, when the schema is built (``functions/api/resolver_wrappers.py``): nested fields and
subscriptions run their resolvers as they are.

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
from typing import Any

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from graphql import GraphQLField, GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema

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

        def in_a_thread(root: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
            if info.path.prev is not None:  # the root type met again below the root (no field returns it today)
                return resolve(root, info, **kwargs)
            return _in_thread(resolve, root, info, **kwargs)

        return in_a_thread


async def _in_thread(resolve: GraphQLFieldResolver, root: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
    try:
        result = await asyncio.to_thread(resolve, root, info, **kwargs)
        return await result if inspect.isawaitable(result) else result
    except Exception as error:
        if not is_transient(error):
            raise
        logger.warning(
            "%s answered TEMPORARILY_UNAVAILABLE: %s",
            info.field_name,
            type(error).__name__,
            extra={"correlation_id": getattr(info.context, "correlation_id", None)},
        )
        raise DomainError(ErrorCode.TEMPORARILY_UNAVAILABLE) from None
