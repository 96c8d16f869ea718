"""Requests on moto's server with the real hand-off state machine executing (Step Functions, SNS, SQS,
DynamoDB), the queue consumers run by the local pump exactly as Lambda's SQS triggers would.

Service levels are shrunk to seconds (``SLA_SECONDS_PER_HOUR=1``): a step with a 4-hour receipt SLA
times out after 4 s, which is how the escalation tests watch a real ``States.Timeout`` happen.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import Conflict, DomainError, ErrorCode
from functions.domain.escalation import EscalationStatus, SlaPhase
from functions.domain.madinah_time import MADINAH, business_day, today_in_madinah
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestFile, RequestStatus
from functions.domain.sadad import BillStatus
from functions.domain.settlement import DiscrepancyKind
from functions.local.acquirer_simulator import Faults
from functions.local.http_api_event import http_api_event
from functions.local.lambda_context import FakeLambdaContext
from functions.local.moto_server import MotoServer
from functions.local.pos_terminal import slip_for
from functions.local.provision import ProvisionedStack, provision
from functions.local.queue_pump import QueuePump
from functions.local.sadad_simulator import PaidBill, end_of_day_report, notification, signed_headers
from functions.local.seeding import seed_calendar, seed_catalogue, seed_people
from functions.local.stack import queue_routes
from functions.services.caller import SYSTEM, Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from functions.services.sadad_payments import SadadPayments
from functions.services.sms_ports import SmsProviderError
from tests.fakes.identity import FixedClock
from tests.support.aws import aws_client, item_count
from tests.support.calendars import ROUND_THE_CLOCK, closed_for
from tests.support.documents import attach_via

OPERATOR = Caller(Principal("op-c01", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "it")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(today_in_madinah() + timedelta(days=400))
)


SADAD_SECRET = "it-sadad-secret"


def officer(agency: str) -> Caller:
    return Caller(Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "it")


@dataclass
class Route:
    stack: ProvisionedStack
    container: Container
    pump: QueuePump
    citizen_id: str
    drafts: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def documents_for(self, key: str, service: str = "BUILDING-PERMIT") -> list[str]:
        """The documents of the draft under ``key``, uploaded (real files, to moto's S3) the first time."""
        with self.lock:
            if key not in self.drafts:
                self.drafts[key] = attach_via(self.container, OPERATOR, service, key=key)
            return self.drafts[key]

    def until(self, condition: Callable[[], bool], seconds: float = 40) -> None:
        """Pump the queues (as Lambda's triggers would) until ``condition`` holds."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.pump.drain()
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError("the route did not get there in time")

    def file(self, request_id: str) -> RequestFile:
        file = self.container.adapters.requests.get_file(request_id)
        assert file is not None
        return file

    def status_of(self, request_id: str, agency: str) -> HandoffStatus | None:
        handoff = next((h for h in self.file(request_id).handoffs if h.agency_code == agency), None)
        return handoff.status if handoff else None

    def submit(
        self, key: str, service: str = "BUILDING-PERMIT", method: PaymentMethod = PaymentMethod.CARD
    ) -> RequestFile:
        answers = {"deedNumber": "D-77", "floors": "2", "district": "QUBA"}
        form = SubmissionForm(
            self.citizen_id,
            service,
            answers,
            self.documents_for(key, service),
            Decimal("1025.00"),
            method,
            EVIDENCE,
            key,
            slip_for(key) if method is PaymentMethod.CARD else None,
        )
        return self.container.use_cases.request_submission.submit_service_request(OPERATOR, form).file

    def execution(self, request_id: str, stage: int = 1) -> dict[str, Any]:
        """The execution of one stage of the request's route (``<request id>-<stage>``)."""
        machine = self.stack.resources["HandoffStateMachine"].ref
        arn = machine.replace(":stateMachine:", ":execution:") + f":{request_id}-{stage}"
        return dict(aws_client(self.stack, "stepfunctions").describe_execution(executionArn=arn))


@pytest.fixture(scope="module")
def route(moto_server: MotoServer) -> Iterator[Route]:
    moto_server.reset()
    stack = provision(endpoint_url=moto_server.endpoint_url)
    with pytest.MonkeyPatch.context() as patch:
        environment = {**stack.environment, "SLA_SECONDS_PER_HOUR": "1", "SADAD_NOTIFICATION_SECRET": SADAD_SECRET}
        for key, value in environment.items():
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
        yield Route(stack, container, pump, citizen.citizen_id)
    bootstrap.container.cache_clear()


def test_a_two_agency_route_runs_on_the_real_state_machine(route: Route) -> None:
    request_id = route.submit("it-route-0001").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    route.container.use_cases.agency_window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    route.until(lambda: any(h.completion_token for h in route.file(request_id).handoffs))
    route.container.use_cases.agency_window.complete_step(officer("MUNICIPALITY"), request_id, "plans approved")
    route.until(lambda: route.status_of(request_id, "CIVIL-DEFENCE") is HandoffStatus.FORWARDED)
    route.container.use_cases.agency_window.acknowledge_receipt(officer("CIVIL-DEFENCE"), request_id)
    route.container.use_cases.agency_window.complete_step(officer("CIVIL-DEFENCE"), request_id, "fire safety approved")
    route.until(lambda: route.file(request_id).request.status is RequestStatus.COMPLETED_AT_CENTRE)
    route.container.use_cases.centre_desk.confirm_delivery(OPERATOR, request_id)
    assert route.file(request_id).request.status is RequestStatus.DELIVERED
    route.until(lambda: route.execution(request_id, 2)["status"] != "RUNNING")
    assert [route.execution(request_id, stage)["status"] for stage in (1, 2)] == ["SUCCEEDED", "SUCCEEDED"]
    sent = route.container.adapters.notification_repository.list_for_citizen(route.citizen_id, PageRequest(first=100))
    events = {n.event_key.split("#", 2)[-1] for n in sent.items if n.event_key.startswith(f"REQ#{request_id}")}
    assert {"SUBMITTED", "RECEIVED#1#MUNICIPALITY#1", "RECEIVED#2#CIVIL-DEFENCE#1", "COMPLETED"} <= events
    assert all(n.status.value == "SENDING" for n in sent.items if n.event_key.startswith(f"REQ#{request_id}"))


def routing_markers(route: Route) -> set[str]:
    """The requests on the sweeper's list of files no agency has yet, read raw from the table."""
    items = aws_client(route.stack, "dynamodb").query(
        TableName=route.stack.resources["MainTable"].ref,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": "ROUTING#PENDING"}},
        ConsistentRead=True,
    )["Items"]
    return {item["request_id"]["S"] for item in items}


def test_a_file_is_on_the_routing_list_only_while_a_stage_waits_to_start(route: Route) -> None:
    request_id = route.submit("it-route-marker").request.request_id
    assert request_id in routing_markers(route)
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    assert route.file(request_id).request.status is RequestStatus.AT_AGENCIES
    assert request_id not in routing_markers(route)
    window = route.container.use_cases.agency_window
    window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    assert request_id not in routing_markers(route)
    window.complete_step(officer("MUNICIPALITY"), request_id, "plans approved")
    assert request_id in routing_markers(route)  # the first stage is done: the second waits to start
    assert route.execution(request_id, 2)["status"] == "RUNNING"  # started by the completion itself
    route.until(lambda: route.status_of(request_id, "CIVIL-DEFENCE") is HandoffStatus.FORWARDED)
    assert request_id not in routing_markers(route)


def test_a_return_waits_for_the_resubmission_and_goes_back_to_the_same_agency(route: Route) -> None:
    """The return fails the completion wait with RequestReturned: the state machine plans the centre's
    window, waits for the resubmission, then plans and forwards round 2."""
    request_id = route.submit("it-route-return").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    window = route.container.use_cases.agency_window
    window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    route.until(lambda: any(h.completion_token for h in route.file(request_id).handoffs))
    window.return_to_centre(officer("MUNICIPALITY"), request_id, ["the survey's stamp"])
    route.until(lambda: any(h.resubmission_token for h in route.file(request_id).handoffs))
    assert route.file(request_id).request.status is RequestStatus.RETURNED_TO_CENTRE
    assert route.execution(request_id)["status"] == "RUNNING"
    route.container.use_cases.centre_desk.resubmit_request(OPERATOR, request_id, None, None)
    route.until(
        lambda: (
            [(h.agency_code, h.round, h.status) for h in route.file(request_id).handoffs if h.round == 2]
            == [("MUNICIPALITY", 2, HandoffStatus.FORWARDED)]
        )
    )
    window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    route.until(lambda: any(h.completion_token and h.round == 2 for h in route.file(request_id).handoffs))
    window.complete_step(officer("MUNICIPALITY"), request_id, "plans approved")
    route.until(lambda: route.status_of(request_id, "CIVIL-DEFENCE") is HandoffStatus.FORWARDED)
    first, second = (entered_states(route, request_id, stage) for stage in (1, 2))
    assert first.count("PlanResubmission") == 1
    assert first.count("PlanReceipt") == 1  # round 2 only: round 1's receipt wait came planned in the input
    assert second.count("PlanReceipt") == 0
    assert second[:2] == ["Stage", "AwaitReceipt"]


def entered_states(route: Route, request_id: str, stage: int) -> list[str]:
    history = aws_client(route.stack, "stepfunctions").get_execution_history(
        executionArn=route.execution(request_id, stage)["executionArn"], maxResults=1000
    )["events"]
    return [e["stateEnteredEventDetails"]["name"] for e in history if e["type"].endswith("StateEntered")]


def test_the_execution_input_and_history_carry_no_personal_data(route: Route) -> None:
    request_id = route.submit("it-route-0002").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    execution = route.execution(request_id)
    body = execution["input"]
    assert "1000000008" not in body
    assert "512345678" not in body
    assert set(json.loads(body)) == {"requestId", "stage", "steps"}
    assert [step["agency"] for step in json.loads(body)["steps"]] == ["MUNICIPALITY"]


def test_a_wait_past_its_sla_is_escalated_to_the_monitoring_topic_and_the_wait_resumes(route: Route) -> None:
    request_id = route.submit("it-route-0003").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    route.until(lambda: route.file(request_id).handoffs[0].escalations >= 1, seconds=30)  # receipt SLA: 8 "hours" = 8 s
    # the monitoring topic's SLA_BREACHED reaches the monitoring office as an escalation (its consumer
    # takes the message off the monitoring queue)
    monitor = Caller(Principal("monitor", Role.MONITOR), "it")

    def escalated() -> bool:
        open_ones = route.container.use_cases.escalations.escalations(
            monitor, EscalationStatus.OPEN, PageRequest()
        ).items
        return any(e.request_id == request_id and e.phase is SlaPhase.RECEIPT for e in open_ones)

    route.until(escalated)
    # the late acknowledgement lands, with the fresh token, and the route carries on
    route.container.use_cases.agency_window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    route.until(lambda: any(h.completion_token for h in route.file(request_id).handoffs))
    assert route.execution(request_id)["status"] == "RUNNING"
    assert "OVERDUE" in [e.event for e in route.file(request_id).history]


def planned_waits(route: Route, request_id: str) -> list[dict[str, Any]]:
    """What the first stage's execution was told of each wait: the receipt waits in its input (planned by
    the filing), then the outputs its later waits were bounded by."""
    execution = route.execution(request_id)
    history = aws_client(route.stack, "stepfunctions").get_execution_history(
        executionArn=execution["executionArn"], maxResults=1000
    )
    started = [step["wait"] for step in json.loads(execution["input"])["steps"]]
    return started + [
        json.loads(e["taskSucceededEventDetails"]["output"])
        for e in history["events"]
        if e["type"] == "TaskSucceeded" and "waitSeconds" in e["taskSucceededEventDetails"].get("output", "")
    ]


def test_on_closed_days_nothing_lapses_the_wait_runs_to_the_planned_due_time(route: Route) -> None:
    """TIME-02 on the real state machine: with the agencies closed today and for the next two days, the
    receipt wait planned for the first file is due after the closure, and no escalation comes meanwhile
    (the same SLA lapses within seconds on an open day: the test above)."""
    today = business_day(route.container.adapters.clock.now())
    route.container.use_cases.business_calendars.define_business_calendar(SYSTEM, closed_for(today, 3))
    try:
        request_id = route.submit("it-closed-0001").request.request_id
        route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    finally:
        route.container.use_cases.business_calendars.define_business_calendar(SYSTEM, ROUND_THE_CLOCK)
    due = route.file(request_id).handoffs[0].due_at
    reopening = datetime.combine(today + timedelta(days=3), datetime.min.time(), MADINAH)
    assert due == reopening + timedelta(seconds=8)  # the receipt SLA: 8 "hours" of 1 s, from the reopening
    [plan] = planned_waits(route, request_id)
    assert plan["dueAt"] == due.isoformat()
    assert plan["waitSeconds"] > 2 * 24 * 3600 - 60  # not the 8 seconds an open day would give
    deadline = time.monotonic() + 15  # well past the 8 s after which an open day escalates
    while time.monotonic() < deadline:
        route.pump.drain()
        time.sleep(0.5)
    assert route.file(request_id).handoffs[0].escalations == 0
    assert route.execution(request_id)["status"] == "RUNNING"
    route.container.use_cases.agency_window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    route.until(lambda: any(h.completion_token for h in route.file(request_id).handoffs))
    processing = planned_waits(route, request_id)[-1]  # the acknowledgement's release: the processing wait
    assert processing["dueAt"] == route.file(request_id).handoffs[0].due_at.isoformat()


def test_a_rejection_ends_the_execution(route: Route) -> None:
    request_id = route.submit("it-route-0004").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    route.container.use_cases.agency_window.reject_request(
        officer("MUNICIPALITY"), request_id, "no building allowed on this plot"
    )
    route.until(lambda: route.execution(request_id)["status"] != "RUNNING")
    assert route.execution(request_id)["status"] == "SUCCEEDED"  # RouteEnded: a business outcome, not a failure
    assert route.file(request_id).request.status is RequestStatus.REJECTED


def test_fifty_concurrent_duplicate_submissions_make_one_request(route: Route) -> None:
    route.documents_for("it-duplicate-01")
    before = item_count(route.stack)
    ledger = route.container.adapters.ledger
    clearing_before = {b.account.key: b.halalas for b in ledger.balances("MED-C01")}.get("MADA_CLEARING", 0)
    refusals: list[ErrorCode] = []

    def submit(_: int) -> str:
        for _attempt in range(40):
            try:
                return route.submit("it-duplicate-01").request.request_id
            except Conflict as error:
                refusals.append(error.code)
                time.sleep(0.05)
        raise AssertionError("never answered")

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(submit, range(50)))
    assert len(set(answers)) == 1
    assert set(refusals) <= {ErrorCode.IDEMPOTENCY_IN_PROGRESS}  # the only refusal allowed, and it is retried
    request_id = answers[0]
    file = route.file(request_id)
    assert file.payment is not None
    history_submitted = [e for e in file.history if e.event == "SUBMITTED"]
    assert len(history_submitted) == 1
    executions = aws_client(route.stack, "stepfunctions").list_executions(
        stateMachineArn=route.stack.resources["HandoffStateMachine"].ref
    )
    assert sum(1 for e in executions["executions"] if e["name"].startswith(request_id)) == 1
    assert route.execution(request_id)["name"] == f"{request_id}-1"
    assert (
        route.container.adapters.notification_repository.get_notification(
            route.citizen_id, f"REQ#{request_id}#SUBMITTED"
        )
        is not None
    )
    # request + payment + tracking claim + routing marker + first history + SMS row + ledger entry + slip claim,
    # + the tracking counter, the centre's 3 accounts and its day statement when they are the first of their kind
    assert item_count(route.stack) - before <= 8 + 1 + 4
    clearing = {b.account.key: b.halalas for b in ledger.balances("MED-C01")}["MADA_CLEARING"]
    assert clearing - clearing_before == file.payment.amount.halalas  # posted once, not fifty times


