"""The monitoring office on moto's server with the real hand-off state machine and queues: the figures
follow a request as it moves, SLA breaches become escalations, a suspended centre is refused, the
sweeper raises overdue follow-ups. Service levels are shrunk to seconds (``SLA_SECONDS_PER_HOUR=1``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.calendar_dates import DateEntry
from functions.domain.centre_profile import ChecklistItem
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.escalation import EscalationKind, EscalationStatus, SlaPhase
from functions.domain.figures import Counter, Duration, FigureKey, Period
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, InspectionReport
from functions.domain.madinah_time import business_day, today_in_madinah
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestStatus
from functions.local.lambda_context import FakeLambdaContext
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

OPERATOR = Caller(Principal("op-c02", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "it")
MONITOR = Caller(Principal("mon", Role.MONITOR), "it")
CIVIL_AFFAIRS = Caller(Principal("officer", Role.AGENCY_OFFICER, agency_code="CIVIL-AFFAIRS"), "it")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(today_in_madinah() + timedelta(days=400))
)


@dataclass
class Office:
    stack: ProvisionedStack
    container: Container
    pump: QueuePump
    citizen_id: str

    def until(self, condition: Callable[[], bool], seconds: float = 40) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.pump.drain()
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError("the monitoring office did not see it in time")

    def submit(self, key: str, *, uploaded: bool = True) -> str:
        """``uploaded=False``: no documents uploaded (a suspended centre may not upload), so only the centre
        check can refuse the filing."""
        form = SubmissionForm(
            self.citizen_id,
            "NID-RENEW",
            {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
            attach_via(self.container, OPERATOR, "NID-RENEW", key=key) if uploaded else ["never-uploaded"],
            Decimal("120.00"),
            PaymentMethod.MADA,
            EVIDENCE,
            key,
            slip_for(key),
        )
        return self.container.use_cases.request_submission.submit_service_request(
            OPERATOR, form
        ).file.request.request_id

    def handoff_status(self, request_id: str) -> HandoffStatus | None:
        file = self.container.adapters.requests.get_file(request_id)
        return file.handoffs[0].status if file and file.handoffs else None

    def today(self) -> Period:
        today = business_day(self.container.adapters.clock.now())
        return Period(today - timedelta(days=1), today)


@pytest.fixture(scope="module")
def office(moto_server: MotoServer) -> Iterator[Office]:
    moto_server.reset()
    stack = provision(endpoint_url=moto_server.endpoint_url)
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
        yield Office(stack, container, pump, citizen.citizen_id)
    bootstrap.container.cache_clear()


def test_the_figures_follow_a_request_from_filing_to_delivery(office: Office) -> None:
    performance = office.container.use_cases.performance
    before = performance.centre_performance(MONITOR, "MED-C02", office.today()).figures
    request_id = office.submit("it-figures-0001")
    office.until(lambda: office.handoff_status(request_id) is HandoffStatus.FORWARDED)
    office.container.use_cases.agency_window.acknowledge_receipt(CIVIL_AFFAIRS, request_id)
    requests = office.container.adapters.requests
    office.until(lambda: any(h.completion_token for h in requests.get_file(request_id).handoffs))  # type: ignore[union-attr]
    office.container.use_cases.agency_window.complete_step(CIVIL_AFFAIRS, request_id, None)
    office.until(lambda: requests.get_file(request_id).request.status is RequestStatus.COMPLETED_AT_CENTRE)  # type: ignore[union-attr]
    office.container.use_cases.centre_desk.confirm_delivery(OPERATOR, request_id)

    def delivered_counted() -> bool:
        now = performance.centre_performance(MONITOR, "MED-C02", office.today()).figures
        return now[Counter.DELIVERED] == before[Counter.DELIVERED] + 1

    office.until(delivered_counted)
    after = performance.centre_performance(MONITOR, "MED-C02", office.today()).figures
    assert after[Counter.SUBMITTED] == before[Counter.SUBMITTED] + 1
    assert after.fees_collected.halalas == before.fees_collected.halalas + 12_000
    assert after.duration(Duration.ACKNOWLEDGEMENT).count == before.duration(Duration.ACKNOWLEDGEMENT).count + 1
    assert after.duration(Duration.DELIVERY).count == before.duration(Duration.DELIVERY).count + 1
    agency = office.container.adapters.figures.days(
        FigureKey.agency("CIVIL-AFFAIRS"), office.today().first, office.today().last
    )
    assert sum(d[Counter.RECEIVED] for d in agency) >= 1


def test_an_sla_breach_is_an_escalation_counted_for_the_centre_and_the_agency(office: Office) -> None:
    request_id = office.submit("it-breach-00001")  # receipt SLA 4 "hours": 4 s

    def escalated() -> bool:
        items = office.container.use_cases.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
        return any(e.request_id == request_id and e.phase is SlaPhase.RECEIPT for e in items)

    office.until(escalated)
    [escalation] = [
        e
        for e in office.container.use_cases.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
        if e.request_id == request_id
    ]
    assert (escalation.kind, escalation.centre_id, escalation.agency_code) == (
        EscalationKind.SLA_BREACH,
        "MED-C02",
        "CIVIL-AFFAIRS",
    )
    figures = office.container.use_cases.performance.centre_performance(MONITOR, "MED-C02", office.today())
    assert figures.figures[Counter.RECEIPT_BREACHES] >= 1
    assert figures.open_escalations >= 1
    overview = office.container.use_cases.performance.region_overview(MONITOR, office.today())
    assert overview.by_agency["CIVIL-AFFAIRS"][Counter.RECEIPT_BREACHES] >= 1
    office.container.use_cases.escalations.resolve(MONITOR, escalation.escalation_id, "agency reminded")
    office.container.use_cases.agency_window.acknowledge_receipt(
        CIVIL_AFFAIRS, request_id
    )  # let the route finish quietly


def test_a_suspended_centre_files_nothing_until_reinstated(office: Office) -> None:
    executions = aws_client(office.stack, "stepfunctions")
    machine = office.stack.resources["HandoffStateMachine"].ref
    started = len(executions.list_executions(stateMachineArn=machine)["executions"])
    office.container.use_cases.centre_licensing.suspend_centre(MONITOR, "MED-C02", "inspection pending")
    try:
        with pytest.raises(ValidationFailed) as refused:
            office.submit("it-suspended-001", uploaded=False)
        assert refused.value.code is ErrorCode.CENTRE_INACTIVE
        assert len(executions.list_executions(stateMachineArn=machine)["executions"]) == started
    finally:
        office.container.use_cases.centre_licensing.reinstate_centre(MONITOR, "MED-C02", None)
    assert office.submit("it-reinstated-01")


def test_the_monitoring_sweeper_raises_overdue_follow_ups_once(office: Office) -> None:
    from functions.handlers import monitoring_sweeper

    today = office.container.adapters.clock.now().date()
    report = InspectionReport(
        centre_id="MED-C01",
        visited_on=today - timedelta(days=10),
        results=tuple(CheckResult(item, item is not ChecklistItem.POSTED_CHARGES) for item in ChecklistItem),
        findings=(Finding(FindingSeverity.MAJOR, "rate list not on display"),),
        photos=("doc-rate-list",),
        follow_up_due=today - timedelta(days=1),  # recorded late: already overdue
    )
    inspection = office.container.use_cases.inspections.record_inspection(MONITOR, report)
    assert monitoring_sweeper.handler({}, FakeLambdaContext()) == {"followUpsOverdue": 1}
    assert monitoring_sweeper.handler({}, FakeLambdaContext()) == {"followUpsOverdue": 0}
    alerts = office.container.use_cases.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
    assert [a.kind for a in alerts if a.inspection_id == inspection.inspection_id] == [EscalationKind.FOLLOW_UP_OVERDUE]
