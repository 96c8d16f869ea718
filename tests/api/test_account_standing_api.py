"""AUTH-08 over the API: an administrator disables a member of staff, whose access token is still
valid; every staff operation it tries is refused ``SESSION_ENDED`` and audited, its live connections
are closed; an operator whose centre was revoked still reads, and moves no money.

The operations and their documents are those of the authorisation matrix (``CALLS``), run by a staff
account of each role the policy lets do them, on the objects of the matrix's target A — so each call
would succeed (or be refused for another reason) if the account were still in good standing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from functions.domain.centre import CentreStatus
from functions.domain.policy import POLICY, Operation
from functions.domain.principal import Role
from functions.domain.standing import STAFF_ROLES
from functions.local.live_client import LiveClient
from functions.services.caller import SYSTEM
from functions.services.staff_accounts import StaffForm
from tests.api.test_authorization_matrix import (  # the matrix's world and its live socket are fixtures here too
    CALLS,
    CENTRE_PRICES,
    SUBSCRIPTIONS,
    World,
    fresh_centre,
    live_socket,
    outcome,
    subscribe_over_socket,
    world,
)
from tests.support.aws import item_count, user_count
from tests.support.people import COMPLETE, SIGN_IN, unique_mobile, unique_national_id
from tests.support.transports import GraphQLClient
from tests.unit.test_account_standing import TENANTS

__all__ = ["live_socket", "world"]

CELLS = [(operation, role) for operation, row in POLICY.items() for role in row if role in STAFF_ROLES]
DISABLE = "mutation ($id: ID!) { disableStaffAccount(userId: $id) { __typename ... on Problem { code } } }"
PASSWORD = "their own password 2026"


@dataclass(frozen=True)
class Member:
    user_id: str
    national_id: str
    token: str


def new_member(world: World, role: Role) -> Member:
    """A staff account created by an administrator, signed in with a password of its own."""
    national_id = unique_national_id()
    form = StaffForm(role, national_id, "موظف", None, unique_mobile(), **TENANTS[role])
    created = world.container.use_cases.staff_accounts.create_staff_account(SYSTEM, form)
    return Member(created.staff.user_id, national_id, signed_in(world.client, national_id, created.temporary_password))


def signed_in(client: GraphQLClient, national_id: str, temporary_password: str) -> str:
    challenge = client.post(SIGN_IN, {"nationalId": national_id, "password": temporary_password}).data["signIn"]
    done = client.post(
        COMPLETE, {"nationalId": national_id, "session": challenge["session"], "newPassword": PASSWORD}
    ).data["completeNewPassword"]
    return str(done["accessToken"])


@pytest.fixture(scope="module")
def disabled(world: World) -> dict[Role, Member]:
    """One signed-in account of each staff role, then disabled by an administrator over the API."""
    members = {role: new_member(world, role) for role in STAFF_ROLES}
    for member in members.values():
        reply = world.client.post(DISABLE, {"id": member.user_id}, token=world.actors["admin"].token)
        assert reply.data["disableStaffAccount"]["__typename"] == "StaffProfile", reply.text
    return members


@pytest.mark.parametrize(("operation", "role"), CELLS, ids=[f"{o.value}-{r.value}" for o, r in CELLS])
def test_a_disabled_accounts_token_does_no_staff_operation(
    world: World, live_socket: str, disabled: dict[Role, Member], operation: Operation, role: Role
) -> None:
    member = disabled[role]
    query, variables, field = CALLS[operation](world, world.targets["A"], False)
    if operation is Operation.SUBMIT_SERVICE_REQUEST:
        variables["i"]["amount"] = CENTRE_PRICES["MED-C01"]
    before = (item_count(world.stack), user_count(world.stack), item_count(world.stack, "AuditTable"))
    if operation in SUBSCRIPTIONS:
        reply = subscribe_over_socket(live_socket, query, variables, member.token, field)
    else:
        reply = world.client.post(query, variables, token=member.token)
    assert outcome(reply, field) == "SESSION_ENDED", reply.text
    assert (item_count(world.stack), user_count(world.stack)) == before[:2]
    assert item_count(world.stack, "AuditTable") == before[2] + 1


def test_the_disabled_person_cannot_sign_in_again(world: World, disabled: dict[Role, Member]) -> None:
    member = disabled[Role.CENTRE_OPERATOR]
    reply = world.client.post(SIGN_IN, {"nationalId": member.national_id, "password": PASSWORD})
    assert reply.data["signIn"]["code"] == "SIGN_IN_FAILED"


@pytest.fixture
def officer(world: World) -> Member:
    return new_member(world, Role.AGENCY_OFFICER)


def test_disabling_an_account_closes_its_open_subscriptions(world: World, live_socket: str, officer: Member) -> None:
    with LiveClient.connect(live_socket) as live:
        assert live.init(officer.token) == {"type": "connection_ack"}
        live.subscribe("h", "subscription { handoffEvents { kind } }")
        assert [m for m in live.settle() if m["type"] == "error"] == []
        reply = world.client.post(DISABLE, {"id": officer.user_id}, token=world.actors["admin"].token)
        assert reply.data["disableStaffAccount"]["__typename"] == "StaffProfile"
        assert live.next_message(timeout=10) is None  # closed by the server, not timed out
        assert live.close_code is not None
    assert world.container.adapters.connection_store.connections_of(officer.user_id) == []


REVOKE = 'mutation ($c: ID!) { revokeCentre(centreId: $c, reason: "licence revoked") { __typename ... on Problem { code } } }'


def test_a_revoked_centres_operator_still_reads_but_moves_no_file_and_no_money(world: World) -> None:
    centre_id = fresh_centre(world, CentreStatus.ACTIVE)
    national_id = unique_national_id()
    form = StaffForm(Role.CENTRE_OPERATOR, national_id, "موظف", None, unique_mobile(), centre_id=centre_id)
    created = world.container.use_cases.staff_accounts.create_staff_account(SYSTEM, form)
    token = signed_in(world.client, national_id, created.temporary_password)
    monitor = world.actors["monitor"].token
    assert world.client.post(REVOKE, {"c": centre_id}, token=monitor).data["revokeCentre"]["__typename"] == "Centre"
    cancel = 'mutation { cancelRequest(requestId: "any") { __typename ... on Problem { code } } }'
    assert world.client.post(cancel, token=token).data["cancelRequest"]["code"] == "CENTRE_INACTIVE"
    look_up = 'query { lookupCitizen(nationalId: "1000000008") { __typename ... on Problem { code } } }'
    assert world.client.post(look_up, token=token).data["lookupCitizen"]["code"] == "CENTRE_INACTIVE"
    own_file = "query ($c: ID!) { centre(id: $c) { __typename ... on Centre { status } } }"
    assert world.client.post(own_file, {"c": centre_id}, token=token).data["centre"] == {
        "__typename": "Centre",
        "status": "REVOKED",
    }
