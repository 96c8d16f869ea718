"""``make dev`` serves subscriptions on ws://127.0.0.1:<port>/graphql (graphql-transport-ws) through the
emulated WebSocket API, the same graphql_ws handler and fan-out as on AWS: a real client (the standard
``websockets`` library) subscribes as the Municipality officer and sees the hand-off the moment the
centre submits; bad tokens and silent clients are closed."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest

from functions.domain.madinah_time import today_in_madinah
from functions.local.live_client import LiveClient
from tests.e2e.conftest import DevStack
from tests.support.documents import api_attach_required
from tests.support.people import unique_mobile, unique_national_id
from tests.support.transports import ServerClient

pytestmark = pytest.mark.e2e

PASSWORD = "Shubbak-demo-2026"
SIGN_IN = """mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) { ... on SignedIn { accessToken } } }"""


def token_of(http: httpx.Client, stack: DevStack, national_id: str) -> str:
    reply = http.post(stack.graphql_url, json={"query": SIGN_IN, "variables": {"n": national_id, "p": PASSWORD}})
    return str(reply.json()["data"]["signIn"]["accessToken"])


def socket_url(stack: DevStack) -> str:
    return f"ws://127.0.0.1:{stack.http_port}/graphql"


def test_an_officer_sees_the_hand_off_the_moment_the_centre_submits(dev_stack: DevStack, http: httpx.Client) -> None:
    operator, officer = token_of(http, dev_stack, "1000001014"), token_of(http, dev_stack, "1000001030")
    with LiveClient.connect(socket_url(dev_stack)) as live:
        assert live.init(officer) == {"type": "connection_ack"}
        live.subscribe("window", "subscription { handoffEvents { kind trackingNumber agencyCode dueAt } }")
        assert live.settle() == []
        submitted = submit_building_permit(http, dev_stack, operator)
        message = live.next_message(timeout=30)
    assert message is not None
    assert message["id"] == "window"
    event = message["payload"]["data"]["handoffEvents"]
    assert (event["kind"], event["agencyCode"], event["trackingNumber"]) == ("FORWARDED", "MUNICIPALITY", submitted)
    assert event["dueAt"]


def submit_building_permit(http: httpx.Client, stack: DevStack, operator: str) -> str:
    national_id = unique_national_id()
    evidence = {
        "documentType": "NATIONAL_ID_CARD",
        "documentNumber": national_id,
        "expiresOn": {"date": (today_in_madinah() + timedelta(days=400)).isoformat(), "calendar": "GREGORIAN"},
    }
    record = http.post(
        stack.graphql_url,
        headers={"authorization": f"Bearer {operator}"},
        json={
            "query": "mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename ... on CitizenRecordWithPassword { citizen { id } } } }",
            "variables": {
                "i": {
                    "nationalId": national_id,
                    "nameAr": "محمد أحمد الحربي",
                    "birthDate": {"date": "1990-05-17", "calendar": "GREGORIAN"},
                    "mobile": unique_mobile(),
                    "identityCheck": evidence,
                }
            },
        },
    ).json()["data"]["openCitizenRecord"]
    citizen_id = record["citizen"]["id"]
    key = uuid.uuid4().hex
    server = ServerClient(stack.graphql_url.removesuffix("/graphql"))
    documents = api_attach_required(server, operator, "BUILDING-PERMIT", ["DEED", "PLANS", "SURVEY"], key)
    submitted = http.post(
        stack.graphql_url,
        headers={"authorization": f"Bearer {operator}"},
        json={
            "query": "mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { __typename ... on SubmittedRequest { request { trackingNumber } } } }",
            "variables": {
                "i": {
                    "citizenId": citizen_id,
                    "serviceCode": "BUILDING-PERMIT",
                    "answers": [
                        {"key": "deedNumber", "value": "D-1"},
                        {"key": "floors", "value": "2"},
                        {"key": "district", "value": "QUBA"},
                    ],
                    "documents": documents,
                    "amount": "1025.00",
                    "paymentMethod": "CASH",
                    "identityCheck": evidence,
                    "idempotencyKey": key,
                }
            },
        },
    ).json()["data"]["submitServiceRequest"]
    return str(submitted["request"]["trackingNumber"])


def test_a_bad_token_is_refused_with_a_code_then_by_closing_the_connection(dev_stack: DevStack) -> None:
    with LiveClient.connect(socket_url(dev_stack)) as live:
        refusal = live.init("not-a-token")
        assert refusal is not None
        assert (refusal["type"], refusal["id"]) == ("error", "connection_init")
        assert refusal["payload"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert live.next_message(timeout=10) is None
        assert live.close_code == 1000  # API Gateway's DeleteConnection closes normally


def test_a_client_that_never_sends_connection_init_is_closed(dev_stack: DevStack) -> None:
    with LiveClient.connect(socket_url(dev_stack)) as live:
        assert live.next_message(timeout=30) is None  # the sweep closes it after the init timeout
        assert live.close_code is not None


def test_the_handshake_needs_the_graphql_transport_ws_subprotocol(dev_stack: DevStack) -> None:
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    with pytest.raises(InvalidStatus), connect(socket_url(dev_stack), open_timeout=10):
        pass
