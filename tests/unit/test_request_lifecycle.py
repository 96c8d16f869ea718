"""Service requests end to end on in-memory fakes and the simulated hand-off state machine.

The same stories run against the real state machine on moto in tests/integration/test_request_route.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateCalendar, DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import Conflict, DomainError, ErrorCode, NotFound, ValidationFailed
from functions.domain.escalation import SlaPhase
from functions.domain.paging import PageRequest
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestStatus
from functions.domain.throttling import TryLater
from functions.local.pos_terminal import slip_for
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.handoff_routing import HandoffEvent
from functions.services.request_ports import RequestChange
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
OTHER_CENTRE = Caller(Principal("op-2", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "corr")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)
SHOP_ANSWERS = {"activity": "RETAIL", "shopAreaSqm": "40"}


def officer(agency: str) -> Caller:
    return Caller(Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "corr")


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    return world


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
    return world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id


def shop_form(
    world: IdentityWorld, citizen_id: str, key: str = "filing-0001", caller: Caller = OPERATOR, **changes: object
) -> SubmissionForm:
    """A shop licence filing, its documents uploaded and attached to the draft under ``key`` first."""
    form = SubmissionForm(
        citizen_id=citizen_id,
        service_code="SHOP-LICENCE",
        answers=dict(SHOP_ANSWERS),
        documents=filed_documents(world, caller, "SHOP-LICENCE", key),
        amount=Decimal("325.00"),  # 300 fee + 25 posted charge of MED-C01
        payment_method=PaymentMethod.MADA,
        identity_check=EVIDENCE,
        idempotency_key=key,
        pos_slip=slip_for(f"{caller.principal.centre_id}#{key}"),
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def sms_events(world: IdentityWorld, request_id: str) -> list[str]:
    return [key.split("#", 2)[2] for (_, key) in world.notification_store.items if key.startswith(f"REQ#{request_id}#")]


def test_submitting_records_the_request_fee_and_sms_and_forwards_to_the_first_agency(
    world: IdentityWorld, citizen_id: str
) -> None:
    submitted = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    request_id = submitted.file.request.request_id
    file = world.requests.get_file(request_id)
    assert file is not None
    request = file.request
    assert request.tracking_number.startswith("MED-2611-")
    assert request.receipt_number == f"R-{request.tracking_number}"
    assert submitted.pin is not None
    assert len(submitted.pin) == 6
    assert submitted.pin not in str(request)
    assert file.payment is not None
    assert (file.payment.fee.halalas, file.payment.service_charge.halalas, file.payment.method) == (
        30000,
        2500,
        PaymentMethod.MADA,
    )
    assert request.status is RequestStatus.AT_AGENCIES
    assert [(h.agency_code, h.status) for h in file.handoffs] == [("COMMERCE", HandoffStatus.FORWARDED)]
    assert [e.event for e in file.history] == ["SUBMITTED", "FORWARDED"]
    assert sms_events(world, request_id) == ["SUBMITTED"]
    assert world.machine.started == [f"{request_id}-1"]
    audit = [r for r in world.log.records if r.target == f"request:{request_id}" and r.action == "submitServiceRequest"]
    assert [r.outcome for r in audit] == [Outcome.ALLOWED]


def test_a_repeat_with_the_same_key_returns_the_first_answer_and_does_nothing_else(
    world: IdentityWorld, citizen_id: str
) -> None:
    first = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    applied = world.requests.applied
    again = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    assert again.file.request.request_id == first.file.request.request_id
    assert first.pin is not None
    assert again.pin is None  # shown on the first answer only: it is kept nowhere but as a hash
    assert world.requests.applied == applied
    assert len(world.machine.started) == 1
    assert first.pin not in repr(world.guard.results)  # what the guard keeps for repeats


def test_the_same_key_with_another_payload_is_refused(world: IdentityWorld, citizen_id: str) -> None:
    world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    with pytest.raises(Conflict) as raised:
        world.submission.submit_service_request(
            OPERATOR, shop_form(world, citizen_id, payment_method=PaymentMethod.CASH)
        )
    assert raised.value.code is ErrorCode.IDEMPOTENCY_KEY_REUSED
    assert len(world.requests.files) == 1


def test_after_the_idempotency_record_expired_the_business_key_still_prevents_a_second_request(
    world: IdentityWorld, citizen_id: str
) -> None:
    first = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    world.guard.results.clear()  # the guard's record expired
    again = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    assert again.file.request.request_id == first.file.request.request_id
    assert again.pin is None
    assert len(world.requests.files) == 1
    world.guard.results.clear()
    with pytest.raises(Conflict):
        world.submission.submit_service_request(
            OPERATOR, shop_form(world, citizen_id, amount=Decimal("325.0"), payment_method=PaymentMethod.CARD)
        )


def test_the_same_key_at_another_centre_is_another_request(world: IdentityWorld, citizen_id: str) -> None:
    one = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    other = world.submission.submit_service_request(OTHER_CENTRE, shop_form(world, citizen_id, caller=OTHER_CENTRE))
    assert one.file.request.request_id != other.file.request.request_id


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"citizen_id": "nobody"}, ErrorCode.NOT_FOUND),
        ({"service_code": "NO-SUCH"}, ErrorCode.NOT_FOUND),
        ({"answers": {"shopAreaSqm": "40"}}, ErrorCode.FORM_FIELD_REQUIRED),
        ({"answers": {**SHOP_ANSWERS, "colour": "red"}}, ErrorCode.FORM_FIELD_UNKNOWN),
        ({"answers": {**SHOP_ANSWERS, "shopAreaSqm": "forty"}}, ErrorCode.FORM_FIELD_TYPE),
        ({"answers": {**SHOP_ANSWERS, "activity": "CASINO"}}, ErrorCode.FORM_FIELD_CHOICE),
        ({"answers": {**SHOP_ANSWERS, "signboard": "maybe"}}, ErrorCode.FORM_FIELD_TYPE),
        ({"documents": lambda ids: ids[1:]}, ErrorCode.DOCUMENT_MISSING),
        ({"documents": lambda ids: [*ids, "no-such-document"]}, ErrorCode.DOCUMENT_NOT_ATTACHED),
        ({"documents": lambda ids: [*ids, ids[0]]}, ErrorCode.DOCUMENT_DUPLICATE),
        ({"amount": Decimal("300.00")}, ErrorCode.FEE_MISMATCH),
        ({"amount": Decimal("400.00")}, ErrorCode.FEE_MISMATCH),
        ({"idempotency_key": ""}, ErrorCode.IDEMPOTENCY_KEY_REQUIRED),
        ({"idempotency_key": "short"}, ErrorCode.IDEMPOTENCY_KEY_REQUIRED),
        ({"identity_check": None}, ErrorCode.EVIDENCE_REQUIRED),
        (
            {"identity_check": replace(EVIDENCE, expires_on=DateEntry.gregorian(TODAY - timedelta(days=1)))},
            ErrorCode.EVIDENCE_EXPIRED,
        ),
        (
            {"identity_check": replace(EVIDENCE, expires_on=DateEntry("1450-01-01", DateCalendar.GREGORIAN))},
            ErrorCode.DATE_CALENDAR_MISMATCH,
        ),
        (
            {"identity_check": replace(EVIDENCE, expires_on=DateEntry("1447-02-30", DateCalendar.HIJRI))},
            ErrorCode.DATE_INVALID,
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written_started_or_texted(
    world: IdentityWorld, citizen_id: str, changes: dict[str, object], code: ErrorCode
) -> None:
    form = shop_form(world, citizen_id)
    if callable(changes.get("documents")):
        changes = {"documents": changes["documents"](form.documents)}  # type: ignore[operator]
    sms_before = len(world.notification_store.items)
    with pytest.raises(DomainError) as raised:
        world.submission.submit_service_request(OPERATOR, replace(form, **changes))  # type: ignore[arg-type]
    assert raised.value.code is code
    assert world.requests.files == {}
    assert world.machine.started == []
    assert len(world.notification_store.items) == sms_before


def test_an_inactive_centre_files_nothing(world: IdentityWorld, citizen_id: str) -> None:
    suspended = Caller(Principal("op-3", Role.CENTRE_OPERATOR, centre_id="MED-C03"), "corr")
    with pytest.raises(ValidationFailed) as raised:
        world.submission.submit_service_request(suspended, shop_form(world, citizen_id))
    assert raised.value.code is ErrorCode.CENTRE_INACTIVE
    assert world.requests.files == {}


def walk_to_completion(world: IdentityWorld, request_id: str) -> None:
    for stage in ([("COMMERCE")], ["MUNICIPALITY", "CIVIL-DEFENCE"]):
        for agency in stage:
            world.window.acknowledge_receipt(officer(agency), request_id)
        for agency in stage:
            world.window.complete_step(officer(agency), request_id, "done")


def test_the_whole_route_with_a_parallel_stage_reaches_the_centre_and_is_delivered(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.window.complete_step(officer("COMMERCE"), request_id, "register verified")
    file = world.requests.get_file(request_id)
    assert file is not None
    assert sorted(h.agency_code for h in file.handoffs if h.status is HandoffStatus.FORWARDED) == [
        "CIVIL-DEFENCE",
        "MUNICIPALITY",
    ]
    for agency in ("MUNICIPALITY", "CIVIL-DEFENCE"):
        world.window.acknowledge_receipt(officer(agency), request_id)
    world.window.complete_step(officer("MUNICIPALITY"), request_id, None)
    assert world.requests.get_file(request_id).request.status is RequestStatus.AT_AGENCIES  # type: ignore[union-attr]
    world.window.complete_step(officer("CIVIL-DEFENCE"), request_id, None)
    assert world.requests.get_file(request_id).request.status is RequestStatus.COMPLETED_AT_CENTRE  # type: ignore[union-attr]
    world.desk.confirm_delivery(OPERATOR, request_id)
    final = world.requests.get_file(request_id)
    assert final is not None
    assert final.request.status is RequestStatus.DELIVERED
    assert sms_events(world, request_id) == [
        "SUBMITTED",
        "RECEIVED#1#COMMERCE#1",
        "RECEIVED#2#MUNICIPALITY#1",
        "RECEIVED#2#CIVIL-DEFENCE#1",
        "COMPLETED",
    ]
    received = world.notification_store.items[(citizen_id, f"REQ#{request_id}#RECEIVED#1#COMMERCE#1")]
    assert received.values["time"] == "28/11 12:30"  # 09:30 UTC is 12:30 in Riyadh
    assert received.values["agency"] == "فرع التجارة"


def test_the_last_steps_completion_returns_the_transaction_to_the_centre_in_the_same_change(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.window.complete_step(officer("COMMERCE"), request_id, None)
    for agency in ("MUNICIPALITY", "CIVIL-DEFENCE"):
        world.window.acknowledge_receipt(officer(agency), request_id)
    world.window.complete_step(officer("MUNICIPALITY"), request_id, None)
    world.machine.hold = True  # nothing the state machine publishes from here on reaches the application
    answer = world.window.complete_step(officer("CIVIL-DEFENCE"), request_id, None)
    assert answer.request.status is RequestStatus.COMPLETED_AT_CENTRE
    assert answer.request.completed_at == world.clock.now()
    assert [h.event for h in answer.history][-2:] == ["COMPLETED", "COMPLETED_AT_CENTRE"]
    assert sms_events(world, request_id)[-1] == "COMPLETED"
    kinds = [(e.kind, e.agency_code) for e in world.events.published if e.request_id == request_id]
    assert kinds[-2:] == [("COMPLETED", "CIVIL-DEFENCE"), ("COMPLETED_AT_CENTRE", None)]
    assert [k for k, _ in kinds].count("COMPLETED_AT_CENTRE") == 1  # the first completion of the stage was not last
    assert world.machine.outbox == []  # the route ended with that release: nothing announced
    world.machine.hold = False
    # an execution of the earlier definition still announces the route's end: nothing happens twice
    world.routing.handle(HandoffEvent("ROUTE_COMPLETED", request_id))
    after = world.requests.get_file(request_id)
    assert after is not None
    assert after.request.version == answer.request.version
    assert sms_events(world, request_id).count("COMPLETED") == 1


def test_a_return_goes_back_to_the_same_agency_after_the_centre_resubmits(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.window.return_to_centre(officer("COMMERCE"), request_id, ["lease signed by both parties"])
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.request.status is RequestStatus.RETURNED_TO_CENTRE
    assert file.handoffs[0].missing_items == ("lease signed by both parties",)
    world.desk.resubmit_request(OPERATOR, request_id, None, None)
    again = world.requests.get_file(request_id)
    assert again is not None
    assert again.request.status is RequestStatus.AT_AGENCIES
    assert [(h.agency_code, h.status, h.round) for h in again.handoffs] == [("COMMERCE", HandoffStatus.FORWARDED, 2)]
    assert "RETURNED#1#COMMERCE#1" in sms_events(world, request_id)


def test_a_rejection_ends_the_route_and_closes_the_parallel_step(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.window.complete_step(officer("COMMERCE"), request_id, None)
    world.window.acknowledge_receipt(officer("MUNICIPALITY"), request_id)
    world.window.reject_request(officer("MUNICIPALITY"), request_id, "zoning does not allow retail")
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.request.status is RequestStatus.REJECTED
    statuses = {h.agency_code: h.status for h in file.handoffs}
    assert statuses == {
        "COMMERCE": HandoffStatus.COMPLETED,
        "MUNICIPALITY": HandoffStatus.REJECTED,
        "CIVIL-DEFENCE": HandoffStatus.CANCELLED,
    }
    assert [error for _, error in world.machine.failed] == ["RequestRejected"]
    assert world.machine.waiting(request_id) == []
    assert sms_events(world, request_id)[-1] == "REJECTED"
    for late in (officer("CIVIL-DEFENCE"), officer("MUNICIPALITY"), officer("COMMERCE")):  # each may still read it
        with pytest.raises(Conflict) as raised:
            world.window.acknowledge_receipt(late, request_id)
        assert raised.value.code is ErrorCode.REQUEST_STATE
    with pytest.raises(NotFound):
        world.window.acknowledge_receipt(officer("PASSPORTS"), request_id)  # never had it


def test_a_reject_needs_a_reason_and_a_return_needs_its_missing_items(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    with pytest.raises(ValidationFailed) as reason:
        world.window.reject_request(officer("COMMERCE"), request_id, "  ")
    assert reason.value.code is ErrorCode.REASON_REQUIRED
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    with pytest.raises(ValidationFailed) as items:
        world.window.return_to_centre(officer("COMMERCE"), request_id, [" "])
    assert items.value.code is ErrorCode.MISSING_ITEMS_REQUIRED


def test_cancelling_before_any_receipt_refunds_and_ends_the_route(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.desk.cancel_request(OPERATOR, request_id, "citizen changed their mind")
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.request.status is RequestStatus.CANCELLED
    assert file.payment is not None
    assert file.payment.refunded_at is not None
    assert [error for _, error in world.machine.failed] == ["RequestCancelled"]
    assert sms_events(world, request_id)[-1] == "CANCELLED"
    assert world.notification_store.items[(citizen_id, f"REQ#{request_id}#CANCELLED")].values["amount"] == "325.00"


def test_cancelling_after_a_receipt_is_too_late(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    with pytest.raises(Conflict) as raised:
        world.desk.cancel_request(OPERATOR, request_id, None)
    assert raised.value.code is ErrorCode.CANCEL_TOO_LATE


def test_acting_outside_ones_window_or_centre_is_not_found_and_in_the_wrong_state_a_conflict(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    for caller, act in (
        (officer("PASSPORTS"), lambda c: world.window.acknowledge_receipt(c, request_id)),
        (officer("MUNICIPALITY"), lambda c: world.window.complete_step(c, request_id, None)),
        (OTHER_CENTRE, lambda c: world.desk.cancel_request(c, request_id, None)),
        (OTHER_CENTRE, lambda c: world.tracking.request(c, request_id)),
    ):
        with pytest.raises(NotFound):
            act(caller)
        assert world.log.records[-1].outcome is Outcome.DENIED
    with pytest.raises(Conflict):
        world.window.complete_step(officer("COMMERCE"), request_id, None)  # not acknowledged yet
    with pytest.raises(Conflict):
        world.desk.confirm_delivery(OPERATOR, request_id)


def test_a_decision_made_before_its_token_arrives_is_released_when_it_does(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.machine.hold = True
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)  # releases receipt; completion token held back
    world.window.complete_step(officer("COMMERCE"), request_id, None)  # decided, no token yet
    # the stage is done: its completion starts the next stage at once; the held wait waits for its token
    assert sorted(world.machine.waiting(request_id)) == [
        ("CIVIL-DEFENCE", "AWAIT_RECEIPT"),
        ("COMMERCE", "AWAIT_COMPLETION"),
        ("MUNICIPALITY", "AWAIT_RECEIPT"),
    ]
    world.machine.hold = False
    world.machine.flush()
    assert ("COMMERCE", "AWAIT_COMPLETION") not in world.machine.waiting(request_id)  # released with its token
    file = world.requests.get_file(request_id)
    assert file is not None
    assert sorted(h.agency_code for h in file.handoffs if h.status is HandoffStatus.FORWARDED) == [
        "CIVIL-DEFENCE",
        "MUNICIPALITY",
    ]


def test_a_decision_that_meets_the_workflows_token_write_is_made_once_more(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.machine.hold = True
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)  # the completion wait's token held back
    apply = world.requests.apply

    def token_lands_first(change: RequestChange) -> None:
        world.requests.apply = apply  # type: ignore[method-assign]
        world.machine.hold = False
        world.machine.flush()  # the token's write lands between the officer's read and write
        apply(change)

    world.requests.apply = token_lands_first  # type: ignore[method-assign]
    file = world.window.complete_step(officer("COMMERCE"), request_id, None)
    handoff = file.handoff(1, "COMMERCE")
    assert handoff is not None
    assert (handoff.status, handoff.decision_released) == (HandoffStatus.COMPLETED, True)
    assert ("COMMERCE", "AWAIT_COMPLETION") not in world.machine.waiting(request_id)
    assert [e.event for e in file.history].count("COMPLETED") == 1


def test_a_decision_that_meets_another_officers_is_refused_as_out_of_date(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    apply = world.requests.apply

    def another_officer_first(change: RequestChange) -> None:
        world.requests.apply = apply  # type: ignore[method-assign]
        world.window.reject_request(officer("COMMERCE"), request_id, "the deed does not match")
        apply(change)

    world.requests.apply = another_officer_first  # type: ignore[method-assign]
    with pytest.raises(Conflict) as refused:
        world.window.complete_step(officer("COMMERCE"), request_id, None)
    assert refused.value.code is ErrorCode.REQUEST_STATE
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.request.status is RequestStatus.REJECTED


def test_a_redelivered_message_changes_nothing(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    file = world.requests.get_file(request_id)
    assert file is not None
    handoff = file.handoffs[0]
    applied = world.requests.applied
    world.routing.awaiting_receipt(request_id, 1, "COMMERCE", handoff.receipt_token or "")
    assert world.requests.applied == applied


def test_a_wait_past_its_sla_escalates_and_a_late_acknowledgement_still_lands(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    stale = world.machine.time_out(request_id, "COMMERCE")
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.handoffs[0].escalations == 1
    assert file.handoffs[0].receipt_token != stale
    assert file.history[-1].event == "OVERDUE"
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    assert world.machine.waiting(request_id) == [("COMMERCE", "AWAIT_COMPLETION")]


def test_an_acknowledgement_whose_token_went_stale_is_released_by_the_next_token(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.machine.hold = True
    world.machine.time_out(request_id, "COMMERCE")  # the fresh token is held back: ours is stale
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    assert world.machine.waiting(request_id) == [("COMMERCE", "PLAN_WAIT")]  # the receipt wait, planned again
    world.machine.hold = False
    world.machine.flush()
    assert world.machine.waiting(request_id) == [("COMMERCE", "AWAIT_COMPLETION")]


def test_public_tracking_needs_the_pin_and_locks_after_five_wrong_ones(world: IdentityWorld, citizen_id: str) -> None:
    """The right PIN on a locked number says it is locked, and until when; a number never issued locks
    the same way after five tries, so the lock confirms nothing to a stranger (item 6)."""
    submitted = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id))
    number, pin = submitted.file.request.tracking_number, submitted.pin or ""
    public = Caller(ANONYMOUS, "c", source="198.51.100.7")
    assert world.tracking.track(public, number.lower(), pin).request.request_id == submitted.file.request.request_id
    wrong = "000000" if pin != "000000" else "111111"
    never_issued = "MED-0000-000000"
    for candidate in (number, never_issued):
        for _ in range(5):
            with pytest.raises(ValidationFailed) as raised:
                world.tracking.track(public, candidate, wrong)
            assert raised.value.code is ErrorCode.TRACKING_FAILED
        with pytest.raises(TryLater) as locked:
            world.tracking.track(public, candidate, pin)
        assert (locked.value.code, locked.value.retry_after) == (
            ErrorCode.TRACKING_LOCKED,
            world.clock.now() + timedelta(minutes=15),
        )
    world.clock.at += timedelta(minutes=15)
    assert world.tracking.track(public, number, pin).request.request_id == submitted.file.request.request_id


def test_the_sweeper_starts_a_route_that_did_not_start(world: IdentityWorld, citizen_id: str) -> None:
    world.machine.down = True
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    assert world.requests.get_file(request_id).request.status is RequestStatus.SUBMITTED  # type: ignore[union-attr]
    world.machine.down = False
    world.clock.at += timedelta(minutes=1)
    assert world.route_stages.start_stranded(timedelta(minutes=2)) == 0  # not yet: the filing may still start it
    world.clock.at += timedelta(minutes=4)
    assert world.route_stages.start_stranded(timedelta(minutes=2)) == 1
    assert world.machine.started == [f"{request_id}-1"]
    assert world.requests.get_file(request_id).request.status is RequestStatus.AT_AGENCIES  # type: ignore[union-attr]
    assert world.route_stages.start_stranded(timedelta(minutes=2)) == 0  # off the list once an agency has it


def test_the_completion_that_ends_a_stage_starts_the_next_and_the_sweeper_does_if_it_could_not(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.machine.down = True
    world.window.complete_step(officer("COMMERCE"), request_id, None)
    file = world.requests.get_file(request_id)
    assert file is not None
    assert (file.request.status, file.stage_to_start()) == (RequestStatus.AT_AGENCIES, 2)
    assert world.machine.started == [f"{request_id}-1"]
    assert world.window.window(officer("MUNICIPALITY"), None, PageRequest()).items == []
    world.machine.down = False
    world.clock.at += timedelta(minutes=5)
    assert world.route_stages.start_stranded(timedelta(minutes=2)) == 1
    assert world.machine.started == [f"{request_id}-1", f"{request_id}-2"]
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.stage_to_start() is None
    assert sorted((h.stage, h.agency_code, h.status) for h in file.handoffs) == [
        (1, "COMMERCE", HandoffStatus.COMPLETED),
        (2, "CIVIL-DEFENCE", HandoffStatus.FORWARDED),
        (2, "MUNICIPALITY", HandoffStatus.FORWARDED),
    ]
    due = world.levels.due(file.request, 2, "MUNICIPALITY", SlaPhase.RECEIPT, world.clock.now())
    assert file.handoff(2, "MUNICIPALITY").due_at == due  # type: ignore[union-attr]  # planned by the starter
    assert world.route_stages.start_stranded(timedelta(minutes=2)) == 0


def test_lists_for_the_citizen_the_centre_and_the_window(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    mine = world.tracking.my_requests(Caller(Principal(citizen_id, Role.CITIZEN), "c"), PageRequest())
    assert [r.request_id for r in mine.items] == [request_id]
    window = world.window.window(officer("COMMERCE"), None, PageRequest())
    assert [h.request_id for h in window.items] == [request_id]
    assert world.window.window(officer("MUNICIPALITY"), None, PageRequest()).items == []
    since, until = world.clock.now() - timedelta(days=1), world.clock.now() + timedelta(days=1)
    listed = world.desk.centre_requests(OPERATOR, RequestStatus.AT_AGENCIES, since, until, PageRequest())
    assert [r.request_id for r in listed.items] == [request_id]
    assert world.desk.centre_requests(OTHER_CENTRE, None, since, until, PageRequest()).items == []


def test_every_change_is_told_as_a_request_event_without_personal_data(world: IdentityWorld, citizen_id: str) -> None:
    request_id = world.submission.submit_service_request(OPERATOR, shop_form(world, citizen_id)).file.request.request_id
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    kinds = [(e.kind, e.agency_code) for e in world.events.published if e.request_id == request_id]
    assert kinds == [
        ("SUBMITTED", None),
        ("FORWARDED", "COMMERCE"),
        ("RECEIVED", "COMMERCE"),
    ]  # the processing wait's token is kept with the hand-off, untold: the acknowledgement said it
    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.handoffs[0].completion_token is not None
    assert [e.event for e in file.history] == ["SUBMITTED", "FORWARDED", "RECEIVED"]
    submitted = world.events.published[0]
    assert (submitted.amount_halalas, submitted.posted_charge_halalas) == (32500, 2500)
    assert citizen_id not in str(world.events.published)
