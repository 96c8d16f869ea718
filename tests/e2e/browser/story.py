"""The story around the pages, told through the API on the local stack as the other parties would act:
an operator opens a record and files a building permit (Municipality, then Civil Defence), each agency
acknowledges and completes its step from its window, the centre hands the result over."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.api.test_requests_api import SUBMIT, filed_permit
from tests.e2e.conftest import DevStack
from tests.support.people import OPEN_RECORD, SignedInCitizen, record_input, sign_in, unique_national_id
from tests.support.transports import ServerClient

OPERATOR, MUNICIPALITY, CIVIL_DEFENCE = "1000001014", "1000001030", "1000001048"
CHANGE = (
    "mutation ($id: ID!) { %s(requestId: $id) { __typename ... on ServiceRequest { status } ... on Problem { code } } }"
)
STATUS = "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { status } } }"


@dataclass(frozen=True)
class OpenedRecord:
    citizen_id: str
    national_id: str
    temporary_password: str


@dataclass(frozen=True)
class Filed:
    request_id: str
    tracking_number: str
    pin: str


def client_of(stack: DevStack) -> ServerClient:
    return ServerClient(f"http://127.0.0.1:{stack.http_port}")


def until(what: str, condition: Callable[[], Any], seconds: float = 60) -> Any:
    """The stack moves on through the state machine and the queues: wait for it, a bounded while."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"{what}: not within {seconds} s")


def open_record(stack: DevStack) -> OpenedRecord:
    """The operator checks the citizen's card and opens the record; the temporary password is handed over."""
    client = client_of(stack)
    national_id = unique_national_id()
    opened = client.post(OPEN_RECORD, {"input": record_input(national_id)}, token=sign_in(client, OPERATOR)).data[
        "openCitizenRecord"
    ]
    assert opened["__typename"] == "CitizenRecordWithPassword", opened
    return OpenedRecord(opened["citizen"]["id"], national_id, opened["temporaryPassword"])


def file_building_permit(stack: DevStack, citizen_id: str, national_id: str) -> Filed:
    """The operator uploads the three documents and files the permit for the citizen; the fee is paid."""
    client = client_of(stack)
    operator = sign_in(client, OPERATOR)
    citizen = SignedInCitizen(citizen_id, national_id, token="")
    answer = client.post(SUBMIT, {"i": filed_permit(client, operator, citizen)}, token=operator).data
    submitted = answer["submitServiceRequest"]
    assert submitted["__typename"] == "SubmittedRequest", submitted
    return Filed(submitted["request"]["id"], submitted["request"]["trackingNumber"], submitted["pin"])


def in_window(stack: DevStack, officer: str, request_id: str) -> None:
    """The hand-off reaches the agency's window through the state machine and the queue."""
    client = client_of(stack)
    window = "{ agencyWindow { items { requestId } } }"
    until(
        "the file in the agency's window",
        lambda: any(
            i["requestId"] == request_id for i in client.post(window, token=officer).data["agencyWindow"]["items"]
        ),
    )


def agency_acts(stack: DevStack, officer_id: str, request_id: str, action: str) -> None:
    """An officer acknowledges (``acknowledgeReceipt``) or completes (``completeStep``) the agency's step."""
    client = client_of(stack)
    officer = sign_in(client, officer_id)
    in_window(stack, officer, request_id)

    def done() -> bool:
        answer = client.post(CHANGE % action, {"id": request_id}, token=officer).data[action]
        return bool(answer["__typename"] == "ServiceRequest")

    until(f"{action} by {officer_id}", done)


def back_at_centre(stack: DevStack, request_id: str, seconds: float = 90) -> None:
    """The last agency's step completes the route: the state machine returns the file to the centre. On a
    loaded two-core machine that can take tens of seconds; a page is asked only once the stack is there."""
    client = client_of(stack)
    operator = sign_in(client, OPERATOR)
    until(
        "the result back at the centre",
        lambda: (
            client.post(STATUS, {"id": request_id}, token=operator).data["request"]["status"] == "COMPLETED_AT_CENTRE"
        ),
        seconds,
    )


def hand_over(stack: DevStack, request_id: str) -> None:
    """Back at the centre, done: the operator calls the citizen and confirms the delivery."""
    back_at_centre(stack, request_id)
    client = client_of(stack)
    operator = sign_in(client, OPERATOR)
    delivered = client.post(CHANGE % "confirmDelivery", {"id": request_id}, token=operator).data["confirmDelivery"]
    assert delivered == {"__typename": "ServiceRequest", "status": "DELIVERED"}, delivered
