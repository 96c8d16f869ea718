"""Monitoring queue -> SLA breaches from the state machine become escalations (each delivery counted once)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.adapters.topics.monitoring import parse_sla_breach
from functions.bootstrap import container
from functions.handlers.observability import logger, tracer

processor = BatchProcessor(event_type=EventType.SQS)


def escalate(record: SQSRecord) -> None:
    container().use_cases.escalations.record_breach(parse_sla_breach(record.body), record.message_id)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return dict(process_partial_response(event=event, record_handler=escalate, processor=processor, context=context))
