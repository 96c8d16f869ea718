"""The licensing lifecycle of a centre, on in-memory fakes: register, license, suspend, reinstate,
revoke; every change audited and told to the centre; only a serving centre takes new work."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.catalogue import LocalizedText
from functions.domain.centre import CentreStatus
from functions.domain.centre_notice import NoticeKind
from functions.domain.centre_profile import ChecklistItem, GeoPoint, Weekday, WorkingHours
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import Conflict, DomainError, ErrorCode, Forbidden, NotFound, ValidationFailed
from functions.domain.money import Money
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld
from tests.support.monitoring import CHECKLIST, NO_BACKUP_LINE, registration

MONITOR = Caller(Principal("mon-1", Role.MONITOR), "corr")
NEW_OPERATOR = Caller(Principal("op-10", Role.CENTRE_OPERATOR, centre_id="MED-C10"), "corr")
OTHER_OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
NEXT_YEAR = TODAY + timedelta(days=365)
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    return world


def changes_written(world: IdentityWorld) -> tuple[int, int, int]:
    allowed = [r for r in world.log.records if r.outcome is Outcome.ALLOWED]
    return len(world.centres.centres), len(world.registry.notices), len(allowed)


def licensed(world: IdentityWorld) -> None:
    world.licensing.register_centre(MONITOR, registration())
    world.licensing.license_centre(MONITOR, "MED-C10", NEXT_YEAR, None)


def submission(world: IdentityWorld, key: str, *, uploaded: bool = True) -> SubmissionForm:
    """A filing at MED-C10; ``uploaded=False``: its documents never uploaded (a centre that may not work
    cannot upload them either), so only the centre check can be the refusal's reason."""
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
    citizen = (
        next(iter(world.people.citizens.values()), None)
        or world.records.open_citizen_record(NEW_OPERATOR, form).citizen
    )
    return SubmissionForm(
        citizen.citizen_id,
        "NID-RENEW",
        {"reason": "EXPIRED", "deliveryDistrict": "SULTANAH"},
        filed_documents(world, NEW_OPERATOR, "NID-RENEW", key) if uploaded else ["never-uploaded"],
        Decimal("125.00"),
        PaymentMethod.CASH,
        EVIDENCE,
        key,
    )


def test_a_registered_centre_is_on_file_and_serves_nobody_yet(world: IdentityWorld) -> None:
    centre = world.licensing.register_centre(MONITOR, registration())
    assert centre.status is CentreStatus.REGISTERED
    assert centre.licence_expires_on is None
    assert not centre.can_serve(TODAY)
    assert world.registry.get_centre("MED-C10") == centre
    assert [n.kind for n in world.registry.notices] == [NoticeKind.REGISTERED]
    assert [(r.action, r.target) for r in world.log.records] == [("registerCentre", "centre:MED-C10")]
    with pytest.raises(ValidationFailed) as refused:
        world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-before-licence", uploaded=False))
    assert refused.value.code is ErrorCode.CENTRE_INACTIVE


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"district": "DOWNTOWN"}, ErrorCode.DISTRICT_UNKNOWN),
        ({"centre_id": "med c10"}, ErrorCode.CODE_INVALID),
        ({"licence_number": "12"}, ErrorCode.LICENCE_NUMBER_INVALID),
        ({"licence_number": "NO-DIGITS-HERE"}, ErrorCode.LICENCE_NUMBER_INVALID),
        ({"operator_company": "  "}, ErrorCode.OPERATOR_COMPANY_REQUIRED),
        ({"sms_name": LocalizedText("مركز سلطانة الجديد للخدمات", "Sultanah Centre")}, ErrorCode.NAME_INVALID),
        ({"name": LocalizedText("", "Sultanah")}, ErrorCode.NAME_REQUIRED),
        ({"service_charge": Money.sar("150")}, ErrorCode.SERVICE_CHARGE_INVALID),
    ],
)
def test_a_bad_registration_is_refused_with_its_code_and_nothing_is_written(
    world: IdentityWorld, changes: dict[str, object], code: ErrorCode
) -> None:
    before = changes_written(world)
    with pytest.raises(DomainError) as refused:
        world.licensing.register_centre(MONITOR, registration(**changes))
    assert refused.value.code is code
    assert changes_written(world) == before


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: GeoPoint(21.5, 39.2), ErrorCode.LOCATION_INVALID),  # Jeddah
        (lambda: WorkingHours((Weekday.SAT,), time(22), time(8)), ErrorCode.WORKING_HOURS_INVALID),
        (lambda: WorkingHours((), time(8), time(22)), ErrorCode.WORKING_HOURS_INVALID),
        (lambda: replace(CHECKLIST, certified_staff=9), ErrorCode.VALIDATION_FAILED),
    ],
)
def test_locations_hours_and_checklists_are_checked_where_they_are_made(build: object, code: ErrorCode) -> None:
    with pytest.raises(ValidationFailed) as refused:
        build()  # type: ignore[operator]
    assert refused.value.code is code


