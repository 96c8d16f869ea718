"""The centre's call list over both transports (docs/sms.md): an SMS that never reached its citizen is on
the list of the centre that opened the record, for that centre's operators only; marking the call done is
audited once, and again changes nothing; the citizen sees the SMS's delivery status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from functions.bootstrap import Settings, build_container
from functions.local.provision import ProvisionedStack
from tests.api.test_requests_api import SUBMIT, filed_permit
from tests.support.people import SignedInCitizen, open_and_activate, sign_in
from tests.support.sms import fail_permanently
from tests.support.transports import GraphQLClient

OPERATOR_X, OPERATOR_Y = "1000001014", "1000001022"  # MED-C01, MED-C02 (the local seed)
CALL_LIST = "{ callList { items { id citizenId to template status reason attempts doneAt } } }"
DONE_LIST = "{ callList(done: true) { items { id doneBy note } } }"
MARK_DONE = """mutation ($id: ID!, $note: String) { markCallDone(callId: $id, note: $note) {
    __typename ... on CallListEntry { id doneAt doneBy note } ... on Problem { code } } }"""
MY_SMS = "{ myNotifications { items { event status statusReason onCallList } } }"
TRAIL = """query ($t: String!, $s: DateTime!, $u: DateTime!) { auditTrail(target: $t, since: $s, until: $u) {
    items { action outcome actor } } }"""


def failed_record_sms(stack: ProvisionedStack, citizen: SignedInCitizen) -> None:
    """The record-opened SMS goes out (moto's SNS) and its carrier answers: no such number."""
    container = build_container(Settings.from_environ(stack.environment))
    sent = container.use_cases.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert sent is not None
    fail_permanently(container, sent)


def test_the_call_list_is_the_centres_own_and_a_call_is_marked_done_once(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    x, y = sign_in(client, OPERATOR_X), sign_in(client, OPERATOR_Y)
    citizen = open_and_activate(client, x)
    failed_record_sms(stack, citizen)

    calls = [
        c for c in client.post(CALL_LIST, token=x).data["callList"]["items"] if c["citizenId"] == citizen.citizen_id
    ]
    assert [(c["template"], c["status"], c["reason"], c["doneAt"]) for c in calls] == [
        ("RECORD_OPENED", "PERMANENT_FAILURE", "Invalid phone number", None)
    ]
    call_id = calls[0]["id"]
    assert calls[0]["to"].startswith("+9665")
    assert "*****" in calls[0]["to"]
    assert all(c["id"] != call_id for c in client.post(CALL_LIST, token=y).data["callList"]["items"])
    assert client.post(MARK_DONE, {"id": call_id}, token=y).data["markCallDone"] == {
        "__typename": "NotFound",
        "code": "NOT_FOUND",
    }
    refused = client.post(MARK_DONE, {"id": call_id}, token=citizen.token).json()
    assert refused["data"]["markCallDone"]["code"] == "FORBIDDEN"

    done = client.post(MARK_DONE, {"id": call_id, "note": "reached; new number"}, token=x).data["markCallDone"]
    again = client.post(MARK_DONE, {"id": call_id, "note": "clicked twice"}, token=x).data["markCallDone"]
    assert done["__typename"] == "CallListEntry"
    assert (done["note"], again) == ("reached; new number", done)
    assert all(c["id"] != call_id for c in client.post(CALL_LIST, token=x).data["callList"]["items"])
    assert call_id in [c["id"] for c in client.post(DONE_LIST, token=x).data["callList"]["items"]]

    monitor = sign_in(client, "1000001055")
    period = {"t": f"call:{call_id}", "s": (datetime.now(UTC) - timedelta(hours=1)).isoformat()}
    trail = client.post(TRAIL, {**period, "u": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}, token=monitor)
    assert sorted((r["action"], r["outcome"]) for r in trail.data["auditTrail"]["items"]) == [
        ("markCallDone", "ALLOWED"),
        ("markCallDone", "DENIED"),
        ("markCallDone", "DENIED"),
    ]

    mine = client.post(MY_SMS, token=citizen.token).data["myNotifications"]["items"]
    assert mine == [
        {
            "event": "RECORD_OPENED",
            "status": "PERMANENT_FAILURE",
            "statusReason": "Invalid phone number",
            "onCallList": True,
        }
    ]


def test_other_roles_have_no_call_list(client: GraphQLClient) -> None:
    for national_id in ("1000001030", "1000001055"):  # an agency officer, the monitor
        reply = client.post(CALL_LIST, token=sign_in(client, national_id)).json()
        assert reply["data"] is None
        assert reply["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert client.post(CALL_LIST).json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


REQUEST_SMS = """query ($id: ID!) { request(id: $id) { __typename
    ... on ServiceRequest { sms { event template status attempts onCallList } } } }"""


def test_a_requests_sms_and_their_status_show_to_its_citizen_and_its_centre_only(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    x = sign_in(client, OPERATOR_X)
    citizen = open_and_activate(client, x)
    submitted = client.post(SUBMIT, {"i": filed_permit(client, x, citizen)}, token=x).data["submitServiceRequest"]
    request_id = submitted["request"]["id"]
    container = build_container(Settings.from_environ(stack.environment))
    sent = container.use_cases.notifications.deliver(citizen.citizen_id, f"REQ#{request_id}#SUBMITTED")
    assert sent is not None
    fail_permanently(container, sent)

    expected = [
        {
            "event": f"REQ#{request_id}#SUBMITTED",
            "template": "REQUEST_SUBMITTED",
            "status": "PERMANENT_FAILURE",
            "attempts": 1,
            "onCallList": True,
        }
    ]
    for token in (x, citizen.token):
        assert client.post(REQUEST_SMS, {"id": request_id}, token=token).data["request"]["sms"] == expected
    monitor = client.post(REQUEST_SMS, {"id": request_id}, token=sign_in(client, "1000001055")).data["request"]
    assert monitor == {"__typename": "ServiceRequest", "sms": []}


CALL_NUMBER = """query ($id: ID!) { callNumber(callId: $id) { __typename
    ... on CallNumber { callId mobile } ... on Problem { code } } }"""


def test_the_full_number_goes_to_the_centres_operator_only_and_each_one_handed_out_is_audited(
    client: GraphQLClient, stack: ProvisionedStack
) -> None:
    x, y = sign_in(client, OPERATOR_X), sign_in(client, OPERATOR_Y)
    citizen = open_and_activate(client, x)
    failed_record_sms(stack, citizen)
    call_id = next(
        c["id"]
        for c in client.post(CALL_LIST, token=x).data["callList"]["items"]
        if c["citizenId"] == citizen.citizen_id
    )
    container = build_container(Settings.from_environ(stack.environment))
    record = container.adapters.citizens.get_citizen(citizen.citizen_id)
    assert record is not None

    assert client.post(CALL_NUMBER, {"id": call_id}, token=x).data["callNumber"] == {
        "__typename": "CallNumber",
        "callId": call_id,
        "mobile": record.mobile.e164,
    }
    assert client.post(CALL_NUMBER, {"id": call_id}, token=y).data["callNumber"] == {
        "__typename": "NotFound",
        "code": "NOT_FOUND",
    }
    assert client.post(CALL_NUMBER, {"id": "no-such-call"}, token=x).data["callNumber"]["code"] == "NOT_FOUND"
    officer = client.post(CALL_NUMBER, {"id": call_id}, token=sign_in(client, "1000001030")).json()
    assert officer["data"]["callNumber"]["code"] == "FORBIDDEN"

    monitor = sign_in(client, "1000001055")
    period = {"t": f"call:{call_id}", "s": (datetime.now(UTC) - timedelta(hours=1)).isoformat()}
    trail = client.post(TRAIL, {**period, "u": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}, token=monitor)
    assert sorted((r["action"], r["outcome"]) for r in trail.data["auditTrail"]["items"]) == [
        ("callNumber", "ALLOWED"),
        ("callNumber", "DENIED"),
        ("callNumber", "DENIED"),
    ]
