"""The demo's money story (docs/money.md): one filing in cash and one more by card, the centre's day
statement and drawer, cash remitted to the treasury; then the acquirer settles the day's card payments
with one line left out and one paid short, the reconciliation finds both, the monitoring office reads
them and the centre's statement counts them."""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from functions.domain.ledger import PosSlip
from functions.domain.madinah_time import today_in_madinah
from functions.domain.money import Money
from functions.local.acquirer_simulator import Faults, Processed, put_settlement, settlement_file
from functions.local.demo_client import URL, Demo, card_expiry, say, step
from functions.local.demo_documents import upload_documents
from functions.local.pos_terminal import slip_for
from functions.local.sadad_simulator import pay
from functions.local.stack import load_environment, stack_client

__all__ = ["money_story"]

SUBMIT = """mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { __typename
    ... on SubmittedRequest { request { id status payment { method amount terminalId retrievalReference }
    bill { billNumber amount expiresAt } } } ... on Problem { code message { en } } } }"""
STATUS = "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { status payment { method } } } }"
STATEMENT = """query ($c: ID, $d: Date!) { centreStatements(centreId: $c, from: $d, to: $d) { ... on CentreStatements {
    days { filings cashCollected madaCollected expectedRemittance remitted settledLines discrepancies } } } }"""
DRAWER = "{ centreLedger { ... on CentreLedger { cashInDrawer accounts { account balance } } } }"
REMIT = """mutation ($i: RecordRemittanceInput!) { recordRemittance(input: $i) { __typename
    ... on JournalEntry { entryId amount } ... on Problem { code } } }"""
DISCREPANCIES = """query ($d: Date!) { settlementDiscrepancies(from: $d, to: $d, first: 100) { items {
    kind centreId terminalId retrievalReference ledgerAmount settledAmount foundIn } } }"""


def money_story(demo: Demo, operator: str, monitor: str, citizen_id: str, national_id: str, permit_key: str) -> None:
    today = today_in_madinah()
    step("Money: a renewal paid in cash, another by Mada card (the slip's terminal id and RRN typed in)")
    _file(demo, operator, citizen_id, national_id, "CASH")
    card_key = _file(demo, operator, citizen_id, national_id, "MADA")
    day = demo.call(STATEMENT, {"d": today.isoformat()}, operator)["centreStatements"]["days"][0]
    say(
        f"   today's statement: {day['filings']} filings, cash {day['cashCollected']} SAR, Mada {day['madaCollected']}"
        f" SAR; owed to the treasury from the drawer: {day['expectedRemittance']} SAR"
    )
    drawer = Decimal(demo.call(DRAWER, token=operator)["centreLedger"]["cashInDrawer"])
    remitted = demo.call(
        REMIT, {"i": {"amount": "100.00", "reference": f"DEP-{secrets.token_hex(4).upper()}"}}, operator
    )
    after = demo.call(DRAWER, token=operator)["centreLedger"]["cashInDrawer"]
    say(
        f"   cash in the drawer {drawer} SAR; 100 SAR remitted ({remitted['recordRemittance']['entryId']}): {after} SAR left"
    )

    step("A renewal paid by SADAD: the citizen gets a bill number, the request waits until the bank pays it")
    sadad_request, bill = _file_by_sadad(demo, operator, citizen_id, national_id)
    environment = load_environment()
    reply = pay(
        f"{URL.rsplit('/graphql', 1)[0]}/sadad/payments", environment["SADAD_NOTIFICATION_SECRET"], bill, "125.00"
    )
    say(f"   SADAD notifies the payment (signed): {reply.status_code} {reply.json()}")
    started = demo.until("the paid request's route", lambda: _status(demo, operator, sadad_request, "AT_AGENCIES"))
    say(f"   the request is now {started['status']}, paid by {started['payment']['method']}")

    step("The acquirer settles the day's card payments: one line lost, one paid 5 SAR short")
    processed = [
        Processed(PosSlip(*slip_for(permit_key)), Money.sar("1025.00"), today),
        Processed(PosSlip(*slip_for(card_key)), Money.sar("125.00"), today),
    ]
    key = _deliver(today, settlement_file(today, processed, Faults(drop=1, short=1)))
    say(f"   the settlement file lands in the bucket: {key}")
    found = demo.until(
        "the reconciliation of the day's card payments",
        lambda: _found(demo, monitor, today, {p.slip.retrieval_reference for p in processed}),
    )
    for item in found:
        say(
            f"   the monitoring office sees {item['kind']}: terminal {item['terminalId']} RRN {item['retrievalReference']}"
            f" (ledger {item['ledgerAmount']} SAR, settled {item['settledAmount']} SAR) at {item['centreId']}"
        )
    day = demo.call(STATEMENT, {"d": today.isoformat()}, operator)["centreStatements"]["days"][0]
    say(
        f"   the centre's statement: {day['settledLines']} card payment(s) settled, {day['discrepancies']} discrepancies"
    )


