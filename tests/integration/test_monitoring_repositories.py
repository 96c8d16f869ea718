"""The monitoring office on DynamoDB (moto): the centre registry, figures counted once and read in a
handful of calls, escalations, inspections and feedback, each change all or nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from functions.bootstrap import Container
from functions.domain.audit import AuditRecord, Outcome
from functions.domain.centre import CentreStatus
from functions.domain.centre_licensing import license_centre, register_centre, suspend_centre
from functions.domain.centre_notice import CentreNotice, NoticeKind
from functions.domain.centre_profile import ChecklistItem
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.escalation import EscalationStatus, SlaBreach, SlaPhase, raise_breach, resolve_escalation
from functions.domain.feedback import Complaint, Rating, resolve_complaint
from functions.domain.figures import Counter, Duration, FigureDelta, FigureKey, Period, ScopeKind
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, Inspection
from functions.domain.notification import Notification
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request_event import RequestEvent
from functions.domain.request_figures import RequestClock
from functions.domain.sms import SmsTemplate
from functions.local.provision import ProvisionedStack
from functions.services.caller import Caller
from tests.support.aws import item_count
from tests.support.monitoring import registration

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
MONITOR = Caller(Principal("mon-1", Role.MONITOR), "it")


def audit(target: str) -> AuditRecord:
    return AuditRecord(uuid.uuid4().hex, NOW, "mon-1", "monitor", None, "test", target, Outcome.ALLOWED, "it")


def notice(centre_id: str, kind: NoticeKind = NoticeKind.REGISTERED, at: datetime = NOW) -> CentreNotice:
    return CentreNotice(centre_id, uuid.uuid4().hex, kind, at, {"reason": "r"})


@contextmanager
def dynamodb_calls(container: Container) -> Iterator[list[str]]:
    """Every DynamoDB API call made through the main table's connection while the block runs."""
    calls: list[str] = []

    def record(model: Any, **_: object) -> None:
        calls.append(model.name)

    events = container.adapters.main_table.connection().client.meta.events
    events.register("before-call.dynamodb", record)
    try:
        yield calls
    finally:
        events.unregister("before-call.dynamodb", record)


# ---------------------------------------------------------------- the registry


def test_a_registration_round_trips_with_its_licensing_file(container: Container) -> None:
    registry = container.use_cases.centre_licensing._registry
    centre = register_centre(registration("MED-C20", "LIC-MED-2026-0020"))
    registry.register_centre(centre, audit("centre:MED-C20"), notice("MED-C20"))
    assert registry.get_centre("MED-C20") == centre
    assert registry.list_notices("MED-C20", PageRequest()).items[0].kind is NoticeKind.REGISTERED


def test_an_id_or_licence_already_on_file_writes_nothing(container: Container, stack: ProvisionedStack) -> None:
    registry = container.use_cases.centre_licensing._registry
    registry.register_centre(
        register_centre(registration("MED-C21", "LIC-MED-2026-0021")), audit("c"), notice("MED-C21")
    )
    before = (item_count(stack), item_count(stack, "AuditTable"))
    for centre_id, licence, code in (
        ("MED-C21", "LIC-MED-2026-0099", ErrorCode.ALREADY_EXISTS),
        ("MED-C22", "LIC-MED-2026-0021", ErrorCode.LICENCE_NUMBER_TAKEN),
    ):
        with pytest.raises(Conflict) as refused:
            registry.register_centre(register_centre(registration(centre_id, licence)), audit("c"), notice(centre_id))
        assert refused.value.code is code
    assert (item_count(stack), item_count(stack, "AuditTable")) == before


