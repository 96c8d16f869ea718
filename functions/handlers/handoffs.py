"""Handoffs queue -> the agencies' window: each state-machine message recorded (tokens stay server-side)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.adapters.topics.handoffs import parse_handoff_message
from functions.bootstrap import container
from functions.handlers.observability import logger, tracer

processor = BatchProcessor(event_type=EventType.SQS)


def route(record: SQSRecord) -> None:
    root = container()
    root.use_cases.handoff_routing.handle(parse_handoff_message(record.body, root.adapters.task_tokens.seal))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return dict(process_partial_response(event=event, record_handler=route, processor=processor, context=context))