def _file_by_sadad(demo: Demo, operator: str, citizen_id: str, national_id: str) -> tuple[str, str]:
    _, submitted = _submit(demo, operator, citizen_id, national_id, "SADAD")
    request_id, bill = str(submitted["request"]["id"]), submitted["request"]["bill"]
    say(
        f"   {submitted['request']['status']}: SADAD bill {bill['billNumber']}, {bill['amount']} SAR, by {bill['expiresAt'][:16]}"
    )
    return request_id, bill["billNumber"]


def _status(demo: Demo, operator: str, request_id: str, wanted: str) -> dict[str, Any] | None:
    found: dict[str, Any] = demo.call(STATUS, {"id": request_id}, operator)["request"]
    return found if found["status"] == wanted else None


def _submit(demo: Demo, operator: str, citizen_id: str, national_id: str, method: str) -> tuple[str, dict[str, Any]]:
    key = f"demo-{secrets.token_hex(8)}"
    documents = upload_documents(demo, operator, "NID-RENEW", ["CURRENT-ID", "PHOTO"], key)
    card = method in {"MADA", "CARD"}
    slip = dict(zip(("terminalId", "retrievalReference"), slip_for(key), strict=True)) if card else None
    filing: dict[str, Any] = {
        "citizenId": citizen_id,
        "serviceCode": "NID-RENEW",
        "answers": [{"key": "reason", "value": "EXPIRED"}, {"key": "deliveryDistrict", "value": "QUBA"}],
        "documents": documents,
        "amount": "125.00",
        "paymentMethod": method,
        "posSlip": slip,
        "identityCheck": {
            "documentType": "NATIONAL_ID_CARD",
            "documentNumber": national_id,
            "expiresOn": card_expiry(),
        },
        "idempotencyKey": key,
    }
    submitted = demo.call(SUBMIT, {"i": filing}, operator)["submitServiceRequest"]
    if submitted["__typename"] != "SubmittedRequest":
        raise SystemExit(f"could not file: {submitted}")
    return key, submitted


def _file(demo: Demo, operator: str, citizen_id: str, national_id: str, method: str) -> str:
    key, submitted = _submit(demo, operator, citizen_id, national_id, method)
    payment = submitted["request"]["payment"]
    slip_text = f", slip {payment['terminalId']} / {payment['retrievalReference']}" if payment["terminalId"] else ""
    say(f"   {payment['method']}: {payment['amount']} SAR{slip_text}")
    return key


def _deliver(day: date, text: str) -> str:
    environment = load_environment()
    s3 = stack_client("s3", environment)
    return put_settlement(s3, environment["SETTLEMENTS_BUCKET"], day, text, name=f"demo-{secrets.token_hex(4)}")


def _found(demo: Demo, monitor: str, day: date, ours: set[str]) -> list[dict[str, Any]]:
    """The discrepancies of the demo's own card payments (the day may hold others', all unsettled)."""
    listed = demo.call(DISCREPANCIES, {"d": day.isoformat()}, monitor)["settlementDiscrepancies"]["items"]
    items = [item for item in listed if item["retrievalReference"] in ours]
    kinds = {item["kind"] for item in items}
    return items if {"AMOUNT_MISMATCH", "MISSING_IN_SETTLEMENT"} <= kinds else []