def race(calls: list[Callable[[], object]]) -> list[str]:
    def run(call: Callable[[], object]) -> str:
        try:
            call()
        except DomainError as error:
            return error.code.value
        return "WON"

    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(run, calls))


def test_concurrent_acknowledgements_and_rejections_each_land_once(route: Route) -> None:
    request_id = route.submit("it-race-0001").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    window, agency = route.container.use_cases.agency_window, officer("MUNICIPALITY")
    calls: list[Callable[[], object]] = []
    for _ in range(25):
        calls.append(lambda: window.acknowledge_receipt(agency, request_id))
        calls.append(lambda: window.reject_request(agency, request_id, "race"))
    outcomes = race(calls)
    assert set(outcomes) <= {"WON", "CONFLICT", "REQUEST_STATE"}  # typed losers: the state moved on
    events = [e.event for e in route.file(request_id).history]
    assert events.count("REJECTED") == 1  # a reject wins, either before or after the receipt
    assert events.count("RECEIVED") <= 1
    assert outcomes.count("WON") == events.count("REJECTED") + events.count("RECEIVED")
    assert route.file(request_id).request.status is RequestStatus.REJECTED


def test_concurrent_completions_have_exactly_one_winner(route: Route) -> None:
    request_id = route.submit("it-race-0002").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    window, agency = route.container.use_cases.agency_window, officer("MUNICIPALITY")
    window.acknowledge_receipt(agency, request_id)
    outcomes = race([lambda: window.complete_step(agency, request_id, "done")] * 50)
    assert outcomes.count("WON") == 1
    assert set(outcomes) - {"WON"} <= {"CONFLICT", "REQUEST_STATE"}
    assert [e.event for e in route.file(request_id).history].count("COMPLETED") == 1


