"""The authorisation policy table, cell by cell (the API matrix in tests/api exercises it end to end)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.centre import CentreStatus
from functions.domain.errors import DomainError, ErrorCode, Forbidden, NotFound, Unauthenticated, ValidationFailed
from functions.domain.policy import (
    HIGH_RISK,
    POLICY,
    REQUIRES_SERVING_CENTRE,
    Operation,
    Owner,
    Scope,
    authorize,
    authorize_serving,
)
from functions.domain.principal import ANONYMOUS, Principal, Role
from tests.fakes.identity import NOW, centre

PRINCIPALS = {
    Role.CITIZEN: Principal("citizen-a", Role.CITIZEN),
    Role.CENTRE_OPERATOR: Principal("op-x", Role.CENTRE_OPERATOR, centre_id="MED-C01"),
    Role.AGENCY_OFFICER: Principal("off-p", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY"),
    Role.MONITOR: Principal("mon", Role.MONITOR),
    Role.ADMIN: Principal("adm", Role.ADMIN),
}
OWN = {
    Scope.SELF: lambda p: Owner(user_id=p.user_id),
    Scope.OWN_CENTRE: lambda p: Owner(centre_id=p.centre_id),
    Scope.OWN_AGENCY: lambda p: Owner(agency_codes=frozenset({p.agency_code or ""})),
    Scope.ANY: lambda p: Owner(user_id="someone", centre_id="MED-C02"),
}
OTHER = Owner(user_id="citizen-b", centre_id="MED-C02", agency_codes=frozenset({"PASSPORTS"}))

CELLS = [(operation, role) for operation in Operation for role in PRINCIPALS]


def test_every_operation_has_a_row() -> None:
    assert set(POLICY) == set(Operation)


@pytest.mark.parametrize(("operation", "role"), CELLS)
def test_each_cell_allows_own_and_denies_other_as_the_table_says(operation: Operation, role: Role) -> None:
    principal = PRINCIPALS[role]
    scope = POLICY[operation].get(role)
    if scope is None:
        with pytest.raises(Forbidden):
            authorize(principal, operation, OTHER)
        return
    assert authorize(principal, operation, OWN[scope](principal)) is scope
    if scope is Scope.ANY:
        assert authorize(principal, operation, OTHER) is scope
    else:
        with pytest.raises(NotFound):
            authorize(principal, operation, OTHER)


@pytest.mark.parametrize("operation", list(Operation))
def test_anonymous_is_never_allowed_a_protected_operation(operation: Operation) -> None:
    with pytest.raises(Unauthenticated):
        authorize(ANONYMOUS, operation)


@given(
    st.sampled_from(list(PRINCIPALS.values())),
    st.sampled_from(list(Operation)),
    st.builds(Owner, st.sampled_from([None, "citizen-a", "citizen-b"]), st.sampled_from([None, "MED-C01", "MED-C02"])),
)
def test_a_scoped_grant_never_reaches_another_tenants_object(
    principal: Principal, operation: Operation, owner: Owner
) -> None:
    scope = POLICY[operation].get(principal.role)
    try:
        authorize(principal, operation, owner)
    except DomainError:
        return
    if scope is not Scope.ANY:
        assert owner.user_id == principal.user_id or owner.centre_id == principal.centre_id


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (["citizen"], Principal("u", Role.CITIZEN)),
        (["center-operator", "centre:MED-C01"], Principal("u", Role.CENTRE_OPERATOR, centre_id="MED-C01")),
        (["agency:MUNICIPALITY", "agency-officer"], Principal("u", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")),
        (["center-operator"], None),
        (["citizen", "admin"], None),
        (["agency-officer", "centre:MED-C01"], None),
        (["monitor", "centre:MED-C01"], None),
        ([], None),
    ],
)
def test_a_tokens_groups_make_one_consistent_principal(groups: list[str], expected: Principal | None) -> None:
    assert Principal.from_groups("u", groups) == expected


def granted(role: Role) -> dict[Operation, Scope]:
    return {operation: row[role] for operation, row in POLICY.items() if role in row}


def test_the_table_says_what_the_identity_issue_says() -> None:
    """Pinned in words, so a change to the table is a deliberate change here too."""
    # a citizen reads only their own record and requests
    assert granted(Role.CITIZEN) == {
        Operation.READ_CITIZEN: Scope.SELF,
        Operation.READ_ME: Scope.SELF,
        Operation.READ_REQUEST: Scope.SELF,
        Operation.LIST_MY_REQUESTS: Scope.SELF,
        Operation.REQUEST_UPDATES: Scope.SELF,
        Operation.RATE_CENTRE: Scope.SELF,
        Operation.FILE_COMPLAINT: Scope.SELF,
        Operation.READ_MY_FEEDBACK: Scope.SELF,
        Operation.CHANGE_MY_LANGUAGE: Scope.SELF,
        Operation.DOWNLOAD_DOCUMENT: Scope.SELF,
        Operation.LIST_MY_DOCUMENTS: Scope.SELF,
    }
    # an operator opens records at their own centre, looks anyone up (audited), reads their centre's records
    operator = granted(Role.CENTRE_OPERATOR)
    assert operator[Operation.OPEN_CITIZEN_RECORD] is Scope.OWN_CENTRE
    assert operator[Operation.LOOK_UP_CITIZEN] is Scope.ANY
    assert operator[Operation.READ_CITIZEN] is Scope.OWN_CENTRE
    # an operator files and follows only their own centre's requests
    for operation in (
        Operation.SUBMIT_SERVICE_REQUEST,
        Operation.READ_REQUEST,
        Operation.LIST_CENTRE_REQUESTS,
        Operation.RESUBMIT_REQUEST,
        Operation.CONFIRM_DELIVERY,
        Operation.CANCEL_REQUEST,
        Operation.REQUEST_UPDATES,
    ):
        assert operator[operation] is Scope.OWN_CENTRE
    # an agency officer works only their agency's window, and has no access to citizens' records as such
    officer = granted(Role.AGENCY_OFFICER)
    assert Operation.READ_CITIZEN not in officer
    calendar = {Operation.READ_ME, Operation.READ_BUSINESS_CALENDAR}
    assert {scope for operation, scope in officer.items() if operation not in calendar} == {Scope.OWN_AGENCY}
    assert set(officer) == {
        Operation.READ_ME,
        Operation.READ_BUSINESS_CALENDAR,
        Operation.READ_REQUEST,
        Operation.READ_AGENCY_WINDOW,
        Operation.ACKNOWLEDGE_RECEIPT,
        Operation.COMPLETE_STEP,
        Operation.REJECT_REQUEST,
        Operation.RETURN_TO_CENTRE,
        Operation.HANDOFF_EVENTS,
        Operation.DOWNLOAD_DOCUMENT,
    }
    # the monitor reads for oversight (masked) and the audit trail, and changes nothing
    assert granted(Role.MONITOR) == {
        Operation.READ_CITIZEN: Scope.ANY,
        Operation.READ_AUDIT_TRAIL: Scope.ANY,
        Operation.READ_ME: Scope.SELF,
        Operation.READ_REQUEST: Scope.ANY,
        Operation.REQUEST_UPDATES: Scope.ANY,
        **dict.fromkeys(MONITORING_OFFICE, Scope.ANY),
        Operation.MONITORING_ALERTS: Scope.ANY,
        Operation.READ_BUSINESS_CALENDAR: Scope.ANY,
        Operation.READ_CENTRE_MONEY: Scope.ANY,
        Operation.CLOSE_BUSINESS_DAY: Scope.ANY,
    }
    # admins manage the catalogue, the business calendar and staff, and read no citizen
    assert set(granted(Role.ADMIN)) == {
        Operation.DEFINE_AGENCY,
        Operation.DEFINE_SERVICE,
        Operation.READ_BUSINESS_CALENDAR,
        Operation.DEFINE_BUSINESS_CALENDAR,
        Operation.CREATE_STAFF_ACCOUNT,
        Operation.DISABLE_STAFF_ACCOUNT,
        Operation.READ_ME,
    }


def test_the_table_says_what_the_money_issue_says() -> None:
    """Pinned in words (issue 17): a centre reads its own money, remits its own cash and closes its own
    days; the monitoring office reads every centre's and closes days; nobody else touches money."""
    assert POLICY[Operation.READ_CENTRE_MONEY] == {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE, Role.MONITOR: Scope.ANY}
    assert POLICY[Operation.RECORD_REMITTANCE] == {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE}
    assert POLICY[Operation.CLOSE_BUSINESS_DAY] == {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE, Role.MONITOR: Scope.ANY}