def test_a_change_from_a_stale_read_loses(container: Container) -> None:
    registry = container.use_cases.centre_licensing._registry
    registered = register_centre(registration("MED-C23", "LIC-MED-2026-0023"))
    registry.register_centre(registered, audit("c"), notice("MED-C23"))
    active = license_centre(registered, NOW.date() + timedelta(days=365), NOW.date(), None)
    registry.change_centre(active, registered, audit("c"), notice("MED-C23", NoticeKind.LICENSED))
    with pytest.raises(Conflict):
        registry.change_centre(
            suspend_centre(active, "x"), registered, audit("c"), notice("MED-C23", NoticeKind.SUSPENDED)
        )
    registry.change_centre(suspend_centre(active, "x"), active, audit("c"), notice("MED-C23", NoticeKind.SUSPENDED))
    stored = registry.get_centre("MED-C23")
    assert stored is not None
    assert stored.status is CentreStatus.SUSPENDED
    suspended = registry.list_centres(CentreStatus.SUSPENDED, PageRequest(first=100)).items
    assert "MED-C23" in {c.centre_id for c in suspended}
    assert all(c.status is CentreStatus.SUSPENDED for c in suspended)


# ---------------------------------------------------------------- figures


def event(kind: str, at: datetime, request_id: str, centre: str = "MED-C30", **extra: object) -> RequestEvent:
    return RequestEvent(
        event_id=uuid.uuid4().hex,
        kind=kind,
        at=at,
        request_id=request_id,
        tracking_number="MED-2611-000001",
        service_code="NID-RENEW",
        centre_id=centre,
        status="X",
        actor_role="system",
        **extra,  # type: ignore[arg-type]
    )


def feed_requests(container: Container, count: int, centre: str, start: datetime) -> None:
    """A whole life per request, spread over the days after ``start``, through the figures consumer."""
    for n in range(count):
        request_id = f"{centre}-{start:%m%d}-{n}"
        at = start + timedelta(hours=n % 20, days=n % 25)
        for kind, later, extra in (
            (
                "SUBMITTED",
                timedelta(0),
                {"amount_halalas": 12_500, "fee_halalas": 10_000, "posted_charge_halalas": 2_500},
            ),
            ("RECEIVED", timedelta(minutes=20 + n), {"agency_code": "CIVIL-AFFAIRS"}),
            ("COMPLETED_AT_CENTRE", timedelta(hours=30), {}),
            ("DELIVERED", timedelta(hours=40), {}),
        ):
            container.use_cases.figure_recording.record(event(kind, at + later, request_id, centre, **extra))


def test_an_event_delivered_twice_counts_once(container: Container) -> None:
    submitted = event(
        "SUBMITTED", NOW, "r-twice", amount_halalas=12_500, fee_halalas=10_000, posted_charge_halalas=2_500
    )
    assert container.use_cases.figure_recording.record(submitted)
    assert not container.use_cases.figure_recording.record(submitted)
    [day] = container.adapters.figures.days(FigureKey.centre("MED-C30"), NOW.date(), NOW.date())
    assert (day[Counter.SUBMITTED], day[Counter.COLLECTED_HALALAS]) == (1, 12_500)


def test_a_clock_written_by_another_delivery_first_is_a_conflict(container: Container) -> None:
    clock = RequestClock("r-race", "MED-C30", submitted_at=NOW)
    container.adapters.figures.apply_event(replace(clock, applied=frozenset({"e1"})), ())
    with pytest.raises(Conflict):
        container.adapters.figures.apply_event(replace(clock, applied=frozenset({"e2"})), ())
    stored = container.adapters.figures.get_clock("r-race")
    assert stored is not None
    assert (stored.applied, stored.version) == (frozenset({"e1"}), 1)


def test_every_centres_days_are_read_across_months(container: Container) -> None:
    deltas = (
        FigureDelta(FigureKey.centre("MED-C31"), date(2026, 10, 31), {"submitted": 2}),
        FigureDelta(FigureKey.centre("MED-C32"), date(2026, 11, 1), {"submitted": 3}),
        FigureDelta(FigureKey.agency("TRAFFIC"), date(2026, 11, 1), {"received": 1}),
        FigureDelta(FigureKey.region(), date(2026, 11, 1), {"submitted": 5}),
    )
    container.adapters.figures.apply_event(RequestClock("r-months"), deltas)
    centres = container.adapters.figures.days_of_every(ScopeKind.CENTRE, date(2026, 10, 30), date(2026, 11, 2))
    assert {(d.key.code, d.day, d[Counter.SUBMITTED]) for d in centres} >= {
        ("MED-C31", date(2026, 10, 31), 2),
        ("MED-C32", date(2026, 11, 1), 3),
    }
    assert all(d.key.kind is ScopeKind.CENTRE for d in centres)
    agencies = container.adapters.figures.days_of_every(ScopeKind.AGENCY, date(2026, 11, 1), date(2026, 11, 1))
    assert [(d.key.code, d[Counter.RECEIVED]) for d in agencies] == [("TRAFFIC", 1)]