def test_a_failing_sms_is_retried_and_dead_lettered_without_touching_the_request(route: Route) -> None:
    gateway = route.container.use_cases.notifications._gateway  # the composition root's SNS gateway
    original = gateway.send_sms
    gateway.send_sms = lambda mobile, text: (_ for _ in ()).throw(SmsProviderError("SMS provider down"))  # type: ignore[method-assign]
    try:
        request_id = route.submit("it-sms-dlq-01").request.request_id
        dead_letters = route.stack.resources["NotificationsDeadLetterQueue"].ref
        sqs = aws_client(route.stack, "sqs")

        def dead_lettered() -> bool:
            attributes = sqs.get_queue_attributes(QueueUrl=dead_letters, AttributeNames=["ApproximateNumberOfMessages"])
            return int(attributes["Attributes"]["ApproximateNumberOfMessages"]) >= 1

        route.until(dead_lettered, seconds=60)
    finally:
        gateway.send_sms = original  # type: ignore[method-assign]
    notification = route.container.adapters.notification_repository.get_notification(
        route.citizen_id, f"REQ#{request_id}#SUBMITTED"
    )
    assert notification is not None
    assert notification.status.value == "PENDING"  # nothing lost: the outbox still has it
    assert route.file(request_id).request.status in {RequestStatus.SUBMITTED, RequestStatus.AT_AGENCIES}


