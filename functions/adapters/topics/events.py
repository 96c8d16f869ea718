"""The events topic: request events, and the monitoring office's alerts beside them, as published and
as read by its queues (the live fan-out's reads both kinds; the figures' only request events).

A request event carries ``kind``, ``centre`` and (for hand-offs) ``agency`` message attributes, so
subscribers (an agency's own queue among them) filter without reading. An alert travels as a second
kind of message (``kind`` attribute ``MONITORING_ALERT``, which no request event has): the figures
queue's subscription filters it out (infra/resources.yml), and it carries no ``agency`` or ``centre``
attribute, so an agency's own system, which subscribes with a filter on ``agency``, never receives it.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from functions.domain.escalation import EscalationKind, SlaPhase
from functions.domain.live import LiveEvent
from functions.domain.monitoring_alert import MONITORING_ALERT, MonitoringAlert
from functions.domain.request_event import RequestEvent

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sns.type_defs import MessageAttributeValueTypeDef

__all__ = ["SnsMonitoringAlerts", "SnsRequestEvents", "parse_live_event", "parse_request_event"]


class SnsRequestEvents:
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
        self._sns.publish(TopicArn=self._topic_arn, Message=json.dumps(_as_json(event)), MessageAttributes=attributes)


class SnsMonitoringAlerts:
    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def publish(self, alert: MonitoringAlert) -> None:
        self._sns.publish(
            TopicArn=self._topic_arn,
            Message=json.dumps({"kind": MONITORING_ALERT, "alert": _as_json(alert)}),
            MessageAttributes={"kind": {"DataType": "String", "StringValue": MONITORING_ALERT}},
        )


def parse_request_event(body: str) -> RequestEvent:
    """The counterpart of ``SnsRequestEvents.publish``."""
    raw = json.loads(body)
    for key in ("at", "due_at"):
        if raw.get(key):
            raw[key] = datetime.fromisoformat(raw[key])
    return RequestEvent(**raw)


def parse_live_event(body: str) -> LiveEvent:
    """A message of the live events queue: a monitoring alert (the counterpart of
    ``SnsMonitoringAlerts.publish``), or else a request event."""
    message = json.loads(body)
    if message.get("kind") != MONITORING_ALERT:
        return parse_request_event(body)
    raw = dict(message["alert"])
    for key in ("opened_at", "raised_at"):
        raw[key] = datetime.fromisoformat(raw[key])
    raw["kind"] = EscalationKind(raw["kind"])
    raw["phase"] = SlaPhase(raw["phase"]) if raw.get("phase") else None
    raw["follow_up_due"] = date.fromisoformat(raw["follow_up_due"]) if raw.get("follow_up_due") else None
    return MonitoringAlert(**raw)


def _as_json(message: RequestEvent | MonitoringAlert) -> dict[str, object]:
    return {
        key: value.isoformat() if isinstance(value, datetime | date) else value
        for key, value in dataclasses.asdict(message).items()
    }