def test_a_centres_month_is_read_in_the_same_few_calls_whatever_its_volume(container: Container) -> None:
    period = Period(date(2026, 9, 1), date(2026, 9, 30))
    start = datetime(2026, 9, 1, 6, 0, tzinfo=UTC)
    registry = container.use_cases.centre_licensing._registry
    for centre, volume in (("MED-C40", 3), ("MED-C41", 30)):
        registry.register_centre(
            register_centre(registration(centre, f"LIC-MED-2026-{centre[-2:]}99")), audit("c"), notice(centre)
        )
        feed_requests(container, volume, centre, start)
    reads = {}
    container.use_cases.account_standing.standing_of(MONITOR.principal)  # read once per 30 s, whatever the volume
    for centre, volume in (("MED-C40", 3), ("MED-C41", 30)):
        with dynamodb_calls(container) as calls:
            performance = container.use_cases.performance.centre_performance(MONITOR, centre, period)
        assert performance.figures[Counter.SUBMITTED] == volume
        assert performance.figures.duration(Duration.ACKNOWLEDGEMENT).count == volume
        assert performance.figures[Counter.DELIVERED] == volume
        reads[centre] = [name for name in calls if name != "PutItem"]  # the monitor's read is not audited
    assert reads["MED-C40"] == reads["MED-C41"]
    assert len(reads["MED-C41"]) <= 5, reads


def test_results_waiting_for_delivery_are_counted_by_centre_and_for_the_region(container: Container) -> None:
    completed = event("COMPLETED_AT_CENTRE", NOW - timedelta(days=5), "r-waiting", "MED-C33")
    container.use_cases.figure_recording.record(completed)
    assert container.adapters.figures.awaiting_delivery("MED-C33", NOW - timedelta(days=3), 100) == 1
    assert container.adapters.figures.awaiting_delivery("MED-C33", NOW - timedelta(days=6), 100) == 0
    assert container.adapters.figures.awaiting_delivery(None, NOW - timedelta(days=3), 100) >= 1
    container.use_cases.figure_recording.record(event("DELIVERED", NOW, "r-waiting", "MED-C33"))
    assert container.adapters.figures.awaiting_delivery("MED-C33", NOW - timedelta(days=3), 100) == 0


# ---------------------------------------------------------------- escalations, inspections, feedback


def test_an_escalation_is_created_once_and_resolved_out_of_the_open_list(container: Container) -> None:
    repository = container.use_cases.escalations._escalations
    breach = SlaBreach("r-esc", 1, "TRAFFIC", SlaPhase.PROCESSING)
    opened = raise_breach(
        None, breach, delivery_id="m-1", centre_id="MED-C34", tracking_number="T", service_code="S", at=NOW
    )
    assert opened is not None
    open_count = FigureDelta(FigureKey.centre("MED-C34"), None, {Counter.OPEN_ESCALATIONS.value: 1})
    repository.save_escalation(opened, (open_count,))
    with pytest.raises(Conflict):
        repository.save_escalation(opened, (open_count,))
    assert container.adapters.figures.current(FigureKey.centre("MED-C34")) == {Counter.OPEN_ESCALATIONS.value: 1}
    stored = repository.get_escalation(opened.escalation_id)
    assert stored is not None
    assert stored.deliveries == frozenset({"m-1"})
    repository.save_escalation(resolve_escalation(stored, "done", "mon-1", NOW), ())
    open_ids = {e.escalation_id for e in repository.list_escalations(EscalationStatus.OPEN, PageRequest()).items}
    resolved = {e.escalation_id for e in repository.list_escalations(EscalationStatus.RESOLVED, PageRequest()).items}
    assert opened.escalation_id not in open_ids
    assert opened.escalation_id in resolved


