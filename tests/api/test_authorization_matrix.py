"""AZ-01: every operation of the policy table × every kind of caller × own / other object, over the API.

The expected outcome of each cell is derived from ``functions.domain.policy.POLICY``, so a change to
the table changes the test. Every denial must leave DynamoDB's business data and Cognito untouched
and add exactly one DENIED audit record.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from functions.bootstrap import Settings, build_container
from functions.domain.policy import POLICY, Operation, Scope
from functions.domain.principal import Role
from functions.local.provision import ProvisionedStack
from functions.services.caller import SYSTEM
from functions.services.staff_accounts import StaffForm
from tests.support.aws import item_count, user_count
from tests.support.people import (
    OPEN_RECORD,
    SignedInCitizen,
    open_and_activate,
    record_input,
    sign_in,
    unique_mobile,
    unique_national_id,
)
from tests.support.transports import AsgiClient, GraphQLClient


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role | None  # None: anonymous
    token: str | None


@dataclass(frozen=True)
class World:
    client: GraphQLClient
    actors: dict[str, Actor]
    citizen_a: SignedInCitizen  # opened at MED-C01
    citizen_b: SignedInCitizen  # opened at MED-C02
    stack: ProvisionedStack


@pytest.fixture(scope="module")
def world(stack: ProvisionedStack) -> World:
    client = AsgiClient(build_container(Settings.from_environ(stack.environment)))
    staff = {
        "operator_x": ("1000001014", Role.CENTRE_OPERATOR),
        "operator_y": ("1000001022", Role.CENTRE_OPERATOR),
        "officer_p": ("1000001030", Role.AGENCY_OFFICER),
        "monitor": ("1000001055", Role.MONITOR),
        "admin": ("1000001063", Role.ADMIN),
    }
    actors = {name: Actor(name, role, sign_in(client, nid)) for name, (nid, role) in staff.items()}
    citizen_a = open_and_activate(client, actors["operator_x"].token or "")
    citizen_b = open_and_activate(client, actors["operator_y"].token or "")
    actors["citizen_a"] = Actor("citizen_a", Role.CITIZEN, citizen_a.token)
    actors["anonymous"] = Actor("anonymous", None, None)
    return World(client, actors, citizen_a, citizen_b, stack)


# Whose object is "own" for each actor, for the scoped operations (citizen records).
def own_citizen(world: World, actor: Actor) -> SignedInCitizen:
    return world.citizen_a


def other_citizen(world: World, actor: Actor) -> SignedInCitizen:
    return world.citizen_b


def identity_check(national_id: str) -> dict[str, str]:
    return {
        "documentType": "NATIONAL_ID_CARD",
        "documentNumber": national_id,
        "expiresOn": (date.today() + timedelta(days=90)).isoformat(),
    }


def staff_to_disable(world: World) -> str:
    container = build_container(Settings.from_environ(world.stack.environment))
    form = StaffForm(Role.MONITOR, unique_national_id(), "موظف", None, unique_mobile())
    return container.staff_accounts.create_staff_account(SYSTEM, form).staff.user_id


Call = Callable[[World, SignedInCitizen], tuple[str, dict[str, Any], str]]

CALLS: dict[Operation, Call] = {
    Operation.OPEN_CITIZEN_RECORD: lambda w, c: (OPEN_RECORD, {"input": record_input()}, "openCitizenRecord"),
    Operation.REISSUE_TEMPORARY_PASSWORD: lambda w, c: (
        "mutation ($n: String!, $e: IdentityCheckInput) { reissueTemporaryPassword(nationalId: $n, identityCheck: $e) { __typename ... on Problem { code } } }",
        {"n": c.national_id, "e": identity_check(c.national_id)},
        "reissueTemporaryPassword",
    ),
    Operation.LOOK_UP_CITIZEN: lambda w, c: (
        "query ($n: String!) { lookupCitizen(nationalId: $n) { __typename ... on Problem { code } } }",
        {"n": c.national_id},
        "lookupCitizen",
    ),
    Operation.READ_CITIZEN: lambda w, c: (
        "query ($id: ID!) { citizen(id: $id) { __typename ... on Problem { code } } }",
        {"id": c.citizen_id},
        "citizen",
    ),
    Operation.READ_ME: lambda w, c: ("{ me { __typename ... on Problem { code } } }", {}, "me"),
    Operation.DEFINE_AGENCY: lambda w, c: (
        "mutation ($i: AgencyInput!) { defineAgency(input: $i) { __typename ... on Problem { code } } }",
        {"i": {"code": f"AG-{uuid.uuid4().hex[:6].upper()}", "name": {"ar": "جهة", "en": "Agency"}}},
        "defineAgency",
    ),
    Operation.DEFINE_SERVICE: lambda w, c: (
        "mutation ($i: ServiceInput!) { defineService(input: $i) { __typename ... on Problem { code } } }",
        {
            "i": {
                "code": f"SV-{uuid.uuid4().hex[:6].upper()}",
                "name": {"ar": "خدمة", "en": "Service"},
                "description": {"ar": "وصف", "en": "Description"},
                "fee": "10.00",
                "stages": [
                    {
                        "agencies": [
                            {
                                "agencyCode": "TRAFFIC",
                                "task": {"ar": "مهمة", "en": "Task"},
                                "receiptSlaHours": 4,
                                "processingSlaHours": 24,
                            }
                        ]
                    }
                ],
            }
        },
        "defineService",
    ),
    Operation.CREATE_STAFF_ACCOUNT: lambda w, c: (
        "mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { __typename ... on Problem { code } } }",
        {"i": {"role": "MONITOR", "nationalId": unique_national_id(), "nameAr": "موظف", "mobile": unique_mobile()}},
        "createStaffAccount",
    ),
    Operation.DISABLE_STAFF_ACCOUNT: lambda w, c: (
        "mutation ($id: ID!) { disableStaffAccount(userId: $id) { __typename ... on Problem { code } } }",
        {"id": staff_to_disable(w)},
        "disableStaffAccount",
    ),
    Operation.READ_AUDIT_TRAIL: lambda w, c: (
        "query ($t: String!, $s: DateTime!, $u: DateTime!) { auditTrail(target: $t, since: $s, until: $u) { items { action } } }",
        {
            "t": f"citizen:{c.citizen_id}",
            "s": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
            "u": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        },
        "auditTrail",
    ),
}

SCOPED = {
    op
    for op, row in POLICY.items()
    if any(scope is not Scope.ANY for scope in row.values())
    and op is not Operation.READ_ME
    and op is not Operation.OPEN_CITIZEN_RECORD
}
ACTOR_NAMES = ["citizen_a", "operator_x", "operator_y", "officer_p", "monitor", "admin", "anonymous"]
CELLS = [
    (op, actor, own)
    for op in Operation
    for actor in ACTOR_NAMES
    for own in ((True, False) if op in SCOPED else (True,))
]


def expected(operation: Operation, actor: Actor, world: World, target: SignedInCitizen) -> str:
    if actor.role is None:
        return "UNAUTHENTICATED"
    scope = POLICY[operation].get(actor.role)
    if scope is None:
        return "FORBIDDEN"
    if scope is Scope.ANY or operation not in SCOPED:
        return "ALLOWED"  # role-only operations act on the caller's own centre or self
    owns = {
        Scope.SELF: actor.name == "citizen_a" and target == world.citizen_a,
        Scope.OWN_CENTRE: (actor.name == "operator_x" and target == world.citizen_a)
        or (actor.name == "operator_y" and target == world.citizen_b),
    }.get(scope, False)
    return "ALLOWED" if owns else "NOT_FOUND"


def outcome(reply: Any, field: str) -> str:
    body = reply.json()
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    value = body["data"][field]
    if (
        isinstance(value, dict)
        and "code" in value
        and value.get("__typename") in {"NotFound", "Forbidden", "ValidationFailed", "Conflict"}
    ):
        return str(value["code"])
    return "ALLOWED"


@pytest.mark.parametrize(
    ("operation", "actor_name", "own"), CELLS, ids=[f"{o.value}-{a}-{'own' if w else 'other'}" for o, a, w in CELLS]
)
def test_the_policy_cell_holds_over_the_api(world: World, operation: Operation, actor_name: str, own: bool) -> None:
    actor = world.actors[actor_name]
    target = own_citizen(world, actor) if own else other_citizen(world, actor)
    query, variables, field = CALLS[operation](world, target)
    before = (item_count(world.stack), user_count(world.stack), item_count(world.stack, "AuditTable"))
    reply = world.client.post(query, variables, token=actor.token)
    want = expected(operation, actor, world, target)
    assert outcome(reply, field) == want
    if want != "ALLOWED":
        assert (item_count(world.stack), user_count(world.stack)) == before[:2]
        assert item_count(world.stack, "AuditTable") == before[2] + 1


def test_scope_comes_from_the_token_not_from_headers(world: World) -> None:
    reply = world.client.raw(
        "POST",
        json.dumps({"query": OPEN_RECORD, "variables": {"input": record_input()}}),
        {
            "content-type": "application/json",
            "authorization": f"Bearer {world.actors['operator_x'].token}",
            "x-centre-id": "MED-C02",
            "x-center-id": "MED-C02",
        },
    )
    opened = reply.json()["data"]["openCitizenRecord"]
    citizen = world.client.post(
        "query ($id: ID!) { citizen(id: $id) { ... on CitizenRecord { openedAtCentre } } }",
        {"id": opened["citizen"]["id"]},
        token=world.actors["operator_x"].token,
    )
    assert citizen.data["citizen"]["openedAtCentre"] == "MED-C01"