def test_a_transaction_retried_after_it_committed_is_not_a_conflict(route: Route) -> None:
    """botocore resends a transaction whose answer was lost; the resend fails its conditions, yet it landed."""
    request_id = route.submit("it-resend-01").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    connection = route.container.adapters.main_table.connection()
    send = connection.transact_write_items

    def sent_twice(*args: Any, **kwargs: Any) -> Any:
        send(*args, **kwargs)  # committed, but the answer is lost in transit
        return send(*args, **kwargs)  # the retry of the very same request

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connection, "transact_write_items", sent_twice)
        route.container.use_cases.agency_window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    assert route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.RECEIVED
    assert [e.event for e in route.file(request_id).history].count("RECEIVED") == 1
    with pytest.raises(Conflict):  # acknowledging again is still refused
        route.container.use_cases.agency_window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)


def test_the_sweeper_hands_a_closed_requests_documents_to_the_retention_rule(route: Route) -> None:
    from functions.handlers import sweeper
    from functions.local.lambda_context import FakeLambdaContext

    request_id = route.submit("it-retention-01").request.request_id
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    route.container.use_cases.centre_desk.cancel_request(OPERATOR, request_id, "the citizen changed their mind")
    assert sweeper.handler({}, FakeLambdaContext())["retained"] >= 1  # this request, and any closed before
    s3, bucket = aws_client(route.stack, "s3"), route.stack.environment["DOCUMENTS_BUCKET"]
    for document_id in route.file(request_id).request.documents:
        tags = s3.get_object_tagging(Bucket=bucket, Key=f"documents/{document_id}")["TagSet"]
        assert tags == [{"Key": "retention", "Value": "closed"}]
    assert sweeper.handler({}, FakeLambdaContext())["retained"] == 0


