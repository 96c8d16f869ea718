"""``monitoringAlerts`` on moto's server with the real hand-off state machine, queues and handlers, and
the emulated WebSocket API: an SLA breach (service levels shrunk to seconds, ``SLA_SECONDS_PER_HOUR=1``)
becomes an escalation whose alert reaches a monitor's graphql-transport-ws subscription as a ``next``
message. On the events topic, alerts reach the live events queue and never the figures queue."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from functions import bootstrap
from functions.adapters.topics.events import (
    SnsMonitoringAlerts,
    SnsRequestEvents,
    parse_live_event,
    parse_request_event,
)
from functions.bootstrap import Container
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.escalation import EscalationKind, EscalationStatus, SlaPhase
from functions.domain.madinah_time import today_in_madinah
from functions.domain.monitoring_alert import MonitoringAlert
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.domain.request_event import RequestEvent
from functions.local.live_client import LiveClient
from functions.local.moto_server import MotoServer
from functions.local.pos_terminal import slip_for
from functions.local.provision import ProvisionedStack, provision
from functions.local.queue_pump import QueuePump
from functions.local.seeding import seed_calendar, seed_catalogue, seed_people
from functions.local.stack import queue_routes
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.support.aws import aws_client
from tests.support.calendars import ROUND_THE_CLOCK
from tests.support.documents import attach_via
from tests.support.live import serve_socket_api
from tests.support.people import sign_in
from tests.support.ports import free_port
from tests.support.transports import AsgiClient

MONITOR = Caller(Principal("mon", Role.MONITOR), "it")
OPERATOR = Caller(Principal("op-c02", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "it")
CIVIL_AFFAIRS = Caller(Principal("officer", Role.AGENCY_OFFICER, agency_code="CIVIL-AFFAIRS"), "it")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(today_in_madinah() + timedelta(days=400))
)
MONITOR_NATIONAL_ID = "1000001055"  # the seeded monitor
ALERTS = (
    "subscription { monitoringAlerts { id escalationId kind centreId requestId trackingNumber serviceCode"
    " stage agencyCode phase occurrences raisedAt } }"
)


@dataclass
class Office:
    stack: ProvisionedStack
    container: Container
    pump: QueuePump
    citizen_id: str
    socket_url: str
    monitor_token: str

    def submit(self, key: str) -> str:
        form = SubmissionForm(
            self.citizen_id,
            "NID-RENEW",
            {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
            attach_via(self.container, OPERATOR, "NID-RENEW", key=key),
            Decimal("120.00"),
            PaymentMethod.MADA,
            EVIDENCE,
            key,
            slip_for(key),
        )
        return self.container.use_cases.request_submission.submit_service_request(
            OPERATOR, form
        ).file.request.request_id

    def next_pumped(self, live: LiveClient, seconds: float = 60) -> dict[str, Any] | None:
        """The next message on the socket, pumping the queues (state machine -> monitoring queue ->
        escalations -> events topic -> live events queue -> fan-out) while waiting for it."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.pump.drain()
            message = live.next_message(timeout=0.5)
            if message is not None:
                return message
        return None


@pytest.fixture(scope="module")
def office(moto_server: MotoServer) -> Iterator[Office]:
    moto_server.reset()
    port = free_port()
    stack = provision(endpoint_url=moto_server.endpoint_url, websocket_url=f"http://127.0.0.1:{port}")
    with pytest.MonkeyPatch.context() as patch:
        for key, value in {**stack.environment, "SLA_SECONDS_PER_HOUR": "1"}.items():
            patch.setitem(os.environ, key, value)
        bootstrap.container.cache_clear()
        container = bootstrap.container()
        seed_catalogue(container.use_cases.catalogue)
        seed_calendar(container.use_cases.business_calendars, ROUND_THE_CLOCK)  # SLAs of seconds at any hour
        seed_people(container)
        record = OpenRecordForm(
            "1000000008", "محمد", None, DateEntry.gregorian(date(1990, 1, 1)), "0512345678", Language.AR, EVIDENCE
        )
        citizen = container.use_cases.citizen_records.open_citizen_record(OPERATOR, record).citizen
        pump = QueuePump(
            container.adapters.client("sqs"), queue_routes(container, stack, None), stack.region, retry_delay_seconds=0
        )
        token = sign_in(AsgiClient(container), MONITOR_NATIONAL_ID)
        with serve_socket_api(port):
            yield Office(stack, container, pump, citizen.citizen_id, f"ws://127.0.0.1:{port}/graphql", token)
    bootstrap.container.cache_clear()


