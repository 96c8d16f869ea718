"""Move the messages of a dead-letter queue back to the queue they failed on (docs/deployment.md).

``make redrive QUEUE=notifications`` against a running ``make dev``. On AWS use SQS's own redrive
(``aws sqs start-message-move-task --source-arn <dead-letter queue ARN>``), which moto's server does not
implement: this does the same by hand — receive a batch, send each message (body and attributes) to
the queue that dead-lettered it, then delete it from the dead-letter queue. A message is deleted only
after it was sent again, so a crash half-way sends some twice, never none: every consumer here is
idempotent (each SMS once per citizen and event, each figure once per event, each hand-off by token).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from functions.local.stack import load_environment, stack_client

__all__ = ["dead_letter_queue_of", "redrive"]

_BATCH = 10
_ATTRIBUTE_FIELDS = ("DataType", "StringValue", "BinaryValue")


def dead_letter_queue_of(sqs: Any, queue_url: str) -> str:
    """The URL of the queue ``queue_url`` dead-letters to (its redrive policy's target)."""
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["RedrivePolicy"])["Attributes"]
    if "RedrivePolicy" not in attributes:
        raise SystemExit(f"{queue_url} has no dead-letter queue")
    target_arn: str = json.loads(attributes["RedrivePolicy"])["deadLetterTargetArn"]
    return str(sqs.get_queue_url(QueueName=target_arn.rsplit(":", 1)[1])["QueueUrl"])


def redrive(sqs: Any, dead_letters_url: str, destination_url: str, limit: int = 1000) -> int:
    """Move up to ``limit`` messages; how many moved."""
    moved = 0
    while moved < limit:
        batch = sqs.receive_message(
            QueueUrl=dead_letters_url,
            MaxNumberOfMessages=min(_BATCH, limit - moved),
            MessageAttributeNames=["All"],
            VisibilityTimeout=60,
            WaitTimeSeconds=0,
        ).get("Messages", [])
        if not batch:
            break
        for message in batch:
            attributes = {
                name: {field: value[field] for field in _ATTRIBUTE_FIELDS if field in value}
                for name, value in message.get("MessageAttributes", {}).items()
            }
            sqs.send_message(QueueUrl=destination_url, MessageBody=message["Body"], MessageAttributes=attributes)
            sqs.delete_message(QueueUrl=dead_letters_url, ReceiptHandle=message["ReceiptHandle"])
            moved += 1
    return moved


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: make redrive QUEUE=<handoffs|notifications|monitoring|figures|live-events>")
    environment = load_environment()
    sqs = stack_client("sqs", environment)
    queue_url = sqs.get_queue_url(QueueName=f"shubbak-{environment['SHUBBAK_STAGE']}-{argv[0]}")["QueueUrl"]
    moved = redrive(sqs, dead_letter_queue_of(sqs, queue_url), queue_url)
    print(f"{moved} message(s) moved back to {argv[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
