"""Live subscriptions: connections, what they subscribed to, and which events reach which topic.

A subscription listens on one **topic**: an agency's hand-offs (``AGENCY#<code>``), one request's
updates (``REQUEST#<id>``) or the monitoring office's alerts (``MONITORING``). An event is offered to the topics it belongs to (its request's, and its
agency's when it concerns an agency's step); what a subscriber may see was decided when it subscribed,
and is checked again for each event (see ``services/live_updates.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.principal import Principal
from functions.domain.request_event import RequestEvent

__all__ = [
    "MONITORING_TOPIC",
    "LiveConnection",
    "LiveEvent",
    "LiveSubscription",
    "agency_topic",
    "request_topic",
    "topics_of",
]

MONITORING_TOPIC = "MONITORING"
"""The monitoring office's alerts: every monitor hears every alert (their scope is any centre)."""

LiveEvent = RequestEvent | MonitoringAlert
"""What the fan-out delivers: a request's event, or an alert for the monitoring office."""


def agency_topic(agency_code: str) -> str:
    return f"AGENCY#{agency_code}"


def request_topic(request_id: str) -> str:
    return f"REQUEST#{request_id}"


def topics_of(event: LiveEvent) -> list[str]:
    """The request's own topic, and its agency's when the event is about an agency's step; an alert
    only the monitoring office's (never a request's or an agency's, even when it names them)."""
    if isinstance(event, MonitoringAlert):
        return [MONITORING_TOPIC]
    topics = [request_topic(event.request_id)]
    if event.agency_code:
        topics.append(agency_topic(event.agency_code))
    return topics


@dataclass(frozen=True)
class LiveConnection:
    """One WebSocket connection; ``principal`` is None until its ``connection_init`` was accepted."""

    connection_id: str
    connected_at: datetime
    expires_at: datetime
    """Pending: the time to send ``connection_init`` by; acknowledged: the end of the connection's life."""
    principal: Principal | None = None

    @property
    def acknowledged(self) -> bool:
        return self.principal is not None


@dataclass(frozen=True)
class LiveSubscription:
    """A stored ``subscribe`` message: executed again, with each event as its root value."""

    connection_id: str
    operation_id: str
    topic: str
    document: str
    principal: Principal
    expires_at: datetime
    variables: dict[str, object] = field(default_factory=dict)
    operation_name: str | None = None
