"""API Gateway HTTP API (payload v2) -> the Strawberry ASGI app, through Mangum.

Importing this module loads Powertools only; the app (Starlette, Strawberry's view and schema,
PynamoDB models) is loaded by the first request, once per process (see docs/performance.md).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, cast

from functions.handlers.cold_start import kept_for_life

with kept_for_life():
    from aws_lambda_powertools.metrics import MetricUnit
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from functions.handlers.observability import logger, metrics, tracer

if TYPE_CHECKING:
    from collections.abc import Callable

    from mangum import Mangum

    from functions.bootstrap import Container


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    metrics.add_metric(name="GraphQLRequests", unit=MetricUnit.Count, value=1)
    adapter, container, text_types = app_modules()
    response: dict[str, Any] = adapter(container().asgi_app, lifespan="off", text_mime_types=text_types)(
        event, cast(Any, context)
    )
    return response


@cache
def app_modules() -> tuple[type[Mangum], Callable[[], Container], list[str]]:
    """Mangum, the container, and the media types Mangum may return as text (the GraphQL-over-HTTP
    response type among them: Mangum would base64-encode it)."""
    with kept_for_life():
        from mangum import Mangum  # noqa: PLC0415 (loaded by the first request, see the module docstring)
        from mangum.adapter import DEFAULT_TEXT_MIME_TYPES  # noqa: PLC0415

        from functions.bootstrap import container  # noqa: PLC0415

        container().asgi_app  # noqa: B018 (the schema, built once and kept with the modules)
    return Mangum, container, [*DEFAULT_TEXT_MIME_TYPES, "application/graphql-response+json"]
