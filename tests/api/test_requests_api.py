"""Service requests over GraphQL, through both transports: filing, the window, tracking, SMS."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from functions.domain.madinah_time import today_in_madinah
from functions.local.pos_terminal import slip_for
from functions.local.provision import ProvisionedStack
from functions.local.queue_pump import QueuePump
from functions.local.stack import queue_routes
from tests.support.aws import aws_client, item_count
from tests.support.documents import api_attach_required
from tests.support.people import SignedInCitizen, open_and_activate, sign_in
from tests.support.transports import GraphQLClient

OPERATOR, OFFICER, OTHER_OFFICER = "1000001014", "1000001030", "1000001048"
SUBMIT = """
mutation ($i: SubmitServiceRequestInput!) {
  submitServiceRequest(input: $i) {
    __typename
    ... on SubmittedRequest { pin request { id trackingNumber status payment { receiptNumber fee serviceCharge amount method } } }
    ... on Problem { code field message { ar en } }
  }
}"""
REQUEST = """query ($id: ID!) { request(id: $id) { __typename
  ... on ServiceRequest { id status trackingNumber filedBy answers { key value } documents
    history { event agencyCode actorRole } whereNow { agencyCode status dueAt }
    citizen { nationalId visibility } serviceName { ar } }
  ... on Problem { code } } }"""


def building_permit(citizen_id: str, national_id: str, **changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "citizenId": citizen_id,
        "serviceCode": "BUILDING-PERMIT",
        "answers": [
            {"key": "deedNumber", "value": "D-9"},
            {"key": "floors", "value": "3"},
            {"key": "district", "value": "QUBA"},
        ],
        "documents": [],
        "amount": "1025.00",
        "paymentMethod": "CARD",
        "identityCheck": {
            "documentType": "NATIONAL_ID_CARD",
            "documentNumber": national_id,
            "expiresOn": {"date": (today_in_madinah() + timedelta(days=60)).isoformat(), "calendar": "GREGORIAN"},
        },
        "idempotencyKey": uuid.uuid4().hex,
    }
    value.update(changes)
    if value["paymentMethod"] != "CASH" and "posSlip" not in changes:
        terminal, reference = slip_for(value["idempotencyKey"])
        value["posSlip"] = {"terminalId": terminal, "retrievalReference": reference}
    return value


def filed_permit(client: GraphQLClient, operator: str, citizen: SignedInCitizen, **changes: Any) -> dict[str, Any]:
    """A building permit filing whose three documents (real sample files) are uploaded and attached first."""
    key = uuid.uuid4().hex
    documents = api_attach_required(client, operator, "BUILDING-PERMIT", ["DEED", "PLANS", "SURVEY"], key)
    filing = building_permit(citizen.citizen_id, citizen.national_id, idempotencyKey=key, documents=documents)
    filing.update({name: change(filing[name]) if callable(change) else change for name, change in changes.items()})
    if filing["paymentMethod"] == "CASH":
        filing.pop("posSlip", None)
    return filing


def pump_until(stack: ProvisionedStack, condition: Callable[[], bool], seconds: float = 30) -> None:
    from functions import bootstrap

    pump = QueuePump(
        aws_client(stack, "sqs"), queue_routes(bootstrap.container(), stack, None), stack.region, retry_delay_seconds=0
    )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pump.drain()
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("not there in time")


@pytest.mark.usefixtures("lambda_environment")
def test_a_centre_files_a_request_and_it_reaches_the_agency_window(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    answer = client.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator).data[
        "submitServiceRequest"
    ]
    assert answer["__typename"] == "SubmittedRequest"
    request = answer["request"]
    assert request["payment"] == {
        "receiptNumber": f"R-{request['trackingNumber']}",
        "fee": "1000.00",
        "serviceCharge": "25.00",
        "amount": "1025.00",
        "method": "CARD",
    }
    officer = sign_in(client, OFFICER)
    window = "{ agencyWindow { items { requestId status trackingNumber overdue } } }"
    pump_until(
        stack,
        lambda: any(
            i["requestId"] == request["id"] for i in client.post(window, token=officer).data["agencyWindow"]["items"]
        ),
    )

    seen = client.post(REQUEST, {"id": request["id"]}, token=officer).data["request"]
    assert seen["status"] == "AT_AGENCIES"
    assert seen["citizen"]["visibility"] == "MASKED"
    assert seen["citizen"]["nationalId"] != citizen.national_id
    assert seen["serviceName"]["ar"] == "رخصة بناء"
    assert [w["agencyCode"] for w in seen["whereNow"]] == ["MUNICIPALITY"]
    other = client.post(REQUEST, {"id": request["id"]}, token=sign_in(client, OTHER_OFFICER)).data["request"]
    assert other == {"__typename": "NotFound", "code": "NOT_FOUND"}

    acknowledged = client.post(
        "mutation ($id: ID!) { acknowledgeReceipt(requestId: $id) { __typename ... on ServiceRequest { whereNow { status } } } }",
        {"id": request["id"]},
        token=officer,
    )
    assert acknowledged.data["acknowledgeReceipt"]["whereNow"] == [{"status": "RECEIVED"}]
    mine = client.post(REQUEST, {"id": request["id"]}, token=citizen.token).data["request"]
    assert mine["citizen"]["visibility"] == "FULL"
    assert [h["event"] for h in mine["history"]][:3] == ["SUBMITTED", "FORWARDED", "RECEIVED"]
    pump_until(
        stack,
        lambda: (
            len(
                client.post("{ myNotifications { items { event } } }", token=citizen.token).data["myNotifications"][
                    "items"
                ]
            )
            >= 3
        ),
    )
    texts = [
        m["text"]
        for m in client.post("{ myNotifications { items { text } } }", token=citizen.token).data["myNotifications"][
            "items"
        ]
    ]
    assert any(request["trackingNumber"] in (t or "") and "الأمانة" in (t or "") for t in texts)


def test_tracking_by_number_and_pin_needs_no_sign_in_and_shows_no_personal_data(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    submitted = client.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator).data[
        "submitServiceRequest"
    ]
    track = "query ($n: String!, $p: String!) { trackRequest(trackingNumber: $n, pin: $p) { __typename ... on TrackedRequest { status history { event } } ... on Problem { code } } }"
    variables = {"n": submitted["request"]["trackingNumber"], "p": submitted["pin"]}
    tracked = client.post(track, variables, path="/graphql/public")
    assert tracked.data["trackRequest"]["status"] in {"SUBMITTED", "AT_AGENCIES"}
    assert citizen.national_id not in tracked.text
    wrong = client.post(
        track, {**variables, "p": "000000" if submitted["pin"] != "000000" else "111111"}, path="/graphql/public"
    )
    assert wrong.data["trackRequest"] == {"__typename": "ValidationFailed", "code": "TRACKING_FAILED"}


def test_the_public_path_is_always_anonymous(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR)
    reply = client.post("{ me { __typename ... on Problem { code } } }", token=operator, path="/graphql/public")
    assert reply.data["me"]["code"] == "UNAUTHENTICATED"
    assert client.post("{ me { __typename } }", token=operator).data["me"]["__typename"] == "StaffProfile"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"amount": "1000.00"}, "FEE_MISMATCH"),
        ({"documents": lambda ids: ids[:1]}, "DOCUMENT_MISSING"),
        ({"answers": [{"key": "floors", "value": "three"}]}, "FORM_FIELD_REQUIRED"),
        ({"serviceCode": "NO-SUCH"}, "NOT_FOUND"),
        ({"idempotencyKey": "x"}, "IDEMPOTENCY_KEY_REQUIRED"),
    ],
)
def test_bad_requests_are_refused_and_write_nothing(
    client: GraphQLClient, stack: ProvisionedStack, changes: dict[str, Any], code: str
) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    filing = filed_permit(client, operator, citizen, **changes)
    before = item_count(stack)
    result = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
    assert result["code"] == code
    assert result["message"]["ar"]
    assert item_count(stack) == before


def test_the_same_key_answers_the_same_and_another_payload_is_refused(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR)
    citizen = open_and_activate(client, operator)
    filing = filed_permit(client, operator, citizen)
    first = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
    again = client.post(SUBMIT, {"i": filing}, token=operator).data["submitServiceRequest"]
    assert len(first["pin"]) == 6
    assert again == {**first, "pin": None}  # the PIN only on the first answer: it is kept only as a hash
    changed = client.post(SUBMIT, {"i": {**filing, "paymentMethod": "CASH"}}, token=operator).data[
        "submitServiceRequest"
    ]
    assert changed["code"] == "IDEMPOTENCY_KEY_REUSED"