def test_an_sla_breach_reaches_a_monitors_subscription_as_a_next_message(office: Office) -> None:
    with LiveClient.connect(office.socket_url) as live:
        assert live.init(office.monitor_token) == {"type": "connection_ack"}
        live.subscribe("alerts", ALERTS)
        assert live.settle() == []
        request_id = office.submit("it-alert-000001")  # receipt SLA 4 "hours": 4 s
        message = office.next_pumped(live)
    office.container.use_cases.agency_window.acknowledge_receipt(
        CIVIL_AFFAIRS, request_id
    )  # let the route finish quietly
    assert message is not None, "no alert reached the monitor"
    assert (message["id"], message["type"]) == ("alerts", "next")
    alert = message["payload"]["data"]["monitoringAlerts"]
    file = office.container.adapters.requests.get_file(request_id)
    assert file is not None
    assert {k: alert[k] for k in ("kind", "centreId", "requestId", "trackingNumber", "serviceCode")} == {
        "kind": "SLA_BREACH",
        "centreId": "MED-C02",
        "requestId": request_id,
        "trackingNumber": file.request.tracking_number,
        "serviceCode": "NID-RENEW",
    }
    assert (alert["stage"], alert["agencyCode"], alert["phase"], alert["occurrences"]) == (
        1,
        "CIVIL-AFFAIRS",
        "RECEIPT",
        1,
    )
    assert alert["id"] == f"{alert['escalationId']}:1"
    listed = office.container.use_cases.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
    assert alert["escalationId"] in {e.escalation_id for e in listed}


def drained(stack: ProvisionedStack, queue: str) -> list[str]:
    sqs = aws_client(stack, "sqs")
    bodies: list[str] = []
    while messages := sqs.receive_message(QueueUrl=stack.resources[queue].ref, MaxNumberOfMessages=10).get(
        "Messages", []
    ):
        bodies += [m["Body"] for m in messages]
        for m in messages:
            sqs.delete_message(QueueUrl=stack.resources[queue].ref, ReceiptHandle=m["ReceiptHandle"])
    return bodies


def test_alerts_reach_the_live_events_queue_and_never_the_figures_queue(office: Office) -> None:
    for queue in ("LiveEventsQueue", "FiguresQueue"):
        drained(office.stack, queue)
    sns, topic = aws_client(office.stack, "sns"), office.stack.resources["EventsTopic"].ref
    now = datetime.now(UTC).replace(microsecond=0)
    alert = MonitoringAlert(
        event_id=f"{uuid.uuid4()}:2",
        escalation_id=str(uuid.uuid4()),
        kind=EscalationKind.SLA_BREACH,
        centre_id="MED-C01",
        opened_at=now - timedelta(minutes=5),
        raised_at=now,
        occurrences=2,
        request_id="r-alert",
        tracking_number="MED-2611-000001",
        service_code="BUILDING-PERMIT",
        stage=1,
        agency_code="MUNICIPALITY",
        phase=SlaPhase.PROCESSING,
    )
    event = RequestEvent(
        event_id=uuid.uuid4().hex,
        kind="FORWARDED",
        at=now,
        request_id="r-alert",
        tracking_number="MED-2611-000001",
        service_code="BUILDING-PERMIT",
        centre_id="MED-C01",
        status="AT_AGENCIES",
        actor_role="system",
        stage=1,
        agency_code="MUNICIPALITY",
    )
    SnsMonitoringAlerts(sns, topic).publish(alert)
    SnsRequestEvents(sns, topic).publish(event)
    assert sorted(map(repr, map(parse_live_event, drained(office.stack, "LiveEventsQueue")))) == sorted(
        [repr(alert), repr(event)]
    )
    assert [parse_request_event(body) for body in drained(office.stack, "FiguresQueue")] == [event]