def sadad_pays(bill_number: str, amount: str, notification_id: str = "") -> dict[str, Any]:
    """SADAD's notification through the webhook's own handler, as API Gateway hands it over."""
    from functions.handlers import sadad_payments

    body = notification(bill_number, amount, notification_id=notification_id or None)
    event = http_api_event(body.decode(), path="/sadad/payments", headers=signed_headers(SADAD_SECRET, body))
    reply = sadad_payments.handler(event, FakeLambdaContext())
    return {"status": reply["statusCode"], **json.loads(reply["body"])}


def test_a_sadad_filing_starts_its_route_only_once_its_bill_is_paid(route: Route) -> None:
    filed = route.submit("it-sadad-01", method=PaymentMethod.SADAD)
    request_id = filed.request.request_id
    assert filed.request.status is RequestStatus.AWAITING_PAYMENT
    assert filed.bill is not None
    assert filed.payment is None
    machine = route.stack.resources["HandoffStateMachine"].ref
    executions = aws_client(route.stack, "stepfunctions").list_executions(stateMachineArn=machine)["executions"]
    assert not [e for e in executions if e["name"].startswith(request_id)]
    unrouted = route.container.adapters.requests.list_unrouted(datetime.now(UTC))
    assert request_id not in {f.request.request_id for f in unrouted}

    wrong = sadad_pays(filed.bill.bill_number, "1000.00")
    assert (wrong["status"], wrong["code"]) == (409, "SADAD_AMOUNT_MISMATCH")
    assert route.file(request_id).request.status is RequestStatus.AWAITING_PAYMENT
    paid = sadad_pays(filed.bill.bill_number, "1025.00", notification_id="SN-it-sadad-01")
    assert paid == {"status": 200, "outcome": "PAID"}
    assert sadad_pays(filed.bill.bill_number, "1025.00", notification_id="SN-it-sadad-01") == {
        "status": 200,
        "outcome": "DUPLICATE",
    }
    route.until(lambda: route.status_of(request_id, "MUNICIPALITY") is HandoffStatus.FORWARDED)
    settled = route.file(request_id)
    assert settled.payment is not None
    assert (settled.payment.method, settled.payment.bill_number) == (PaymentMethod.SADAD, filed.bill.bill_number)
    assert route.container.adapters.ledger.entry("MED-C01", f"{request_id}#FILING") is not None
    assert sadad_pays(filed.bill.bill_number, "1025.00")["code"] == "SADAD_BILL_PAID"
    assert sadad_pays("000000000000", "1.00")["status"] == 404