def test_the_table_says_what_the_time_issue_says() -> None:
    """Pinned in words: the business calendar every SLA counts in is read by all staff and kept by
    administrators only (issue 13); citizens read due times on their requests, not the calendar."""
    assert set(POLICY[Operation.READ_BUSINESS_CALENDAR]) == {
        Role.CENTRE_OPERATOR,
        Role.AGENCY_OFFICER,
        Role.MONITOR,
        Role.ADMIN,
    }
    assert POLICY[Operation.DEFINE_BUSINESS_CALENDAR] == {Role.ADMIN: Scope.ANY}
    assert Operation.DEFINE_BUSINESS_CALENDAR in HIGH_RISK


def test_the_table_says_what_the_subscriptions_issue_says() -> None:
    """Pinned in words: who may subscribe to what (issue 5)."""
    # handoffEvents: agency officers only, and only their own agency's hand-offs (the agency from the token)
    assert POLICY[Operation.HANDOFF_EVENTS] == {Role.AGENCY_OFFICER: Scope.OWN_AGENCY}
    # requestUpdates: the request's citizen, its filing centre and the monitor (events carry no personal
    # data). Not agency officers: they hear their own agency's steps through handoffEvents, so an agency
    # never hears another agency's events, even on a request both work on. Never an administrator.
    assert POLICY[Operation.REQUEST_UPDATES] == {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.OWN_CENTRE,
        Role.MONITOR: Scope.ANY,
    }