def test_open_follow_ups_are_found_by_due_date_until_closed(container: Container) -> None:
    repository = container.use_cases.inspections._inspections
    inspection = Inspection(
        inspection_id=uuid.uuid4().hex,
        centre_id="MED-C35",
        visited_on=date(2026, 11, 1),
        inspector_id="mon-1",
        recorded_at=NOW,
        results=tuple(CheckResult(item, item is not ChecklistItem.EQUIPMENT) for item in ChecklistItem),
        findings=(Finding(FindingSeverity.MINOR, "one scanner broken"),),
        photos=("doc-1",),
        follow_up_due=date(2026, 11, 20),
        findings_open=True,
    )
    repository.add_inspection(inspection, audit("centre:MED-C35"), notice("MED-C35"))
    assert repository.get_inspection(inspection.inspection_id) == inspection
    overdue = {i.inspection_id for i in repository.overdue_follow_ups(date(2026, 11, 21))}
    assert inspection.inspection_id in overdue
    assert inspection.inspection_id not in {i.inspection_id for i in repository.overdue_follow_ups(date(2026, 11, 20))}
    closed = replace(inspection, findings_open=False, closed_at=NOW, closing_note="fixed")
    repository.close_findings(closed, audit("c"), notice("MED-C35", NoticeKind.FINDINGS_CLOSED))
    with pytest.raises(Conflict):
        repository.close_findings(closed, audit("c"), notice("MED-C35", NoticeKind.FINDINGS_CLOSED))
    assert inspection.inspection_id not in {i.inspection_id for i in repository.overdue_follow_ups(date(2026, 12, 1))}
    assert [i.inspection_id for i in repository.list_for_centre("MED-C35", PageRequest()).items] == [
        inspection.inspection_id
    ]


def test_a_second_rating_of_a_request_writes_nothing(container: Container, stack: ProvisionedStack) -> None:
    repository = container.use_cases.citizen_feedback._feedback
    rating = Rating("r-rated", "MED-C36", "citizen-1", 5, None, NOW)
    stars = FigureDelta(FigureKey.centre("MED-C36"), NOW.date(), {"ratings": 1, "stars": 5})
    repository.add_rating(rating, audit("request:r-rated"), (stars,))
    before = (item_count(stack), item_count(stack, "AuditTable"))
    with pytest.raises(Conflict) as twice:
        repository.add_rating(replace(rating, stars=1), audit("request:r-rated"), (stars,))
    assert twice.value.code is ErrorCode.ALREADY_RATED
    assert (item_count(stack), item_count(stack, "AuditTable")) == before
    [day] = container.adapters.figures.days(FigureKey.centre("MED-C36"), NOW.date(), NOW.date())
    assert (day[Counter.RATINGS], day[Counter.STARS]) == (1, 5)


def test_resolving_a_complaint_records_the_citizens_sms_with_it(container: Container) -> None:
    repository = container.use_cases.citizen_feedback._feedback
    complaint = Complaint("c-1", "r-1", "MED-2611-000001", "MED-C37", "NID-RENEW", "citizen-2", "text", NOW)
    repository.add_complaint(complaint, audit("complaint:c-1"), ())
    stored = repository.get_complaint("c-1")
    assert stored == complaint
    sms = Notification("citizen-2", "COMPLAINT#c-1#RESOLVED", SmsTemplate.COMPLAINT_RESOLVED, {"tracking": "T"}, NOW)
    repository.resolve_complaint(resolve_complaint(complaint, "refunded", "mon-1", NOW), audit("c"), (), sms)
    assert (
        container.adapters.notification_repository.get_notification("citizen-2", "COMPLAINT#c-1#RESOLVED") is not None
    )
    with pytest.raises(Conflict):
        repository.resolve_complaint(resolve_complaint(complaint, "again", "mon-1", NOW), audit("c"), (), sms)