def test_an_unpaid_sadad_bill_expires_its_filing(route: Route) -> None:
    filed = route.submit("it-sadad-02", method=PaymentMethod.SADAD)
    assert filed.bill is not None
    later = FixedClock(filed.bill.expires_at + timedelta(minutes=1))
    requests = route.container.adapters.requests
    assert filed.bill.bill_number in {b.bill_number for b in requests.bills_due(later.now(), 100)}
    use_cases = route.container.use_cases
    expiry = SadadPayments(
        secret=SADAD_SECRET.encode(),
        window=timedelta(minutes=5),
        requests=requests,
        updates=use_cases.request_updates,
        sms=use_cases.request_sms,
        stages=use_cases.route_stages,
        seen=route.container.adapters.report_ledger,
        clock=later,
    )
    assert expiry.expire_due() >= 1
    expired = route.file(filed.request.request_id)
    assert expired.request.status is RequestStatus.CANCELLED
    assert expired.bill is not None
    assert expired.bill.status is BillStatus.EXPIRED
    assert filed.bill.bill_number not in {b.bill_number for b in requests.bills_due(later.now(), 100)}
    assert sadad_pays(filed.bill.bill_number, "1025.00")["code"] == "SADAD_BILL_EXPIRED"


def test_sadads_end_of_day_report_settles_the_days_paid_bills(route: Route) -> None:
    paid = []
    for n in range(2):
        filed = route.submit(f"it-sadad-eod-{n}", method=PaymentMethod.SADAD)
        assert filed.bill is not None
        assert sadad_pays(filed.bill.bill_number, "1025.00")["outcome"] == "PAID"
        paid.append(PaidBill(filed.bill.bill_number, filed.bill.amount, datetime.now(UTC)))
    day = today_in_madinah()
    settlements = route.container.adapters.settlements
    waiting = {claim.bill_number for claim in settlements.unsettled_bills(day)}
    assert {bill.bill_number for bill in paid} <= waiting
    report = end_of_day_report(day, paid, Faults(short=1))
    read = route.container.use_cases.settlement_ingestion.ingest(f"sadad/{uuid.uuid4().hex}.csv", report.encode())
    assert read.settled == 2
    assert read.discrepancies[DiscrepancyKind.AMOUNT_MISMATCH] == 1
    left = {claim.bill_number for claim in settlements.unsettled_bills(day)}
    assert not {bill.bill_number for bill in paid} & left
    again = route.container.use_cases.settlement_ingestion.ingest("sadad/same-bytes.csv", report.encode())
    assert again.already_done
