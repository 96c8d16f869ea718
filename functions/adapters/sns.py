"""SNS: citizen SMS, and the signal that an SMS waits in the outbox (the notifications topic)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient

__all__ = ["SnsNotificationSignal", "SnsSmsGateway", "parse_signal"]

SENDER_ID = "Shubbak"


class SnsSmsGateway:
    def __init__(self, client: SNSClient) -> None:
        self._sns = client

    def send_sms(self, mobile: SaudiMobile, text: str) -> str:
        response = self._sns.publish(
            PhoneNumber=mobile.e164,
            Message=text,
            MessageAttributes={
                "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
                "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": SENDER_ID},
            },
        )
        return response["MessageId"]


class SnsNotificationSignal:
    """Publishes only keys (citizen id, event key): no personal data travels through the topic."""

    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def announce(self, notification: Notification) -> None:
        self._sns.publish(
            TopicArn=self._topic_arn,
            Message=json.dumps(
                {"kind": "SMS", "citizenId": notification.citizen_id, "eventKey": notification.event_key}
            ),
            MessageAttributes={"kind": {"DataType": "String", "StringValue": "SMS"}},
        )


def parse_signal(body: str) -> tuple[str, str]:
    """The (citizen id, event key) an SMS signal names; the counterpart of ``announce``."""
    message = json.loads(body)
    if message.get("kind") != "SMS":
        raise ValueError("not an SMS signal")
    return str(message["citizenId"]), str(message["eventKey"])
