"""Monitoring alerts on the events topic, beside the request events, for the live fan-out.

The events topic already feeds the fan-out's queue: an alert travels there as a second kind of message
(``kind`` attribute ``MONITORING_ALERT``, which no request event has). The figures queue's subscription
filters it out (infra/resources.yml); alerts carry no ``agency`` or ``centre`` attribute, so an agency's
own system, which subscribes with a filter on ``agency``, never receives them.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from functions.adapters.sns import parse_request_event
from functions.domain.escalation import EscalationKind, SlaPhase
from functions.domain.live import LiveEvent
from functions.domain.monitoring_alert import MONITORING_ALERT, MonitoringAlert

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient

__all__ = ["SnsMonitoringAlerts", "parse_live_event"]


class SnsMonitoringAlerts:
    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def publish(self, alert: MonitoringAlert) -> None:
        self._sns.publish(
            TopicArn=self._topic_arn,
            Message=json.dumps({"kind": MONITORING_ALERT, "alert": _alert_json(alert)}),
            MessageAttributes={"kind": {"DataType": "String", "StringValue": MONITORING_ALERT}},
        )


def _alert_json(alert: MonitoringAlert) -> dict[str, object]:
    return {
        key: value.isoformat() if isinstance(value, datetime | date) else value
        for key, value in dataclasses.asdict(alert).items()
    }


def parse_live_event(body: str) -> LiveEvent:
    """A message of the live events queue: a monitoring alert, or else a request event."""
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
