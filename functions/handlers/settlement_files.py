"""A settlement file landing in its bucket (S3's "Object Created", through EventBridge) -> reconciled
against the centres' ledgers, once."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.bootstrap import container
from functions.handlers.observability import logger, tracer


@logger.inject_lambda_context
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    detail = event["detail"]
    report = container().use_cases.settlement_ingestion.ingest_object(detail["bucket"]["name"], detail["object"]["key"])
    return {
        "source": report.source,
        "alreadyDone": report.already_done,
        "refused": report.refused.value if report.refused else None,
        "lines": report.lines,
        "settled": report.settled,
        "discrepancies": {kind.value: count for kind, count in report.discrepancies.items()},
    }
