"""Trusted documents over the WebSocket API (RELIABILITY GQL-18), message by message with the real
protocol, schema and fan-out: in prod a subscription runs only a manifest document, named by its id or
by its exact text, and every event is rendered with the manifest's text; locally any document runs."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest

from functions.api.live.documents import SubscriptionRefused
from functions.api.live.protocol import SubscribeRequest
from functions.api.trusted_documents import MANIFEST, TrustedDocuments, document_id_of
from functions.domain.principal import Principal, Role
from functions.domain.request_event import RequestEvent
from functions.services.caller import Caller
from tests.fakes.identity import IdentityWorld
from tests.fakes.live import LiveWorld

OFFICER = Principal("officer-mun", Role.AGENCY_OFFICER, agency_code="MUNICIPALITY")
TEXTS: dict[str, str] = json.loads(MANIFEST.read_text(encoding="utf-8"))
HANDOFF_EVENTS = next(i for i, text in TEXTS.items() if text.startswith("subscription HandoffEvents"))
NOT_LISTED = "subscription { handoffEvents { kind } }"


def live_in(stage: str) -> LiveWorld:
    live = LiveWorld(IdentityWorld(stage=stage))
    live.connected("c1", OFFICER)
    return live


def handoff(live: LiveWorld) -> RequestEvent:
    now = live.world.clock.now()
    return RequestEvent(
        event_id=uuid.uuid4().hex,
        kind="FORWARDED",
        at=now,
        request_id="r-1",
        tracking_number="MED-2611-000001",
        service_code="BUILDING-PERMIT",
        centre_id="MED-C01",
        status="AT_AGENCIES",
        actor_role="system",
        stage=1,
        agency_code="MUNICIPALITY",
        handoff_status="FORWARDED",
        due_at=now + timedelta(hours=4),
    )


def subscribe(live: LiveWorld, operation_id: str, payload: dict[str, object]) -> None:
    live.receive("c1", {"id": operation_id, "type": "subscribe", "payload": payload})


def last_error_code(live: LiveWorld) -> str:
    message = live.gateway.to("c1")[-1]
    assert message["type"] == "error"
    [error] = message["payload"]
    return str(error["extensions"]["code"])


def test_in_prod_a_manifest_subscription_named_by_its_id_is_stored_with_the_manifests_text() -> None:
    live = live_in("prod")
    subscribe(live, "1", {"documentId": HANDOFF_EVENTS})
    [stored] = live.store.subscriptions.values()
    assert stored.document == TEXTS[HANDOFF_EVENTS]
    live.fanout.deliver(handoff(live))
    delivered = live.gateway.to("c1")[-1]
    assert (delivered["id"], delivered["type"]) == ("1", "next")
    assert delivered["payload"]["data"]["handoffEvents"]["trackingNumber"] == "MED-2611-000001"


def test_in_prod_a_manifest_subscription_sent_as_its_exact_text_runs() -> None:
    live = live_in("prod")
    subscribe(live, "1", {"query": TEXTS[HANDOFF_EVENTS]})
    assert len(live.store.subscriptions) == 1


@pytest.mark.parametrize("query", [NOT_LISTED, "subscription { handoffEvents {", ""])
def test_in_prod_any_other_document_is_refused_before_parsing_and_the_connection_stays(query: str) -> None:
    live = live_in("prod")
    subscribe(live, "1", {"query": query})
    assert last_error_code(live) == "DOCUMENT_NOT_TRUSTED"
    assert live.store.subscriptions == {}
    assert live.gateway.closed == []


def test_an_unknown_id_is_refused_in_every_stage() -> None:
    for stage in ("local", "prod"):
        live = live_in(stage)
        subscribe(live, "1", {"documentId": document_id_of(NOT_LISTED)})
        assert last_error_code(live) == "DOCUMENT_ID_UNKNOWN"
        assert live.store.subscriptions == {}


def test_a_document_id_that_is_not_a_short_string_closes_the_connection_as_a_bad_message() -> None:
    live = live_in("prod")
    subscribe(live, "1", {"documentId": ["sha256:x"]})
    assert live.gateway.closed == ["c1"]


def test_locally_any_subscription_document_runs() -> None:
    live = live_in("local")
    subscribe(live, "1", {"query": NOT_LISTED})
    [stored] = live.store.subscriptions.values()
    assert stored.document == NOT_LISTED


def test_the_refusal_comes_before_the_inner_documents_see_the_request() -> None:
    class Recording:
        def __init__(self) -> None:
            self.prepared: list[SubscribeRequest] = []

        def prepare(self, caller: Caller, request: SubscribeRequest) -> SubscriptionRefused:
            self.prepared.append(request)
            return SubscriptionRefused([])

        def render(self, subscriptions: object, event: object) -> list[None]:
            return []

    from functions.api.live.trusted import TrustedSubscriptionDocuments

    inner = Recording()
    gate = TrustedSubscriptionDocuments(inner, TrustedDocuments.for_stage("prod"))
    refused = gate.prepare(Caller(OFFICER, "corr"), SubscribeRequest(query=NOT_LISTED))
    assert isinstance(refused, SubscriptionRefused)
    assert inner.prepared == []
    gate.prepare(Caller(OFFICER, "corr"), SubscribeRequest(query="", document_id=HANDOFF_EVENTS))
    assert [request.query for request in inner.prepared] == [TEXTS[HANDOFF_EVENTS]]
