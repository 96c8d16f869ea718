"""The notifications topic: the signal that an SMS waits in the outbox, and its reading by the
notifications queue's handler. Only keys travel (citizen id, event key): no personal data."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from functions.domain.notification import Notification

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient

__all__ = ["SnsNotificationSignal", "parse_signal"]

_KIND = "SMS"


class SnsNotificationSignal:
    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def announce(self, notification: Notification) -> None:
        self._sns.publish(
            TopicArn=self._topic_arn,
            Message=json.dumps(
                {"kind": _KIND, "citizenId": notification.citizen_id, "eventKey": notification.event_key}
            ),
            MessageAttributes={"kind": {"DataType": "String", "StringValue": _KIND}},
        )


def parse_signal(body: str) -> tuple[str, str]:
    """The (citizen id, event key) an SMS signal names; the counterpart of ``announce``."""
    message = json.loads(body)
    if message.get("kind") != _KIND:
        raise ValueError("not an SMS signal")
    return str(message["citizenId"]), str(message["eventKey"])
