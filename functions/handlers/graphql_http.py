"""API Gateway HTTP API (payload v2) -> the Strawberry ASGI app, through Mangum."""

from __future__ import annotations

from typing import Any, cast

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from mangum import Mangum

from functions.bootstrap import container
from functions.handlers.observability import logger, metrics, tracer


@logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    metrics.add_metric(name="GraphQLRequests", unit=MetricUnit.Count, value=1)
    response: dict[str, Any] = Mangum(container().asgi_app, lifespan="off")(event, cast(Any, context))
    return response
