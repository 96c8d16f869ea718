"""The monitoring office's desk on in-memory fakes and the simulated state machine: figures kept from
request events, SLA breaches as escalations, field inspections and their follow-ups, citizens' feedback."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.centre_flags import FlagKind
from functions.domain.centre_notice import NoticeKind
from functions.domain.centre_profile import ChecklistItem
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import Conflict, DomainError, ErrorCode, Forbidden, NotFound, ValidationFailed
from functions.domain.escalation import EscalationKind, EscalationStatus, SlaBreach, SlaPhase
from functions.domain.feedback import ComplaintStatus
from functions.domain.figures import Counter, Duration, FigureKey, Period
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, InspectionReport
from functions.domain.madinah_time import business_day
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.ranking import RankingMetric
from functions.domain.request import PaymentMethod
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, NOW, TODAY, IdentityWorld

MONITOR = Caller(Principal("mon-1", Role.MONITOR), "corr")
OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
OTHER_CENTRE = Caller(Principal("op-2", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "corr")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)
CENTRE, REGION, CIVIL_AFFAIRS = FigureKey.centre("MED-C01"), FigureKey.region(), FigureKey.agency("CIVIL-AFFAIRS")
MONTH = Period(TODAY - timedelta(days=29), TODAY + timedelta(days=5))


def officer(agency: str) -> Caller:
    return Caller(Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "corr")


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    return world


@pytest.fixture
def citizen(world: IdentityWorld) -> Caller:
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
    opened = world.records.open_citizen_record(OPERATOR, form).citizen
    return Caller(Principal(opened.citizen_id, Role.CITIZEN), "corr")


def count_events(world: IdentityWorld) -> None:
    """The figures consumer: every event published so far (the queue may deliver twice: it does here)."""
    for event in [*world.events.published, *world.events.published]:
        world.figure_recording.record(event)


def file_request(world: IdentityWorld, citizen: Caller, key: str) -> str:
    form = SubmissionForm(
        citizen.principal.user_id,
        "NID-RENEW",
        {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
        filed_documents(world, OPERATOR, "NID-RENEW", key),
        Decimal("125.00"),
        PaymentMethod.CASH,
        EVIDENCE,
        key,
    )
    return world.submission.submit_service_request(OPERATOR, form).file.request.request_id


def deliver(world: IdentityWorld, citizen: Caller, key: str, *, ack_after: timedelta, deliver_after: timedelta) -> str:
    request_id = file_request(world, citizen, key)
    world.clock.at += ack_after
    world.window.acknowledge_receipt(officer("CIVIL-AFFAIRS"), request_id)
    world.window.complete_step(officer("CIVIL-AFFAIRS"), request_id, None)
    world.clock.at += deliver_after
    world.desk.confirm_delivery(OPERATOR, request_id)
    return request_id


# ---------------------------------------------------------------- figures


SUNDAY_MORNING = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)
"""09:00 in Madinah on a working Sunday: acknowledgements counted in working time match the clock."""
THURSDAY_AFTERNOON = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
"""13:00 in Madinah on a Thursday, an hour and a half before the offices close for the weekend."""


def test_the_figures_of_a_centre_move_with_its_requests(world: IdentityWorld, citizen: Caller) -> None:
    world.clock.at = SUNDAY_MORNING
    empty = world.performance.centre_performance(MONITOR, "MED-C01", MONTH)
    assert empty.figures[Counter.SUBMITTED] == 0
    deliver(world, citizen, "request-one-0001", ack_after=timedelta(minutes=30), deliver_after=timedelta(hours=2))
    deliver(world, citizen, "request-two-0002", ack_after=timedelta(hours=2), deliver_after=timedelta(days=4))
    count_events(world)
    performance = world.performance.centre_performance(MONITOR, "MED-C01", MONTH)
    figures = performance.figures
    assert figures[Counter.SUBMITTED] == 2
    assert figures.fees_collected.halalas == 2 * 12_500
    assert (figures[Counter.COMPLETED], figures[Counter.DELIVERED], figures[Counter.DELIVERED_LATE]) == (2, 2, 1)
    ack = figures.duration(Duration.ACKNOWLEDGEMENT)
    assert ack.count == 2
    assert ack.mean_seconds == (30 * 60 + 2 * 3600) / 2
    assert ack.median_seconds is not None
    assert 15 * 60 <= ack.median_seconds <= 2 * 3600
    assert [f.kind for f in performance.flags] == [FlagKind.SLOW_DELIVERY]
    region = world.performance.region_overview(MONITOR, MONTH)
    assert region.figures[Counter.SUBMITTED] == 2
    assert region.by_agency["CIVIL-AFFAIRS"][Counter.RECEIVED] == 2
    assert region.flags["MED-C01"][0].kind is FlagKind.SLOW_DELIVERY
    ranking = world.performance.centre_ranking(MONITOR, RankingMetric.SUBMITTED, MONTH)
    assert [(r.rank, r.centre_id, r.value) for r in ranking] == [(1, "MED-C01", 2)]


def test_the_time_to_acknowledge_is_working_time_not_the_weekend(world: IdentityWorld, citizen: Caller) -> None:
    world.clock.at = THURSDAY_AFTERNOON
    request_id = file_request(world, citizen, "weekend-00000001")
    world.clock.at = SUNDAY_MORNING  # 68 clock hours later: 1.5 office hours on Thursday, 1.5 on Sunday
    world.window.acknowledge_receipt(officer("CIVIL-AFFAIRS"), request_id)
    count_events(world)
    ack = world.performance.centre_performance(MONITOR, "MED-C01", MONTH).figures.duration(Duration.ACKNOWLEDGEMENT)
    assert (ack.count, ack.mean_seconds) == (1, 3 * 3600)


def test_a_result_waiting_at_the_centre_for_more_than_three_days_flags_it(
    world: IdentityWorld, citizen: Caller
) -> None:
    request_id = file_request(world, citizen, "waiting-00000001")
    world.window.acknowledge_receipt(officer("CIVIL-AFFAIRS"), request_id)
    world.window.complete_step(officer("CIVIL-AFFAIRS"), request_id, None)
    count_events(world)
    assert world.performance.centre_performance(MONITOR, "MED-C01", MONTH).flags == []
    world.clock.at += timedelta(days=3, hours=1)
    performance = world.performance.centre_performance(MONITOR, "MED-C01", MONTH)
    assert performance.awaiting_delivery_too_long == 1
    assert [(f.kind, f.count) for f in performance.flags] == [(FlagKind.SLOW_DELIVERY, 1)]


def test_only_the_monitor_reads_figures(world: IdentityWorld) -> None:
    with pytest.raises(Forbidden):
        world.performance.centre_performance(OPERATOR, "MED-C01", MONTH)
    with pytest.raises(NotFound):
        world.performance.centre_performance(MONITOR, "MED-C99", MONTH)


# ---------------------------------------------------------------- escalations


def test_sla_breaches_become_one_escalation_per_wait_counted_once_per_delivery(
    world: IdentityWorld, citizen: Caller
) -> None:
    request_id = file_request(world, citizen, "breached-0000001")
    breach = SlaBreach(request_id, 1, "CIVIL-AFFAIRS", SlaPhase.RECEIPT)
    first = world.escalations.record_breach(breach, "delivery-1")
    assert first is not None
    assert (first.status, first.occurrences, first.centre_id) == (EscalationStatus.OPEN, 1, "MED-C01")
    assert world.escalations.record_breach(breach, "delivery-1") == world.escalation_store.items[first.escalation_id]
    again = world.escalations.record_breach(breach, "delivery-2")
    assert again is not None
    assert again.occurrences == 2
    day = business_day(NOW)
    for key in (CENTRE, REGION, CIVIL_AFFAIRS):
        assert world.figures.day(key, day)[Counter.RECEIPT_BREACHES.value] == 2
        assert world.figures.current(key)[Counter.OPEN_ESCALATIONS.value] == 1
    processing = world.escalations.record_breach(SlaBreach(request_id, 1, "CIVIL-AFFAIRS", SlaPhase.PROCESSING), "d-3")
    assert processing is not None
    assert processing.escalation_id != first.escalation_id
    assert world.figures.current(CENTRE)[Counter.OPEN_ESCALATIONS.value] == 2
    listed = world.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
    assert {e.phase for e in listed} == {SlaPhase.RECEIPT, SlaPhase.PROCESSING}


def test_resolving_an_escalation_needs_a_note_counts_it_closed_and_a_new_breach_reopens_it(
    world: IdentityWorld, citizen: Caller
) -> None:
    request_id = file_request(world, citizen, "breached-0000002")
    breach = SlaBreach(request_id, 1, "CIVIL-AFFAIRS", SlaPhase.RECEIPT)
    escalation = world.escalations.record_breach(breach, "delivery-1")
    assert escalation is not None
    with pytest.raises(ValidationFailed) as no_note:
        world.escalations.resolve(MONITOR, escalation.escalation_id, " ")
    assert no_note.value.code is ErrorCode.NOTE_REQUIRED
    resolved = world.escalations.resolve(MONITOR, escalation.escalation_id, "called the agency's supervisor")
    assert resolved.status is EscalationStatus.RESOLVED
    assert world.figures.current(CIVIL_AFFAIRS)[Counter.OPEN_ESCALATIONS.value] == 0
    with pytest.raises(Conflict) as twice:
        world.escalations.resolve(MONITOR, escalation.escalation_id, "again")
    assert twice.value.code is ErrorCode.ALREADY_RESOLVED
    reopened = world.escalations.record_breach(breach, "delivery-2")
    assert reopened is not None
    assert (reopened.status, reopened.occurrences) == (EscalationStatus.OPEN, 2)
    assert world.figures.current(CENTRE)[Counter.OPEN_ESCALATIONS.value] == 1
    assert [r.action for r in world.log.records if r.target == f"escalation:{escalation.escalation_id}"] == [
        "resolveEscalation"
    ]


def test_a_breach_of_an_unknown_request_escalates_nothing(world: IdentityWorld) -> None:
    assert world.escalations.record_breach(SlaBreach("nope", 1, "TRAFFIC", SlaPhase.RECEIPT), "d") is None
    assert world.escalation_store.items == {}


def test_escalations_are_the_monitors(world: IdentityWorld) -> None:
    with pytest.raises(Forbidden):
        world.escalations.escalations(OPERATOR, EscalationStatus.OPEN, PageRequest())
    with pytest.raises(NotFound):
        world.escalations.resolve(MONITOR, "no-such-escalation", "note")


# ---------------------------------------------------------------- inspections


def report(**changes: object) -> InspectionReport:
    values: dict[str, object] = {
        "centre_id": "MED-C01",
        "visited_on": TODAY - timedelta(days=1),
        "results": tuple(CheckResult(item, item is not ChecklistItem.RECEIPTS) for item in ChecklistItem),
        "findings": (Finding(FindingSeverity.MAJOR, "Receipts handed out only on request"),),
        "photos": ("doc-7f3a9c", "doc-7f3a9d"),
        "follow_up_due": TODAY + timedelta(days=14),
    }
    values.update(changes)
    return InspectionReport(**values)  # type: ignore[arg-type]


def test_an_inspection_is_recorded_told_to_the_centre_and_its_open_findings_shown_to_it(world: IdentityWorld) -> None:
    inspection = world.inspections.record_inspection(MONITOR, report())
    assert inspection.findings_open
    assert inspection.photos == ("doc-7f3a9c", "doc-7f3a9d")
    seen = world.inspections.inspections(OPERATOR, "MED-C01", PageRequest()).items
    assert [(i.inspection_id, [f.text for f in i.findings]) for i in seen] == [
        (inspection.inspection_id, ["Receipts handed out only on request"])
    ]
    notices = world.licensing.notices(OPERATOR, "MED-C01", PageRequest()).items
    assert [(n.kind, n.values["findings"]) for n in notices] == [(NoticeKind.INSPECTION_RECORDED, "1")]
    with pytest.raises(NotFound):
        world.inspections.inspections(OTHER_CENTRE, "MED-C01", PageRequest())


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"visited_on": TODAY + timedelta(days=1)}, ErrorCode.INSPECTION_DATE_INVALID),
        ({"visited_on": TODAY - timedelta(days=400)}, ErrorCode.INSPECTION_DATE_INVALID),
        ({"results": (CheckResult(ChecklistItem.EQUIPMENT, True),)}, ErrorCode.INSPECTION_CHECKLIST_INVALID),
        ({"findings": ()}, ErrorCode.FINDING_INVALID),  # a failed item says what was found
        ({"findings": (Finding(FindingSeverity.MINOR, " "),)}, ErrorCode.FINDING_INVALID),
        ({"follow_up_due": None}, ErrorCode.FOLLOW_UP_INVALID),
        ({"follow_up_due": TODAY - timedelta(days=1)}, ErrorCode.FOLLOW_UP_INVALID),
        ({"photos": ("../etc/passwd",)}, ErrorCode.DOCUMENT_REFERENCE_INVALID),
        ({"centre_id": "MED-C99"}, ErrorCode.NOT_FOUND),
    ],
)
def test_a_bad_inspection_report_is_refused_and_nothing_is_written(
    world: IdentityWorld, changes: dict[str, object], code: ErrorCode
) -> None:
    with pytest.raises(DomainError) as refused:
        world.inspections.record_inspection(MONITOR, report(**changes))
    assert refused.value.code is code
    assert world.inspection_store.items == {}
    assert world.registry.notices == []
    assert [r for r in world.log.records if r.outcome is Outcome.ALLOWED] == []


def test_findings_left_open_past_their_follow_up_date_raise_one_escalation(world: IdentityWorld) -> None:
    inspection = world.inspections.record_inspection(MONITOR, report())
    assert world.inspections.raise_overdue_follow_ups() == 0
    world.clock.at += timedelta(days=15)
    assert world.inspections.raise_overdue_follow_ups() == 1
    assert world.inspections.raise_overdue_follow_ups() == 0  # the sweeper runs again: still one
    [alert] = world.escalations.escalations(MONITOR, EscalationStatus.OPEN, PageRequest()).items
    assert (alert.kind, alert.inspection_id, alert.centre_id) == (
        EscalationKind.FOLLOW_UP_OVERDUE,
        inspection.inspection_id,
        "MED-C01",
    )
    assert world.figures.current(CENTRE)[Counter.OPEN_ESCALATIONS.value] == 1


def test_closed_findings_are_no_longer_overdue_and_close_once(world: IdentityWorld) -> None:
    inspection = world.inspections.record_inspection(MONITOR, report())
    closed = world.inspections.close_findings(MONITOR, inspection.inspection_id, "receipts printed for every fee")
    assert not closed.findings_open
    world.clock.at += timedelta(days=30)
    assert world.inspections.raise_overdue_follow_ups() == 0
    with pytest.raises(Conflict) as again:
        world.inspections.close_findings(MONITOR, inspection.inspection_id, "again")
    assert again.value.code is ErrorCode.FINDINGS_CLOSED


def test_a_clean_inspection_has_no_follow_up(world: IdentityWorld) -> None:
    clean = report(results=tuple(CheckResult(item, True) for item in ChecklistItem), findings=(), follow_up_due=None)
    inspection = world.inspections.record_inspection(MONITOR, clean)
    assert (inspection.findings_open, inspection.follow_up_due) == (False, None)


# ---------------------------------------------------------------- citizens' feedback


def test_a_citizen_rates_a_delivered_request_once(world: IdentityWorld, citizen: Caller) -> None:
    pending = file_request(world, citizen, "not-delivered-01")
    with pytest.raises(Conflict) as early:
        world.feedback.rate_centre(citizen, pending, 5, None)
    assert early.value.code is ErrorCode.REQUEST_NOT_DELIVERED
    assert (world.feedback_store.ratings, world.figures.day_counts) == ({}, {})
    delivered = deliver(world, citizen, "delivered-000001", ack_after=timedelta(0), deliver_after=timedelta(0))
    with pytest.raises(ValidationFailed) as stars:
        world.feedback.rate_centre(citizen, delivered, 6, None)
    assert stars.value.code is ErrorCode.RATING_INVALID
    rating = world.feedback.rate_centre(citizen, delivered, 4, "Quick, my number is 0512345678")
    assert rating.comment == "Quick, my number is +9665*****78"
    with pytest.raises(Conflict) as twice:
        world.feedback.rate_centre(citizen, delivered, 1, None)
    assert twice.value.code is ErrorCode.ALREADY_RATED
    day = world.figures.day(CENTRE, business_day(world.clock.now()))
    assert (day[Counter.RATINGS.value], day[Counter.STARS.value]) == (1, 4)
    someone_else = Caller(Principal("another-citizen", Role.CITIZEN), "corr")
    with pytest.raises(NotFound):
        world.feedback.rate_centre(someone_else, delivered, 5, None)


def test_a_complaint_is_tracked_to_resolution_and_the_citizen_is_told(world: IdentityWorld, citizen: Caller) -> None:
    delivered = deliver(world, citizen, "complained-00001", ack_after=timedelta(0), deliver_after=timedelta(0))
    with pytest.raises(ValidationFailed) as empty:
        world.feedback.file_complaint(citizen, delivered, "  ")
    assert empty.value.code is ErrorCode.COMPLAINT_TEXT_INVALID
    complaint = world.feedback.file_complaint(citizen, delivered, "They charged me 50 SAR more; ID 1000000008")
    assert "1******008" in complaint.text
    assert world.figures.current(CENTRE)[Counter.OPEN_COMPLAINTS.value] == 1
    [listed] = world.feedback.complaints(MONITOR, ComplaintStatus.OPEN, PageRequest()).items
    assert listed.complaint_id == complaint.complaint_id
    resolved = world.feedback.resolve_complaint(MONITOR, complaint.complaint_id, "Refund of 50 SAR confirmed")
    assert resolved.status is ComplaintStatus.RESOLVED
    assert world.figures.current(REGION)[Counter.OPEN_COMPLAINTS.value] == 0
    sms = world.notification_store.items[(citizen.principal.user_id, f"COMPLAINT#{complaint.complaint_id}#RESOLVED")]
    assert sms.values == {"tracking": complaint.tracking_number}
    assert (citizen.principal.user_id, sms.event_key) in world.signal.announced
    with pytest.raises(Conflict):
        world.feedback.resolve_complaint(MONITOR, complaint.complaint_id, "again")
    with pytest.raises(Forbidden):
        world.feedback.complaints(citizen, ComplaintStatus.OPEN, PageRequest())


def test_the_citizen_follows_their_own_rating_and_complaints_on_the_request(
    world: IdentityWorld, citizen: Caller
) -> None:
    delivered = deliver(world, citizen, "followed-0000001", ack_after=timedelta(0), deliver_after=timedelta(0))
    nothing_yet = world.feedback.my_feedback(citizen, delivered)
    assert (nothing_yet.rating, nothing_yet.complaints) == (None, ())
    world.feedback.rate_centre(citizen, delivered, 3, None)
    first = world.feedback.file_complaint(citizen, delivered, "The queue was long")
    world.clock.at += timedelta(minutes=5)
    second = world.feedback.file_complaint(citizen, delivered, "And nobody called me")
    world.feedback.resolve_complaint(MONITOR, first.complaint_id, "Staff reminded to call")
    followed = world.feedback.my_feedback(citizen, delivered)
    assert followed.rating is not None
    assert followed.rating.stars == 3
    assert [(c.complaint_id, c.status) for c in followed.complaints] == [
        (first.complaint_id, ComplaintStatus.RESOLVED),
        (second.complaint_id, ComplaintStatus.OPEN),
    ]
    assert followed.complaints[0].resolution_note == "Staff reminded to call"
    someone_else = Caller(Principal("another-citizen", Role.CITIZEN), "corr")
    with pytest.raises(NotFound):
        world.feedback.my_feedback(someone_else, delivered)
    with pytest.raises(Forbidden):
        world.feedback.my_feedback(MONITOR, delivered)


def test_the_day_counts_of_feedback_reach_the_figures(world: IdentityWorld, citizen: Caller) -> None:
    delivered = deliver(world, citizen, "feedback-figures", ack_after=timedelta(0), deliver_after=timedelta(0))
    world.feedback.rate_centre(citizen, delivered, 2, None)
    world.feedback.file_complaint(citizen, delivered, "rude staff")
    figures = world.performance.centre_performance(MONITOR, "MED-C01", Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert (figures.figures.rating_average, figures.figures[Counter.COMPLAINTS], figures.open_complaints) == (2.0, 1, 1)