def test_an_id_or_a_licence_number_already_on_file_is_refused(world: IdentityWorld) -> None:
    world.licensing.register_centre(MONITOR, registration())
    with pytest.raises(Conflict) as same_id:
        world.licensing.register_centre(MONITOR, registration(licence_number="LIC-MED-2026-0099"))
    assert same_id.value.code is ErrorCode.ALREADY_EXISTS
    with pytest.raises(Conflict) as same_licence:
        world.licensing.register_centre(MONITOR, registration(centre_id="MED-C11"))
    assert same_licence.value.code is ErrorCode.LICENCE_NUMBER_TAKEN


def test_licensing_needs_a_future_expiry_and_the_checklist_met(world: IdentityWorld) -> None:
    world.licensing.register_centre(MONITOR, registration(checklist=NO_BACKUP_LINE))
    assert world.registry.get_centre("MED-C10").checklist.unmet() == (ChecklistItem.CONNECTIVITY,)  # type: ignore[union-attr]
    before = changes_written(world)
    for expires_on in (TODAY, TODAY - timedelta(days=1)):
        with pytest.raises(ValidationFailed) as past:
            world.licensing.license_centre(MONITOR, "MED-C10", expires_on, None)
        assert past.value.code is ErrorCode.LICENCE_DATE_PAST
    with pytest.raises(ValidationFailed) as unmet:
        world.licensing.license_centre(MONITOR, "MED-C10", NEXT_YEAR, None)
    assert unmet.value.code is ErrorCode.CHECKLIST_INCOMPLETE
    assert changes_written(world) == before
    licensed_centre = world.licensing.license_centre(MONITOR, "MED-C10", NEXT_YEAR, CHECKLIST)  # verified on site
    assert (licensed_centre.status, licensed_centre.licence_expires_on) == (CentreStatus.ACTIVE, NEXT_YEAR)
    assert licensed_centre.can_serve(TODAY)


