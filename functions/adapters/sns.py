"""SNS: citizen SMS, and the signal that an SMS waits in the outbox (the notifications topic)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import TYPE_CHECKING

from functions.domain.mobile import SaudiMobile
from functions.domain.notification import Notification
from functions.domain.request_event import RequestEvent

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sns.type_defs import MessageAttributeValueTypeDef

__all__ = ["SnsNotificationSignal", "SnsRequestEvents", "SnsSmsGateway", "parse_request_event", "parse_signal"]

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


class SnsRequestEvents:
    """Request events on the events topic, with ``kind``, ``centre`` and (for hand-offs) ``agency``
    message attributes, so subscribers (an agency's own queue among them) filter without reading."""

    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def publish(self, event: RequestEvent) -> None:
        attributes: dict[str, MessageAttributeValueTypeDef] = {
            "kind": {"DataType": "String", "StringValue": event.kind},
            "centre": {"DataType": "String", "StringValue": event.centre_id},
        }
        if event.agency_code:
            attributes["agency"] = {"DataType": "String", "StringValue": event.agency_code}
        self._sns.publish(
            TopicArn=self._topic_arn, Message=json.dumps(_event_json(event)), MessageAttributes=attributes
        )


def _event_json(event: RequestEvent) -> dict[str, object]:
    return {
        key: value.isoformat() if isinstance(value, datetime) else value
        for key, value in dataclasses.asdict(event).items()
    }


def parse_request_event(body: str) -> RequestEvent:
    """The counterpart of ``SnsRequestEvents.publish``."""
    raw = json.loads(body)
    for key in ("at", "due_at"):
        if raw.get(key):
            raw[key] = datetime.fromisoformat(raw[key])
    return RequestEvent(**raw)


def parse_signal(body: str) -> tuple[str, str]:
    """The (citizen id, event key) an SMS signal names; the counterpart of ``announce``."""
    message = json.loads(body)
    if message.get("kind") != "SMS":
        raise ValueError("not an SMS signal")
    return str(message["citizenId"]), str(message["eventKey"])
