"""Who may hear what, live: the policy decisions behind ``handoffEvents``, ``requestUpdates`` and
``monitoringAlerts``.

Each subscription is decided twice. When it is **subscribed** (no event yet): authorised through the
policy, a denial audited like any other, and the topic it may listen on chosen — for hand-off events
the officer's own agency from the token, never an argument. For each **event**: the event must belong
to what was granted (the same agency, the same request), so an event can never reach a subscriber
outside its grant even if it were offered to the wrong topic.
"""

from __future__ import annotations

from functions.domain.audit import target
from functions.domain.errors import NotFound
from functions.domain.live import MONITORING_TOPIC, agency_topic, request_topic
from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.policy import Operation, authorize
from functions.domain.request_event import RequestEvent
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.request_owners import owners_of
from functions.services.request_ports import RequestRepository

__all__ = ["LiveUpdates"]


class LiveUpdates:
    def __init__(self, *, requests: RequestRepository, authorizer: Authorizer) -> None:
        self._requests = requests
        self._authorizer = authorizer

    def handoff_events_topic(self, caller: Caller) -> str:
        agency = caller.principal.agency_code or ""
        self._authorizer.authorize(caller, Operation.HANDOFF_EVENTS, target("agency", agency))
        return agency_topic(agency)

    def request_updates_topic(self, caller: Caller, request_id: str) -> str:
        """Authorised like ``request(id)``, less agency officers (``handoffEvents`` is theirs): the citizen,
        the filing centre, the monitor."""
        file = self._requests.get_file(request_id)
        owner = owners_of(file)
        self._authorizer.authorize(caller, Operation.REQUEST_UPDATES, target("request", request_id), owner)
        if file is None:
            raise NotFound(field="requestId")
        return request_topic(request_id)

    @staticmethod
    def handoff_event_for(caller: Caller, event: RequestEvent) -> RequestEvent | None:
        """The event, if it is a hand-off of the subscriber's own agency."""
        authorize(caller.principal, Operation.HANDOFF_EVENTS)
        agency = caller.principal.agency_code
        return event if agency and event.agency_code == agency else None

    @staticmethod
    def request_update_for(caller: Caller, request_id: str, event: RequestEvent) -> RequestEvent | None:
        """The event, if it is about the request the subscriber was authorised for."""
        authorize(caller.principal, Operation.REQUEST_UPDATES)
        return event if event.request_id == request_id else None

    def monitoring_alerts_topic(self, caller: Caller) -> str:
        """The monitoring office only; it watches every centre, so every monitor hears every alert."""
        self._authorizer.authorize(caller, Operation.MONITORING_ALERTS, target("escalation", "*"))
        return MONITORING_TOPIC

    @staticmethod
    def monitoring_alert_for(caller: Caller, alert: MonitoringAlert) -> MonitoringAlert | None:
        """The alert, if the subscriber may still hear alerts (the policy, decided again per alert)."""
        authorize(caller.principal, Operation.MONITORING_ALERTS)
        return alert
