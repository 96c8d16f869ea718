"""AUTH-08: a disabled staff account, or an operator of a centre suspended or revoked since the token
was issued, is refused on every staff operation, within 60 s, audited; its live connections close."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.catalogue import Agency, LocalizedText
from functions.domain.centre import CentreStatus
from functions.domain.errors import DomainError, ErrorCode, Unauthenticated
from functions.domain.policy import POLICY, Operation
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.domain.standing import CENTRE_WORK, STAFF_ROLES, CentreWork, Standing, authorize_standing
from functions.services.account_standing import DEFAULT_TTL, AccountStanding
from functions.services.caller import SYSTEM, Caller
from functions.services.request_documents import UploadDeclaration
from functions.services.request_submission import SubmissionForm
from functions.services.staff_accounts import StaffForm
from tests.fakes.identity import NOW, IdentityWorld, centre
from tests.fakes.live import LiveWorld

TENANTS = {
    Role.CENTRE_OPERATOR: {"centre_id": "MED-C01"},
    Role.AGENCY_OFFICER: {"agency_code": "MUNICIPALITY"},
    Role.MONITOR: {},
    Role.ADMIN: {},
}
STAFF_CELLS = [(operation, role) for operation, row in POLICY.items() for role in row if role in STAFF_ROLES]


def staff_member(world: IdentityWorld, role: Role, national_id: str = "1000001014") -> Caller:
    world.catalogue_repository.agencies["MUNICIPALITY"] = Agency("MUNICIPALITY", LocalizedText("أمانة", "Municipality"))
    tenant = TENANTS[role]
    form = StaffForm(role, national_id, "موظف", None, "0550000101", **tenant)
    staff = world.staff_accounts.create_staff_account(SYSTEM, form).staff
    return Caller(Principal(staff.user_id, role, **tenant), "corr", session="their-access-token")


@pytest.mark.parametrize(("operation", "role"), STAFF_CELLS, ids=[f"{o.value}-{r.value}" for o, r in STAFF_CELLS])
def test_a_disabled_account_does_no_staff_operation_and_each_refusal_is_audited(
    operation: Operation, role: Role
) -> None:
    world = IdentityWorld()
    caller = staff_member(world, role)
    world.authorizer.authorize(caller, operation, "target:x")  # in good standing: allowed (role check only)
    world.staff_accounts.disable_staff_account(SYSTEM, caller.principal.user_id)
    with pytest.raises(Unauthenticated) as refused:
        world.authorizer.authorize(caller, operation, "target:x")
    assert refused.value.code is ErrorCode.SESSION_ENDED
    denial = world.log.records[-1]
    assert (denial.actor, denial.action, denial.outcome, denial.details) == (
        caller.principal.user_id,
        operation.value,
        Outcome.DENIED,
        {"code": "SESSION_ENDED"},
    )


def test_the_issues_four_operations_are_refused_to_a_disabled_operator_through_their_use_cases() -> None:
    """cancelRequest (a refund), submitServiceRequest, lookupCitizen, requestDocumentUpload: each refused
    before it reads or writes anything of the request."""
    world = IdentityWorld()
    operator = staff_member(world, Role.CENTRE_OPERATOR)
    world.staff_accounts.disable_staff_account(SYSTEM, operator.principal.user_id)
    filing = SubmissionForm(
        "c-1", "NID-RENEW", {}, [], Decimal("125.00"), PaymentMethod.CASH, None, "key-after-disable"
    )
    upload = UploadDeclaration("PHOTO", "photo.jpg", "image/jpeg", 1000, "0" * 64, draft_key="key-after-disable")
    refusals = []
    for attempt in (
        lambda: world.desk.cancel_request(operator, "any-request", None),
        lambda: world.records.look_up_citizen(operator, "1000000008"),
        lambda: world.submission.submit_service_request(operator, filing),
        lambda: world.documents.request_upload(operator, upload),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        refusals.append(refused.value.code)
    assert refusals == [ErrorCode.SESSION_ENDED] * 4


def test_another_instance_refuses_within_its_memory_of_thirty_seconds() -> None:
    """A Lambda instance that read the account before the disable keeps it at most ``DEFAULT_TTL``."""
    world = IdentityWorld()
    caller = staff_member(world, Role.AGENCY_OFFICER)
    elsewhere = AccountStanding(staff=world.people, centres=world.centres, clock=world.clock)
    assert elsewhere.standing_of(caller.principal).account_active
    world.staff_accounts.disable_staff_account(SYSTEM, caller.principal.user_id)
    world.clock.at += DEFAULT_TTL - timedelta(seconds=1)
    assert elsewhere.standing_of(caller.principal).account_active  # still remembered
    world.clock.at += timedelta(seconds=1)
    assert not elsewhere.standing_of(caller.principal).account_active
    assert timedelta(seconds=60) >= DEFAULT_TTL
    world.clock.at = NOW


def test_the_instance_that_disables_forgets_at_once_and_a_centre_change_too() -> None:
    world = IdentityWorld()
    caller = staff_member(world, Role.CENTRE_OPERATOR)
    assert world.standing.standing_of(caller.principal).centre.status is CentreStatus.ACTIVE  # type: ignore[union-attr]
    world.licensing.suspend_centre(SYSTEM_MONITOR, "MED-C01", "inspection found no receipts")
    assert world.standing.standing_of(caller.principal).centre.status is CentreStatus.SUSPENDED  # type: ignore[union-attr]
    world.staff_accounts.disable_staff_account(SYSTEM, caller.principal.user_id)
    assert not world.standing.standing_of(caller.principal).account_active


SYSTEM_MONITOR = Caller(Principal("monitor-1", Role.MONITOR), "corr")


def test_every_operation_an_operator_may_do_is_one_kind_of_centre_work() -> None:
    assert set(CENTRE_WORK) == {operation for operation, row in POLICY.items() if Role.CENTRE_OPERATOR in row}


@pytest.mark.parametrize("status", list(CentreStatus))
@pytest.mark.parametrize("expires_in_days", [-1, 30])
def test_a_centres_standing_decides_each_kind_of_work(status: CentreStatus, expires_in_days: int) -> None:
    """NEW work: an ACTIVE, licensed centre only; IN_FLIGHT: any centre not REVOKED; READ: always."""
    operator = Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01")
    standing = Standing(centre=centre("MED-C01", status, expires_in_days))
    serves = status is CentreStatus.ACTIVE and expires_in_days >= 0
    for operation, work in CENTRE_WORK.items():
        allowed = {
            CentreWork.NEW: serves,
            CentreWork.IN_FLIGHT: status is not CentreStatus.REVOKED,
            CentreWork.READ: True,
        }[work]
        if allowed:
            authorize_standing(operation, operator, standing, NOW.date())
        else:
            with pytest.raises(DomainError) as refused:
                authorize_standing(operation, operator, standing, NOW.date())
            assert refused.value.code is ErrorCode.CENTRE_INACTIVE, operation


def test_an_operator_of_an_unknown_centre_reads_only_and_an_unlisted_operation_counts_as_new_work() -> None:
    operator = Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-GONE")
    authorize_standing(Operation.READ_ME, operator, Standing(), NOW.date())
    for operation in (Operation.CANCEL_REQUEST, Operation.LOOK_UP_CITIZEN, Operation.DEFINE_AGENCY):
        with pytest.raises(DomainError):
            authorize_standing(operation, operator, Standing(), NOW.date())


def test_a_revoked_centres_operator_cannot_refund_and_the_refusal_is_audited() -> None:
    world = IdentityWorld()
    operator = staff_member(world, Role.CENTRE_OPERATOR)
    world.centres.centres["MED-C01"] = replace(world.centres.centres["MED-C01"], status=CentreStatus.REVOKED)
    world.standing.forget_centre("MED-C01")
    with pytest.raises(DomainError) as refused:
        world.desk.cancel_request(operator, "any-request", None)
    assert refused.value.code is ErrorCode.CENTRE_INACTIVE
    assert (world.log.records[-1].action, world.log.records[-1].outcome) == ("cancelRequest", Outcome.DENIED)


def test_citizens_and_in_process_callers_have_nothing_to_stand_on() -> None:
    world = IdentityWorld()
    assert world.standing.standing_of(Principal("c-1", Role.CITIZEN)) == Standing()
    assert world.standing.standing_of(SYSTEM.principal).account_active  # no staff record: not disabled


# ---------------------------------------------------------------- live connections


HANDOFFS = "subscription { handoffEvents { kind } }"


def test_disabling_an_account_closes_its_live_connections_at_once() -> None:
    world = IdentityWorld()
    officer = staff_member(world, Role.AGENCY_OFFICER)
    colleague = staff_member(world, Role.AGENCY_OFFICER, national_id="1000001022")
    live = LiveWorld(world)
    for connection, who in (("mine-1", officer), ("mine-2", officer), ("theirs", colleague)):
        live.connected(connection, who.principal)
        live.subscribe(connection, "h", HANDOFFS)
    world.staff_accounts.disable_staff_account(SYSTEM, officer.principal.user_id)
    assert sorted(live.gateway.closed) == ["mine-1", "mine-2"]
    assert set(live.store.connections) == {"theirs"}
    assert {key[0] for key in live.store.subscriptions} == {"theirs"}


def test_a_subscription_that_raced_the_disable_hears_nothing_and_is_closed_by_the_fan_out() -> None:
    from tests.unit.test_live_fanout import Filed

    filed = Filed()
    officer = staff_member(filed.world, Role.AGENCY_OFFICER)
    live = LiveWorld(filed.world)
    live.connected("raced", officer.principal)
    live.subscribe("raced", "h", HANDOFFS)
    live.store.unlisted.add("raced")  # the disable finds no connection to close
    filed.world.staff_accounts.disable_staff_account(SYSTEM, officer.principal.user_id)
    delivery = live.fanout.deliver(filed.event(0, "MUNICIPALITY"))
    assert (delivery.sent, delivery.expired) == (0, 1)
    assert live.gateway.closed == ["raced"]
    assert [m for m in live.gateway.to("raced") if m["type"] == "next"] == []
