"""The demo's SMS delivery story (docs/sms.md): one SMS delivered, one failing temporarily and delivered
on its retry, one failing permanently onto the centre's call list, which the operator clears.

Every SMS goes through the fake aggregator, whose simulated carrier reports back to the webhook; the test
numbers decide what happens (``functions/local/simulated_carrier.py``)."""

from __future__ import annotations

import secrets
from typing import Any

from functions.local.demo_client import Demo, card_expiry, new_national_id, say, step
from functions.local.simulated_carrier import ALWAYS_PERMANENT, TEMPORARY_ONCE

__all__ = ["sms_delivery_story"]

OPEN = """mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename
    ... on CitizenRecordWithPassword { temporaryPassword citizen { id } } ... on Problem { code } } }"""
TAKE_OVER = """mutation ($n: String!, $s: String!, $p: String!) {
    completeNewPassword(nationalId: $n, session: $s, newPassword: $p) { ... on SignedIn { accessToken } } }"""
MY_SMS = "{ myNotifications(first: 5) { items { event status statusReason attempts onCallList } } }"
CALL_LIST = "{ callList { items { id citizenId to template status reason attempts } } }"
MARK_DONE = """mutation ($id: ID!, $note: String) { markCallDone(callId: $id, note: $note) {
    __typename ... on CallListEntry { id doneAt doneBy note } ... on Problem { code } } }"""


def sms_delivery_story(demo: Demo, operator: str, citizen: str) -> None:
    step("SMS delivery: each SMS's receipt from the carrier (through the aggregator's signed webhook)")
    delivered = demo.until("the record-opened SMS delivered", lambda: _record_sms(demo, citizen, "DELIVERED"))
    say(f"   the first citizen's SMS: {delivered['status']} ({delivered['statusReason']})")

    step("A citizen whose phone is off at first (a test number): the SMS fails, and is retried")
    _, retried_citizen = _citizen_at(demo, operator, f"0{TEMPORARY_ONCE[4:]}{secrets.randbelow(1000):03d}")
    retried = demo.until("the retried SMS delivered", lambda: _record_sms(demo, retried_citizen, "DELIVERED"))
    say(f"   {retried['status']} after {retried['attempts']} attempts ({retried['statusReason']})")

    step("A citizen whose number the carrier does not know (a test number): the centre must call")
    failed_id, failed_citizen = _citizen_at(demo, operator, f"0{ALWAYS_PERMANENT[4:]}{secrets.randbelow(1000):03d}")
    failed = demo.until("the SMS failed", lambda: _record_sms(demo, failed_citizen, "PERMANENT_FAILURE"))
    say(f"   {failed['status']} ({failed['statusReason']}); on the centre's call list: {failed['onCallList']}")

    def on_the_list() -> dict[str, Any] | None:
        items = demo.call(CALL_LIST, token=operator)["callList"]["items"]
        return next((item for item in items if item["citizenId"] == failed_id), None)

    call = demo.until("the call on the centre's list", on_the_list)
    say(f"   call list: {call['to']} — {call['template']}, {call['status']}: {call['reason']}")
    done = demo.call(MARK_DONE, {"id": call["id"], "note": "reached by phone; number corrected"}, operator)
    say(f"   the operator calls and marks it done: {done['markCallDone']}")
    left = [item["id"] for item in demo.call(CALL_LIST, token=operator)["callList"]["items"]]
    say(f"   still on the list: {'nothing' if call['id'] not in left else 'the call (unexpected)'}")


def _citizen_at(demo: Demo, operator: str, mobile: str) -> tuple[str, str]:
    """A record opened at ``mobile``, taken over by its citizen: its id, and the citizen's token (to read
    their own SMS)."""
    national_id = new_national_id()
    check = {"documentType": "NATIONAL_ID_CARD", "documentNumber": national_id, "expiresOn": card_expiry()}
    record = {
        "nationalId": national_id,
        "nameAr": "سعد فهد العنزي",
        "birthDate": {"date": "1995-03-02", "calendar": "GREGORIAN"},
        "mobile": mobile,
        "identityCheck": check,
    }
    opened = demo.call(OPEN, {"i": record}, operator)["openCitizenRecord"]
    if opened["__typename"] != "CitizenRecordWithPassword":
        raise SystemExit(f"could not open the record: {opened}")
    say(f"   record opened for mobile {mobile[:4]}*****{mobile[-2:]}")
    challenge = demo.sign_in(national_id, opened["temporaryPassword"])
    variables = {"n": national_id, "s": challenge["session"], "p": "my own long password 2026"}
    token = str(demo.call(TAKE_OVER, variables)["completeNewPassword"]["accessToken"])
    return str(opened["citizen"]["id"]), token


def _record_sms(demo: Demo, citizen: str, status: str) -> dict[str, Any] | None:
    items = demo.call(MY_SMS, token=citizen)["myNotifications"]["items"]
    return next((i for i in items if i["event"] == "RECORD_OPENED" and i["status"] == status), None)
