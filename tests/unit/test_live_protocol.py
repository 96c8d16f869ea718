"""graphql-transport-ws, message by message, as API Gateway hands them to the handler: the protocol's
answers, its close codes, and subscriptions refused or accepted by the policy (in-memory store,
recording management API, the real schema)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from functions.domain.audit import Outcome
from functions.domain.live import agency_topic
from functions.domain.principal import Principal, Role
from tests.fakes.identity import IdentityWorld
from tests.fakes.live import LiveWorld

OFFICER = Principal("officer-mun", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")
CITIZEN = Principal("citizen-1", Role.CITIZEN)
HANDOFFS = "subscription { handoffEvents { kind trackingNumber } }"


@pytest.fixture
def live() -> LiveWorld:
    return LiveWorld(IdentityWorld())


def error_codes(message: dict[str, object]) -> list[str]:
    assert message["type"] == "error"
    return [error["extensions"]["code"] for error in message["payload"]]  # type: ignore[attr-defined]


def test_the_handshake_needs_the_graphql_transport_ws_subprotocol(live: LiveWorld) -> None:
    assert live.sessions.connect("c1", "graphql-ws") is None
    assert live.sessions.connect("c1", None) is None
    assert live.store.connections == {}
    assert live.sessions.connect("c1", "graphql-ws, graphql-transport-ws") == "graphql-transport-ws"
    assert not live.store.connections["c1"].acknowledged


def test_connection_init_with_a_valid_token_is_acknowledged_with_the_tokens_principal(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    assert live.gateway.to("c1") == [{"type": "connection_ack"}]
    connection = live.store.connections["c1"]
    assert connection.principal == OFFICER
    assert connection.expires_at == live.world.clock.now() + timedelta(hours=2)


@pytest.mark.parametrize(
    "payload",
    [
        {"authorization": "Bearer forged"},
        {"authorization": "Basic abc"},
        {"authorization": "Bearer "},
        {"authorization": 7},
    ],
)
def test_a_bad_token_is_refused_with_a_code_then_the_connection_closed_and_forgotten(
    live: LiveWorld, payload: dict[str, object]
) -> None:
    """API Gateway can only close with 1000, after which graphql-ws reconnects at once: the coded error
    before the ack is what makes the reference client stop (it closes with 4400 and never retries)."""
    live.sessions.connect("c1", "graphql-transport-ws")
    live.receive("c1", {"type": "connection_init", "payload": payload})
    assert live.gateway.closed == ["c1"]
    (refusal,) = live.gateway.to("c1")
    assert (refusal["type"], refusal["id"]) == ("error", "connection_init")
    assert error_codes(refusal) == ["UNAUTHENTICATED"]
    assert refusal["payload"][0]["extensions"]["messageAr"] == "يلزم تسجيل الدخول."
    assert "c1" not in live.store.connections


def test_a_second_connection_init_closes_the_connection(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    live.receive("c1", {"type": "connection_init", "payload": {}})
    assert live.gateway.closed == ["c1"]


def test_ping_is_answered_with_pong_even_before_the_ack(live: LiveWorld) -> None:
    live.sessions.connect("c1", "graphql-transport-ws")
    live.receive("c1", {"type": "ping"})
    live.receive("c1", {"type": "pong"})
    assert live.gateway.to("c1") == [{"type": "pong"}]


def test_subscribe_before_the_ack_closes_the_connection(live: LiveWorld) -> None:
    live.sessions.connect("c1", "graphql-transport-ws")
    live.subscribe("c1", "1", HANDOFFS)
    assert live.gateway.closed == ["c1"]
    assert live.store.subscriptions == {}


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[1, 2]",
        '{"no": "type"}',
        '{"type": "start"}',
        '{"type": "subscribe", "id": "", "payload": {"query": "subscription { handoffEvents { kind } }"}}',
        '{"type": "subscribe", "id": "1"}',
        '{"type": "subscribe", "id": "1", "payload": {"query": 7}}',
        '{"type": "subscribe", "id": "1", "payload": {"query": "subscription { handoffEvents { kind } }", "variables": "x"}}',
    ],
)
def test_an_invalid_message_closes_the_connection_never_crashes(live: LiveWorld, body: str) -> None:
    live.connected("c1", OFFICER)
    live.receive("c1", body)
    assert live.gateway.closed == ["c1"]
    assert "c1" not in live.store.connections


def test_an_officers_subscription_listens_on_the_agency_from_the_token(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    live.subscribe("c1", "1", HANDOFFS)
    (subscription,) = live.store.subscriptions.values()
    assert subscription.topic == agency_topic("MUNICIPALITY")
    assert subscription.principal == OFFICER
    assert live.gateway.to("c1") == [{"type": "connection_ack"}]


def test_a_used_operation_id_closes_the_connection(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    live.subscribe("c1", "1", HANDOFFS)
    live.subscribe("c1", "1", HANDOFFS)
    assert live.gateway.closed == ["c1"]
    assert live.store.subscriptions == {}


def test_complete_forgets_the_subscription_and_frees_its_id(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    live.subscribe("c1", "1", HANDOFFS)
    live.receive("c1", {"type": "complete", "id": "1"})
    assert live.store.subscriptions == {}
    live.subscribe("c1", "1", HANDOFFS)
    assert len(live.store.subscriptions) == 1
    assert live.gateway.closed == []


@pytest.mark.parametrize(
    ("principal", "query", "code"),
    [
        (CITIZEN, HANDOFFS, "FORBIDDEN"),
        (None, HANDOFFS, "UNAUTHENTICATED"),
        (CITIZEN, 'subscription { requestUpdates(requestId: "no-such-request") { kind } }', "NOT_FOUND"),
        (OFFICER, 'subscription { requestUpdates(requestId: "no-such-request") { kind } }', "FORBIDDEN"),
        (OFFICER, "subscription { handoffEvents { nope } }", "GRAPHQL_VALIDATION_FAILED"),
        (OFFICER, "subscription { handoffEvents { kind ", "GRAPHQL_PARSE_FAILED"),
        (OFFICER, "{ agencies { code } }", "SUBSCRIPTIONS_ONLY"),
        (OFFICER, 'mutation { signIn(nationalId: "1", password: "x") { __typename } }', "SUBSCRIPTIONS_ONLY"),
        (
            OFFICER,
            'subscription { handoffEvents { kind } requestUpdates(requestId: "x") { kind } }',
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            OFFICER,
            "subscription A { handoffEvents { kind } } subscription B { handoffEvents { kind } }",
            "GRAPHQL_VALIDATION_FAILED",
        ),
    ],
)
def test_a_refused_subscription_gets_an_error_message_and_the_connection_stays(
    live: LiveWorld, principal: Principal | None, query: str, code: str
) -> None:
    live.connected("c1", principal)
    live.subscribe("c1", "op", query)
    *_, answer = live.gateway.to("c1")
    assert answer["id"] == "op"
    assert code in error_codes(answer)
    assert live.store.subscriptions == {}
    assert live.gateway.closed == []
    assert "c1" in live.store.connections


def test_a_policy_denial_is_audited(live: LiveWorld) -> None:
    live.connected("c1", CITIZEN)
    live.subscribe("c1", "op", HANDOFFS)
    denied = [r for r in live.world.log.records if r.action == "handoffEvents"]
    assert [(r.outcome, r.details) for r in denied] == [(Outcome.DENIED, {"code": "FORBIDDEN"})]


def test_a_connection_holds_a_bounded_number_of_subscriptions(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    for operation in ("1", "2", "3", "4"):
        live.subscribe("c1", operation, HANDOFFS)
    assert len(live.store.subscriptions) == 3
    assert error_codes(live.gateway.to("c1")[-1]) == ["TOO_MANY_SUBSCRIPTIONS"]


def test_a_client_that_never_sends_connection_init_is_closed_by_the_sweep(live: LiveWorld) -> None:
    live.sessions.connect("silent", "graphql-transport-ws")
    live.connected("talker", OFFICER)
    live.world.clock.at += timedelta(seconds=9)
    assert live.sessions.sweep() == 0
    live.world.clock.at += timedelta(seconds=2)
    assert live.sessions.sweep() == 1
    assert live.gateway.closed == ["silent"]
    assert set(live.store.connections) == {"talker"}


def test_expired_connections_are_closed_and_cleaned_with_their_subscriptions(live: LiveWorld) -> None:
    live.connected("old", OFFICER)
    live.subscribe("old", "1", HANDOFFS)
    live.world.clock.at += timedelta(hours=1)
    live.connected("young", OFFICER)
    live.world.clock.at += timedelta(hours=1, seconds=1)
    assert live.sessions.sweep() == 1
    assert live.gateway.closed == ["old"]
    assert set(live.store.connections) == {"young"}
    assert live.store.subscriptions == {}


def test_a_message_on_an_unknown_or_expired_connection_closes_it(live: LiveWorld) -> None:
    live.sessions.connect("c1", "graphql-transport-ws")
    live.world.clock.at += timedelta(seconds=11)
    live.receive("c1", {"type": "connection_init", "payload": {}})
    assert live.gateway.closed == ["c1"]
    live.receive("ghost", {"type": "connection_init", "payload": {}})
    assert live.gateway.closed == ["c1", "ghost"]


def test_disconnect_forgets_the_connection_and_its_subscriptions(live: LiveWorld) -> None:
    live.connected("c1", OFFICER)
    live.subscribe("c1", "1", HANDOFFS)
    live.sessions.disconnect("c1")
    assert live.store.connections == {}
    assert live.store.subscriptions == {}
