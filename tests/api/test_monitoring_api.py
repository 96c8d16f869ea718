"""The monitoring office over the API (both transports): licensing decides who serves, inspections
reach the centre, the figures move as requests move, citizens rate and complain after delivery."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType
from functions.domain.madinah_time import today_in_madinah
from functions.domain.principal import Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestStatus
from functions.local.provision import ProvisionedStack
from functions.local.queue_pump import QueuePump
from functions.local.stack import queue_routes
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm
from functions.services.request_submission import SubmissionForm
from tests.support.aws import item_count
from tests.support.documents import api_attach_required, attach_via
from tests.support.monitoring import registration_input
from tests.support.people import OPEN_RECORD, SIGN_IN, SignedInCitizen, open_and_activate, record_input, sign_in
from tests.support.transports import GraphQLClient

MONITOR_ID, ADMIN_ID, OPERATOR_C01, OPERATOR_C02 = "1000001055", "1000001063", "1000001014", "1000001022"
PROBLEM = "__typename ... on Problem { code field }"
REGISTER = f"mutation ($i: CentreRegistrationInput!) {{ registerCentre(input: $i) {{ {PROBLEM} ... on Centre {{ id status serving }} }} }}"
LICENSE = f"mutation ($c: ID!, $e: Date!) {{ licenseCentre(centreId: $c, expiresOn: $e) {{ {PROBLEM} ... on Centre {{ status serving licenceExpiresOn }} }} }}"
SUSPEND = f"mutation ($c: ID!, $r: String!) {{ suspendCentre(centreId: $c, reason: $r) {{ {PROBLEM} ... on Centre {{ status serving }} }} }}"
REINSTATE = f"mutation ($c: ID!) {{ reinstateCentre(centreId: $c) {{ {PROBLEM} ... on Centre {{ status serving }} }} }}"
SUBMIT = f"mutation ($i: SubmitServiceRequestInput!) {{ submitServiceRequest(input: $i) {{ {PROBLEM} ... on SubmittedRequest {{ request {{ id }} }} }} }}"
PERFORMANCE = """query ($c: ID!, $f: Date!, $t: Date!) { centrePerformance(centreId: $c, from: $f, to: $t) {
  __typename ... on CentrePerformance { figures { submitted feesCollected acknowledgement { count } } days { day submitted } flags { kind } } } }"""
TODAY = today_in_madinah()
"""For the parametrised cases only, whose answer does not change if the run crosses 21:00 UTC; a test
body asks :func:`today_in_madinah` when it runs."""


def create_operator(client: GraphQLClient, admin: str, centre_id: str) -> str:
    """An administrator creates the operator; they sign in and set their own password."""
    from tests.support.people import COMPLETE, unique_mobile, unique_national_id

    national_id = unique_national_id()
    created = client.post(
        "mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { __typename ... on StaffAccountWithPassword { temporaryPassword } } }",
        {
            "i": {
                "role": "CENTRE_OPERATOR",
                "nationalId": national_id,
                "nameAr": "موظف",
                "mobile": unique_mobile(),
                "centreId": centre_id,
            }
        },
        token=admin,
    ).data["createStaffAccount"]
    challenge = client.post(SIGN_IN, {"nationalId": national_id, "password": created["temporaryPassword"]}).data[
        "signIn"
    ]
    done = client.post(
        COMPLETE, {"nationalId": national_id, "session": challenge["session"], "newPassword": "operator's own password"}
    ).data["completeNewPassword"]
    return str(done["accessToken"])


def submission(
    client: GraphQLClient, operator: str, citizen_id: str, national_id: str, *, uploaded: bool = True
) -> dict[str, Any]:
    """A filing with its documents uploaded and attached; ``uploaded=False``: none uploaded (a centre that
    may not work cannot upload either), so only the centre check can refuse it."""
    key = uuid.uuid4().hex
    return {
        "citizenId": citizen_id,
        "serviceCode": "NID-RENEW",
        "answers": [{"key": "reason", "value": "EXPIRED"}, {"key": "deliveryDistrict", "value": "SULTANAH"}],
        "documents": api_attach_required(client, operator, "NID-RENEW", ["CURRENT-ID", "PHOTO"], key)
        if uploaded
        else ["never-uploaded"],
        "amount": "125.00",
        "paymentMethod": "CASH",
        "identityCheck": {
            "documentType": "NATIONAL_ID_CARD",
            "documentNumber": national_id,
            "expiresOn": {"date": (today_in_madinah() + timedelta(days=300)).isoformat(), "calendar": "GREGORIAN"},
        },
        "idempotencyKey": key,
    }


def test_licensing_decides_who_serves_and_every_change_reaches_the_centre(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    monitor, admin = sign_in(client, MONITOR_ID), sign_in(client, ADMIN_ID)
    centre_id = f"MED-A{uuid.uuid4().hex[:5].upper()}"
    licence = f"LIC-A-{uuid.uuid4().hex[:8].upper()}"
    registered = client.post(REGISTER, {"i": registration_input(centre_id, licence)}, token=monitor).data
    assert registered["registerCentre"] == {
        "__typename": "Centre",
        "id": centre_id,
        "status": "REGISTERED",
        "serving": False,
    }
    licensed = client.post(
        LICENSE, {"c": centre_id, "e": (today_in_madinah() + timedelta(days=365)).isoformat()}, token=monitor
    )
    assert licensed.data["licenseCentre"]["status"] == "ACTIVE"
    assert licensed.data["licenseCentre"]["serving"] is True

    operator = create_operator(client, admin, centre_id)
    opened = client.post(OPEN_RECORD, {"input": record_input()}, token=operator).data["openCitizenRecord"]
    citizen_id, national_id = opened["citizen"]["id"], opened["citizen"]["nationalId"]
    first = client.post(SUBMIT, {"i": submission(client, operator, citizen_id, national_id)}, token=operator).data
    assert first["submitServiceRequest"]["__typename"] == "SubmittedRequest"

    suspended = client.post(SUSPEND, {"c": centre_id, "r": "receipts not issued"}, token=monitor).data
    assert suspended["suspendCentre"] == {"__typename": "Centre", "status": "SUSPENDED", "serving": False}
    before = item_count(stack)
    refusing = submission(client, operator, citizen_id, national_id, uploaded=False)
    refused = client.post(SUBMIT, {"i": refusing}, token=operator).data
    assert refused["submitServiceRequest"]["code"] == "CENTRE_INACTIVE"
    assert item_count(stack) == before

    seen = client.post(
        "query ($c: ID!) { centre(id: $c) { ... on Centre { status statusReason } } centreNotices(centreId: $c) { items { kind text { ar en } } } }",
        {"c": centre_id},
        token=operator,
    ).data
    assert seen["centre"] == {"status": "SUSPENDED", "statusReason": "receipts not issued"}
    kinds = [n["kind"] for n in seen["centreNotices"]["items"]]
    assert kinds == ["SUSPENDED", "LICENSED", "REGISTERED"]
    assert "receipts not issued" in seen["centreNotices"]["items"][0]["text"]["en"]

    assert client.post(REINSTATE, {"c": centre_id}, token=monitor).data["reinstateCentre"]["serving"] is True
    again = client.post(SUBMIT, {"i": submission(client, operator, citizen_id, national_id)}, token=operator).data
    assert again["submitServiceRequest"]["__typename"] == "SubmittedRequest"


@pytest.mark.parametrize(
    ("query", "variables", "field", "code"),
    [
        (
            REGISTER,
            {"i": registration_input("MED-Z01", "LIC-Z-0001", district="DOWNTOWN")},
            "registerCentre",
            "DISTRICT_UNKNOWN",
        ),
        (
            REGISTER,
            {"i": registration_input("MED-Z02", "LIC-Z-0002", serviceCharge="250.00")},
            "registerCentre",
            "SERVICE_CHARGE_INVALID",
        ),
        (
            REGISTER,
            {"i": registration_input("MED-Z03", "LIC-Z-0003", location={"latitude": 21.5, "longitude": 39.2})},
            "registerCentre",
            "LOCATION_INVALID",
        ),
        (LICENSE, {"c": "MED-C03", "e": (TODAY - timedelta(days=1)).isoformat()}, "licenseCentre", "CENTRE_STATE"),
        (LICENSE, {"c": "MED-C01", "e": (TODAY - timedelta(days=1)).isoformat()}, "licenseCentre", "LICENCE_DATE_PAST"),
        (SUSPEND, {"c": "MED-C01", "r": " "}, "suspendCentre", "REASON_REQUIRED"),
        (LICENSE, {"c": "MED-NONE", "e": (TODAY + timedelta(days=9)).isoformat()}, "licenseCentre", "NOT_FOUND"),
        (
            "query ($c: ID!, $f: Date!, $t: Date!) { centrePerformance(centreId: $c, from: $f, to: $t) { __typename ... on Problem { code } } }",
            {"c": "MED-C01", "f": TODAY.isoformat(), "t": (TODAY - timedelta(days=1)).isoformat()},
            "centrePerformance",
            "DATE_RANGE_INVALID",
        ),
    ],
)
def test_bad_input_from_the_monitor_is_a_typed_error_and_writes_nothing(
    client: GraphQLClient, stack: ProvisionedStack, query: str, variables: dict[str, Any], field: str, code: str
) -> None:
    monitor = sign_in(client, MONITOR_ID)
    before = (item_count(stack), item_count(stack, "AuditTable"))
    reply = client.post(query, variables, token=monitor)
    assert reply.data[field]["code"] == code
    assert (item_count(stack), item_count(stack, "AuditTable")) == before


INSPECT = """mutation ($i: InspectionInput!) { recordInspection(input: $i) {
  __typename ... on Problem { code field } ... on Inspection { id findingsOpen followUpDue photos } } }"""


def inspection_input(centre_id: str, **changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "centreId": centre_id,
        "visitedOn": (today_in_madinah() - timedelta(days=1)).isoformat(),
        "results": [
            {"item": item, "passed": item != "POSTED_CHARGES"}
            for item in ("EQUIPMENT", "CONNECTIVITY", "TRAINED_STAFF", "ACCESSIBILITY", "POSTED_CHARGES", "RECEIPTS")
        ],
        "findings": [{"severity": "MAJOR", "text": "The rate list is not on display"}],
        "photos": ["doc-rate-wall-01"],
        "followUpDue": (today_in_madinah() + timedelta(days=14)).isoformat(),
    }
    value.update(changes)
    return value


def test_an_inspections_open_findings_are_shown_to_the_centre_only(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    monitor = sign_in(client, MONITOR_ID)
    recorded = client.post(INSPECT, {"i": inspection_input("MED-C02")}, token=monitor).data["recordInspection"]
    assert recorded["findingsOpen"] is True
    assert recorded["photos"] == ["doc-rate-wall-01"]
    own = client.post(
        "query ($c: ID!) { inspections(centreId: $c) { items { id findingsOpen findings { severity text } } } }",
        {"c": "MED-C02"},
        token=sign_in(client, OPERATOR_C02),
    ).data["inspections"]["items"]
    assert {
        "id": recorded["id"],
        "findingsOpen": True,
        "findings": [{"severity": "MAJOR", "text": "The rate list is not on display"}],
    } in own
    other = client.post(
        "query ($c: ID!) { inspections(centreId: $c) { items { id } } }",
        {"c": "MED-C02"},
        token=sign_in(client, OPERATOR_C01),
    )
    assert other.error_codes == ["NOT_FOUND"]
    before = item_count(stack)
    for changes, code in (
        ({"visitedOn": (today_in_madinah() + timedelta(days=1)).isoformat()}, "INSPECTION_DATE_INVALID"),
        ({"followUpDue": None}, "FOLLOW_UP_INVALID"),
        ({"photos": ["../../secret"]}, "DOCUMENT_REFERENCE_INVALID"),
    ):
        assert (
            client.post(INSPECT, {"i": inspection_input("MED-C02", **changes)}, token=monitor).data["recordInspection"][
                "code"
            ]
            == code
        )
    assert item_count(stack) == before


# ---------------------------------------------------------------- the figures and feedback follow real requests


@pytest.fixture(scope="module")
def route(stack: ProvisionedStack) -> Iterator[tuple[Container, QueuePump]]:
    """The stack's consumers, run by the local pump as Lambda's SQS triggers would."""
    with pytest.MonkeyPatch.context() as patch:
        for key, value in stack.environment.items():
            patch.setitem(os.environ, key, value)
        bootstrap.container.cache_clear()
        container = bootstrap.container()
        pump = QueuePump(
            container.adapters.client("sqs"), queue_routes(container, stack, None), stack.region, retry_delay_seconds=0
        )
        yield container, pump
    bootstrap.container.cache_clear()


def until(pump: QueuePump, condition: Callable[[], bool], seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pump.drain()
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("not there in time")


SETUP_OPERATOR = Caller(Principal("op-setup", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "setup")


def filed_request(container: Container, citizen: SignedInCitizen) -> str:
    """A request filed at MED-C01 for the citizen (Civil Affairs' national ID renewal), not yet delivered."""
    evidence = EvidenceForm(
        IdentityDocumentType.NATIONAL_ID_CARD,
        citizen.national_id,
        DateEntry.gregorian(today_in_madinah() + timedelta(days=90)),
    )
    key = uuid.uuid4().hex
    form = SubmissionForm(
        citizen.citizen_id,
        "NID-RENEW",
        {"reason": "EXPIRED", "deliveryDistrict": "QUBA"},
        attach_via(container, SETUP_OPERATOR, "NID-RENEW", key=key),
        Decimal("125.00"),
        PaymentMethod.CASH,
        evidence,
        key,
    )
    return container.use_cases.request_submission.submit_service_request(SETUP_OPERATOR, form).file.request.request_id


def delivered_request(route: tuple[Container, QueuePump], citizen: SignedInCitizen) -> str:
    """A request filed at MED-C01 for the citizen, taken through Civil Affairs and handed over."""
    container, pump = route
    operator = SETUP_OPERATOR
    officer = Caller(Principal("officer-setup", Role.AGENCY_OFFICER, agency_code="CIVIL-AFFAIRS"), "setup")
    request_id = filed_request(container, citizen)
    file = lambda: container.adapters.requests.get_file(request_id)  # noqa: E731
    until(pump, lambda: bool(file().handoffs) and file().handoffs[0].status is HandoffStatus.FORWARDED)  # type: ignore[union-attr]
    container.use_cases.agency_window.acknowledge_receipt(officer, request_id)
    until(pump, lambda: bool(file().handoffs[0].completion_token))  # type: ignore[union-attr]
    container.use_cases.agency_window.complete_step(officer, request_id, None)
    until(pump, lambda: file().request.status is RequestStatus.COMPLETED_AT_CENTRE)  # type: ignore[union-attr]
    container.use_cases.centre_desk.confirm_delivery(operator, request_id)
    return request_id


def test_the_monitor_sees_the_figures_move_as_requests_move(
    client: GraphQLClient, route: tuple[Container, QueuePump]
) -> None:
    monitor = sign_in(client, MONITOR_ID)
    period = {
        "c": "MED-C01",
        "f": (today_in_madinah() - timedelta(days=30)).isoformat(),
        "t": today_in_madinah().isoformat(),
    }

    def figures() -> dict[str, Any]:
        return dict(client.post(PERFORMANCE, period, token=monitor).data["centrePerformance"]["figures"])

    before = figures()
    citizen = open_and_activate(client, sign_in(client, OPERATOR_C01))
    delivered_request(route, citizen)
    until(route[1], lambda: figures()["acknowledgement"]["count"] == before["acknowledgement"]["count"] + 1)
    after = figures()
    assert after["submitted"] == before["submitted"] + 1
    assert Decimal(after["feesCollected"]) == Decimal(before["feesCollected"]) + Decimal("125.00")
    ranking = client.post(
        "query ($f: Date!, $t: Date!) { centreRanking(metric: SUBMITTED, from: $f, to: $t) { rank centreId value } }",
        {"f": period["f"], "t": period["t"]},
        token=monitor,
    ).data["centreRanking"]
    ours = next(row for row in ranking if row["centreId"] == "MED-C01")
    assert ours["value"] == after["submitted"]
    assert ours["rank"] == 1 + sum(1 for row in ranking if row["value"] is not None and row["value"] > ours["value"])


def test_a_citizen_rates_once_and_complains_after_delivery_and_the_monitor_resolves_it(
    client: GraphQLClient, route: tuple[Container, QueuePump]
) -> None:
    citizen = open_and_activate(client, sign_in(client, OPERATOR_C01))
    rate = f"mutation ($id: ID!, $s: Int!) {{ rateCentre(requestId: $id, stars: $s) {{ {PROBLEM} ... on Rating {{ stars centreId }} }} }}"
    request_id = delivered_request(route, citizen)
    assert (
        client.post(rate, {"id": request_id, "s": 9}, token=citizen.token).data["rateCentre"]["code"]
        == "RATING_INVALID"
    )
    assert client.post(rate, {"id": request_id, "s": 4}, token=citizen.token).data["rateCentre"] == {
        "__typename": "Rating",
        "stars": 4,
        "centreId": "MED-C01",
    }
    assert (
        client.post(rate, {"id": request_id, "s": 5}, token=citizen.token).data["rateCentre"]["code"] == "ALREADY_RATED"
    )
    complained = client.post(
        f"mutation ($id: ID!, $t: String!) {{ fileComplaint(requestId: $id, text: $t) {{ {PROBLEM} ... on Complaint {{ id text status }} }} }}",
        {"id": request_id, "t": f"I paid 10 SAR more than posted. My ID is {citizen.national_id}"},
        token=citizen.token,
    ).data["fileComplaint"]
    assert complained["status"] == "OPEN"
    assert citizen.national_id not in complained["text"]
    monitor = sign_in(client, MONITOR_ID)
    listed = client.post("{ complaints(status: OPEN, first: 100) { items { id centreId } } }", token=monitor).data
    assert {"id": complained["id"], "centreId": "MED-C01"} in listed["complaints"]["items"]
    resolved = client.post(
        f'mutation ($id: ID!) {{ resolveComplaint(complaintId: $id, note: "10 SAR refunded") {{ {PROBLEM} ... on Complaint {{ status resolutionNote }} }} }}',
        {"id": complained["id"]},
        token=monitor,
    ).data["resolveComplaint"]
    assert resolved == {"__typename": "Complaint", "status": "RESOLVED", "resolutionNote": "10 SAR refunded"}
    followed = client.post(
        f"query ($id: ID!) {{ myFeedback(requestId: $id) {{ {PROBLEM} ... on RequestFeedback {{ "
        "rating { stars } complaints { id status resolutionNote } } } }",
        {"id": request_id},
        token=citizen.token,
    ).data["myFeedback"]
    assert followed == {
        "__typename": "RequestFeedback",
        "rating": {"stars": 4},
        "complaints": [{"id": complained["id"], "status": "RESOLVED", "resolutionNote": "10 SAR refunded"}],
    }
    container = route[0]
    assert container.adapters.notification_repository.get_notification(
        citizen.citizen_id, f"COMPLAINT#{complained['id']}#RESOLVED"
    )


def test_feedback_the_citizen_may_not_give_is_a_typed_error_and_writes_nothing(
    client: GraphQLClient, stack: ProvisionedStack, route: tuple[Container, QueuePump]
) -> None:
    citizen = open_and_activate(client, sign_in(client, OPERATOR_C01))
    rate = f"mutation ($id: ID!, $s: Int!) {{ rateCentre(requestId: $id, stars: $s) {{ {PROBLEM} ... on Rating {{ stars }} }} }}"
    complain = f"mutation ($id: ID!, $t: String!) {{ fileComplaint(requestId: $id, text: $t) {{ {PROBLEM} ... on Complaint {{ id }} }} }}"
    pending = filed_request(route[0], citizen)
    delivered = delivered_request(route, citizen)
    assert (
        client.post(rate, {"id": delivered, "s": 5}, token=citizen.token).data["rateCentre"]["__typename"] == "Rating"
    )

    def written() -> tuple[int, int]:
        return item_count(stack), item_count(stack, "AuditTable")

    before = written()
    refusals = [
        (rate, {"id": pending, "s": 5}, "rateCentre", "REQUEST_NOT_DELIVERED"),
        (rate, {"id": delivered, "s": 1}, "rateCentre", "ALREADY_RATED"),
        (rate, {"id": delivered, "s": 0}, "rateCentre", "RATING_INVALID"),
        (complain, {"id": pending, "t": "Nothing yet after a week"}, "fileComplaint", "REQUEST_NOT_DELIVERED"),
        (complain, {"id": delivered, "t": "   "}, "fileComplaint", "COMPLAINT_TEXT_INVALID"),
    ]
    for query, variables, field, code in refusals:
        assert client.post(query, variables, token=citizen.token).data[field]["code"] == code, (field, code)
    assert written() == before