def test_the_whole_lifecycle_is_audited_told_to_the_centre_and_decides_who_serves(world: IdentityWorld) -> None:
    licensed(world)
    world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-while-active"))
    suspended = world.licensing.suspend_centre(MONITOR, "MED-C10", "receipts not issued")
    assert (suspended.status, suspended.status_reason) == (CentreStatus.SUSPENDED, "receipts not issued")
    files = len(world.requests.files)
    with pytest.raises(ValidationFailed) as refused:
        world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-while-suspended", uploaded=False))
    assert refused.value.code is ErrorCode.CENTRE_INACTIVE
    assert len(world.requests.files) == files
    denied = [r for r in world.log.records if r.outcome is Outcome.DENIED]
    assert [(r.action, r.details["code"]) for r in denied] == [("submitServiceRequest", "CENTRE_INACTIVE")]
    world.licensing.reinstate_centre(MONITOR, "MED-C10", "receipt printer installed")
    world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-after-reinstating"))
    assert len(world.requests.files) == files + 1
    world.licensing.license_centre(MONITOR, "MED-C10", NEXT_YEAR + timedelta(days=365), None)  # renewal
    revoked = world.licensing.revoke_centre(MONITOR, "MED-C10", "repeated overcharging")
    assert revoked.status is CentreStatus.REVOKED
    notices = world.licensing.notices(NEW_OPERATOR, "MED-C10", PageRequest()).items
    assert [n.kind for n in reversed(notices)] == [
        NoticeKind.REGISTERED,
        NoticeKind.LICENSED,
        NoticeKind.SUSPENDED,
        NoticeKind.REINSTATED,
        NoticeKind.LICENSED,
        NoticeKind.REVOKED,
    ]
    assert "receipts not issued" in notices[3].text.en
    assert "repeated overcharging" in notices[0].text.ar
    centre_audit = [
        r.action for r in world.log.records if r.target == "centre:MED-C10" and r.outcome is Outcome.ALLOWED
    ]
    assert centre_audit == [
        "registerCentre",
        "licenseCentre",
        "suspendCentre",
        "reinstateCentre",
        "licenseCentre",
        "revokeCentre",
    ]
    for change in (
        lambda: world.licensing.reinstate_centre(MONITOR, "MED-C10", None),
        lambda: world.licensing.license_centre(MONITOR, "MED-C10", NEXT_YEAR, None),
        lambda: world.licensing.suspend_centre(MONITOR, "MED-C10", "again"),
    ):
        with pytest.raises(Conflict) as final:
            change()
        assert final.value.code is ErrorCode.CENTRE_STATE


def test_an_expired_licence_serves_nobody_until_it_is_renewed(world: IdentityWorld) -> None:
    licensed(world)
    world.clock.at += timedelta(days=366)
    with pytest.raises(ValidationFailed) as refused:
        world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-after-expiry", uploaded=False))
    assert refused.value.code is ErrorCode.CENTRE_INACTIVE
    world.licensing.license_centre(MONITOR, "MED-C10", world.clock.at.date() + timedelta(days=30), None)
    world.submission.submit_service_request(NEW_OPERATOR, submission(world, "key-after-renewal"))


def test_a_suspension_needs_a_reason_and_an_active_centre(world: IdentityWorld) -> None:
    licensed(world)
    with pytest.raises(ValidationFailed) as no_reason:
        world.licensing.suspend_centre(MONITOR, "MED-C10", "   ")
    assert no_reason.value.code is ErrorCode.REASON_REQUIRED
    with pytest.raises(Conflict) as not_suspended:
        world.licensing.reinstate_centre(MONITOR, "MED-C10", None)
    assert not_suspended.value.code is ErrorCode.CENTRE_STATE


def test_only_the_monitor_licenses_and_an_operator_sees_only_their_own_centre(world: IdentityWorld) -> None:
    licensed(world)
    with pytest.raises(Forbidden):
        world.licensing.suspend_centre(NEW_OPERATOR, "MED-C10", "self-suspension")
    assert world.licensing.centre(NEW_OPERATOR, "MED-C10").centre_id == "MED-C10"
    with pytest.raises(NotFound):
        world.licensing.centre(OTHER_OPERATOR, "MED-C10")
    with pytest.raises(NotFound):
        world.licensing.notices(OTHER_OPERATOR, "MED-C10", PageRequest())
    with pytest.raises(NotFound):
        world.licensing.license_centre(MONITOR, "MED-C99", NEXT_YEAR, None)
    statuses = {c.centre_id: c.status for c in world.licensing.centres(MONITOR, None, PageRequest()).items}
    assert statuses["MED-C03"] is CentreStatus.SUSPENDED
    assert statuses["MED-C10"] is CentreStatus.ACTIVE