MONITORING_OFFICE = {
    Operation.REGISTER_CENTRE,
    Operation.LICENSE_CENTRE,
    Operation.SUSPEND_CENTRE,
    Operation.REINSTATE_CENTRE,
    Operation.REVOKE_CENTRE,
    Operation.READ_CENTRE,
    Operation.LIST_CENTRES,
    Operation.READ_CENTRE_NOTICES,
    Operation.RECORD_INSPECTION,
    Operation.LIST_INSPECTIONS,
    Operation.CLOSE_FINDINGS,
    Operation.READ_CENTRE_PERFORMANCE,
    Operation.READ_REGION_OVERVIEW,
    Operation.READ_CENTRE_RANKING,
    Operation.LIST_ESCALATIONS,
    Operation.RESOLVE_ESCALATION,
    Operation.LIST_COMPLAINTS,
    Operation.RESOLVE_COMPLAINT,
}


def test_the_table_says_what_the_monitoring_issue_says() -> None:
    """Pinned in words: the office licenses, inspects and watches; centres see their own file; citizens give feedback."""
    # only the monitoring office licenses, inspects, reads figures, escalations and complaints — any centre
    for operation in MONITORING_OFFICE:
        assert POLICY[operation].get(Role.MONITOR) is Scope.ANY
    # a centre reads its own file, the notices it was sent and its inspections (open findings), nobody else's
    assert {op for op, scope in granted(Role.CENTRE_OPERATOR).items() if op in MONITORING_OFFICE} == {
        Operation.READ_CENTRE,
        Operation.READ_CENTRE_NOTICES,
        Operation.LIST_INSPECTIONS,
    }
    assert {granted(Role.CENTRE_OPERATOR)[op] for op in MONITORING_OFFICE & set(granted(Role.CENTRE_OPERATOR))} == {
        Scope.OWN_CENTRE
    }
    # citizens rate and complain about their own requests only; no one else does
    for operation in (Operation.RATE_CENTRE, Operation.FILE_COMPLAINT):
        assert POLICY[operation] == {Role.CITIZEN: Scope.SELF}
    # agencies and administrators have no part in it
    for role in (Role.AGENCY_OFFICER, Role.ADMIN):
        assert not set(granted(role)) & (MONITORING_OFFICE | {Operation.RATE_CENTRE, Operation.FILE_COMPLAINT})


def test_the_table_says_what_the_alerts_issue_says() -> None:
    """Pinned in words: SLA breaches and overdue follow-ups, live, for the monitoring office only (issue 7)."""
    # monitoringAlerts: the monitor, for every centre; escalations name requests, centres and agencies, so
    # no centre, agency, citizen or administrator hears them (they are refused FORBIDDEN, anonymous
    # UNAUTHENTICATED, by the policy)
    assert POLICY[Operation.MONITORING_ALERTS] == {Role.MONITOR: Scope.ANY}


def test_only_a_serving_centre_takes_new_work() -> None:
    """Only ACTIVE, unexpired centres open records, reissue passwords or file requests (in the policy)."""
    assert {
        Operation.OPEN_CITIZEN_RECORD,
        Operation.REISSUE_TEMPORARY_PASSWORD,
        Operation.SUBMIT_SERVICE_REQUEST,
        Operation.REQUEST_DOCUMENT_UPLOAD,
        Operation.ATTACH_DOCUMENT,
    } == set(REQUIRES_SERVING_CENTRE)
    today = NOW.date()
    for status in CentreStatus:
        for expires_in_days in (-1, 0, 30):
            centre_now = replace(centre(status=status), licence_expires_on=today + timedelta(days=expires_in_days))
            serves = status is CentreStatus.ACTIVE and expires_in_days >= 0
            for operation in Operation:
                refused = operation in REQUIRES_SERVING_CENTRE and not serves
                if refused:
                    with pytest.raises(ValidationFailed) as refusal:
                        authorize_serving(operation, centre_now, today)
                    assert refusal.value.code is ErrorCode.CENTRE_INACTIVE
                else:
                    authorize_serving(operation, centre_now, today)
    with pytest.raises(ValidationFailed):
        authorize_serving(Operation.SUBMIT_SERVICE_REQUEST, None, today)


def test_the_table_says_what_the_documents_issue_says() -> None:
    """Centres upload and attach for their own requests; downloads by the citizen (own), the centre (own)
    and the agency (its window, checked on the request's open hand-offs); the monitor and admins none."""
    for operation in (
        Operation.REQUEST_DOCUMENT_UPLOAD,
        Operation.ATTACH_DOCUMENT,
        Operation.LIST_DRAFT_DOCUMENTS,
    ):
        assert POLICY[operation] == {Role.CENTRE_OPERATOR: Scope.OWN_CENTRE}
    assert POLICY[Operation.DOWNLOAD_DOCUMENT] == {
        Role.CITIZEN: Scope.SELF,
        Role.CENTRE_OPERATOR: Scope.OWN_CENTRE,
        Role.AGENCY_OFFICER: Scope.OWN_AGENCY,
    }
    assert POLICY[Operation.LIST_MY_DOCUMENTS] == {Role.CITIZEN: Scope.SELF}
