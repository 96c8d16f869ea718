"""``monitoringAlerts``: each escalation opened or raised again reaches every monitor's subscription,
after its commit, with exactly the fields selected, and never an officer's, a centre's or a citizen's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest

from functions.domain.centre_profile import ChecklistItem
from functions.domain.escalation import EscalationKind, EscalationStatus, SlaBreach, SlaPhase
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, InspectionReport
from functions.domain.live import MONITORING_TOPIC
from functions.domain.principal import Principal, Role
from functions.services.caller import Caller
from functions.services.escalations import Escalations
from tests.fakes.live import LiveWorld
from tests.fakes.monitoring import RecordingAlerts
from tests.unit.test_live_fanout import HANDOFFS, OPERATOR, UPDATES, Filed, officer

ALERTS = (
    "subscription { monitoringAlerts { id escalationId kind centreId requestId trackingNumber serviceCode"
    " stage agencyCode phase inspectionId followUpDue occurrences raisedAt } }"
)
MONITOR = Principal("mon-1", Role.MONITOR)


@dataclass
class Office:
    filed: Filed
    live: LiveWorld
    alerts: RecordingAlerts
    escalations: Escalations

    def breach(self, request: int = 0, delivery_id: str | None = None) -> SlaBreach:
        file = self.filed.world.requests.get_file(self.filed.requests[request])
        assert file is not None
        breach = SlaBreach(file.request.request_id, 1, file.handoffs[0].agency_code, SlaPhase.RECEIPT)
        self.escalations.record_breach(breach, delivery_id or uuid.uuid4().hex)
        return breach

    def deliver_published(self) -> None:
        """What the live events queue does: each published alert to the fan-out."""
        for alert in self.alerts.published:
            self.live.fanout.deliver(alert)

    def received(self, connection: str) -> list[dict[str, object]]:
        return [m["payload"] for m in self.live.gateway.to(connection) if m["type"] == "next"]


@pytest.fixture
def office() -> Office:
    filed = Filed()
    world = filed.world
    return Office(filed, LiveWorld(world), world.alerts, world.escalations)


def test_an_sla_breach_reaches_every_monitor_with_exactly_the_fields_selected(office: Office) -> None:
    for connection in ("mon-a", "mon-b"):
        office.live.connected(connection, MONITOR)
        office.live.subscribe(connection, "alerts", ALERTS)
    office.live.connected("mon-c", Principal("mon-2", Role.MONITOR))
    office.live.subscribe("mon-c", "few", "subscription { monitoringAlerts { kind occurrences } }")
    breach = office.breach()
    office.deliver_published()
    [escalation] = office.filed.world.escalation_store.items.values()
    expected = {
        "id": f"{escalation.escalation_id}:1",
        "escalationId": escalation.escalation_id,
        "kind": "SLA_BREACH",
        "centreId": "MED-C01",
        "requestId": breach.request_id,
        "trackingNumber": escalation.tracking_number,
        "serviceCode": "SHOP-LICENCE",
        "stage": 1,
        "agencyCode": breach.agency_code,
        "phase": "RECEIPT",
        "inspectionId": None,
        "followUpDue": None,
        "occurrences": 1,
        "raisedAt": escalation.last_raised_at.isoformat(),
    }
    assert office.received("mon-a") == office.received("mon-b") == [{"data": {"monitoringAlerts": expected}}]
    assert office.received("mon-c") == [{"data": {"monitoringAlerts": {"kind": "SLA_BREACH", "occurrences": 1}}}]


def test_an_alert_never_reaches_an_officer_a_centre_or_a_citizen(office: Office) -> None:
    """Not even those who follow the very request, agency or centre the alert names."""
    filed = office.filed
    agency = filed.world.requests.get_file(filed.requests[0]).handoffs[0].agency_code  # type: ignore[union-attr]
    followers = {
        "officer": (officer(agency), HANDOFFS, {}),
        "operator": (OPERATOR.principal, UPDATES, {"id": filed.requests[0]}),
        "citizen": (Principal(filed.citizens[0], Role.CITIZEN), UPDATES, {"id": filed.requests[0]}),
        "monitor-updates": (MONITOR, UPDATES, {"id": filed.requests[0]}),
    }
    for connection, (principal, query, variables) in followers.items():
        office.live.connected(connection, principal)
        office.live.subscribe(connection, "own", query, variables)
        office.live.subscribe(connection, "alerts", ALERTS)
    refusals = {
        connection: [
            m["payload"][0]["extensions"]["code"] for m in office.live.gateway.to(connection) if m["type"] == "error"
        ]
        for connection in followers
    }
    assert refusals == {
        "officer": ["FORBIDDEN"],
        "operator": ["FORBIDDEN"],
        "citizen": ["FORBIDDEN"],
        "monitor-updates": [],
    }
    assert [s.connection_id for s in office.live.store.subscriptions_for(MONITORING_TOPIC)] == ["monitor-updates"]
    office.breach()
    office.deliver_published()
    assert office.alerts.published
    for connection in ("officer", "operator", "citizen"):
        assert office.received(connection) == []
    assert [list(p["data"]) for p in office.received("monitor-updates")] == [["monitoringAlerts"]]  # type: ignore[call-overload]


def test_an_anonymous_subscriber_is_refused_unauthenticated_and_the_refusal_audited(office: Office) -> None:
    log = office.filed.world.log
    before = len(log.records)
    office.live.connected("anon", None)
    office.live.subscribe("anon", "alerts", ALERTS)
    [refusal] = office.live.gateway.to("anon")[1:]
    assert refusal["payload"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert office.live.store.subscriptions == {}
    assert len(log.records) == before + 1


def test_a_breach_raised_again_is_a_new_alert_and_a_redelivered_one_is_not(office: Office) -> None:
    office.live.connected("mon", MONITOR)
    office.live.subscribe("mon", "alerts", "subscription { monitoringAlerts { id occurrences } }")
    office.breach(delivery_id="sqs-1")
    office.breach(delivery_id="sqs-1")  # the queue delivered the same message twice: counted once
    office.breach(delivery_id="sqs-2")  # the same wait lapsed again
    office.deliver_published()
    received = [p["data"]["monitoringAlerts"] for p in office.received("mon")]  # type: ignore[index]
    assert [a["occurrences"] for a in received] == [1, 2]
    assert len({a["id"] for a in received}) == 2


def test_an_overdue_follow_up_reaches_the_monitor(office: Office) -> None:
    world = office.filed.world
    today = world.clock.now().date()
    report = InspectionReport(
        centre_id="MED-C01",
        visited_on=today - timedelta(days=10),
        results=tuple(CheckResult(item, item is not ChecklistItem.RECEIPTS) for item in ChecklistItem),
        findings=(Finding(FindingSeverity.MAJOR, "no receipts"),),
        photos=(),
        follow_up_due=today - timedelta(days=1),
    )
    inspection = world.inspections.record_inspection(Caller(MONITOR, "corr"), report)
    office.live.connected("mon", MONITOR)
    office.live.subscribe("mon", "alerts", ALERTS)
    assert office.escalations.raise_follow_up_overdue(inspection)
    assert not office.escalations.raise_follow_up_overdue(inspection)  # raised once
    office.deliver_published()
    [payload] = office.received("mon")
    alert = payload["data"]["monitoringAlerts"]  # type: ignore[index]
    assert (alert["kind"], alert["centreId"], alert["inspectionId"], alert["followUpDue"]) == (
        "FOLLOW_UP_OVERDUE",
        "MED-C01",
        inspection.inspection_id,
        (today - timedelta(days=1)).isoformat(),
    )
    assert (alert["requestId"], alert["agencyCode"], alert["phase"]) == (None, None, None)


def test_an_alert_that_cannot_be_published_loses_nothing_but_the_alert(office: Office) -> None:
    """Best effort after commit: the escalation is saved and counted; the office still lists it."""
    office.alerts.failing = True
    office.breach()
    [escalation] = office.filed.world.escalation_store.items.values()
    assert (escalation.kind, escalation.status) == (EscalationKind.SLA_BREACH, EscalationStatus.OPEN)
    assert office.alerts.published == []
