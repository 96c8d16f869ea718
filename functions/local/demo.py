"""``make demo``: the whole story of the article, through GraphQL, against a running ``make dev``.

A centre operator opens a citizen's record and hands over a first password; the citizen takes the
account over; the operator uploads the permit's documents (real sample files, straight to S3, verified),
files a building permit (Municipality, then Civil Defence) and collects the fee; each agency downloads
the documents from its window, acknowledges and completes its step; the finished transaction comes
back to the centre, which hands it over. Every step and every SMS (in Arabic) is printed as it happens.
The SMS's receipts: one delivered, one retried to delivery, one failing onto the centre's call list, which
the operator clears.
Then the monitoring office sees the centre's figures moved, suspends the centre, watches its next
filing be refused, and reinstates it.
"""

from __future__ import annotations

import secrets
from typing import Any

import httpx

from functions.local.demo_client import SOCKET_URL, URL, Demo, card_expiry, new_national_id, say, step
from functions.local.demo_documents import download_documents, upload_documents
from functions.local.demo_live import AgencyListener
from functions.local.demo_money import money_story
from functions.local.demo_monitoring import MONITOR, centre_figures, monitoring_office, show_figures
from functions.local.demo_sms import sms_delivery_story
from functions.local.pos_terminal import slip_for

OPERATOR, MUNICIPALITY, CIVIL_DEFENCE = "1000001014", "1000001030", "1000001048"


WINDOW = """{ agencyWindow { items { requestId trackingNumber status
    dueAtMadinah { time day { weekday gregorian hijri { iso monthName { en } } } } } } }"""
CHANGE = (
    "mutation ($id: ID!) { %s(requestId: $id) { __typename ... on ServiceRequest { status } ... on Problem { code } } }"
)
SMS_SO_FAR = 2  # record opened, request submitted


def work_the_window(demo: Demo, officer_id: str, agency: str, request_id: str, citizen: str) -> None:
    """An agency officer finds the file in the window, acknowledges it and completes the step."""
    step(f"{agency}: the file arrives in the agency's window")
    officer = demo.sign_in(officer_id)["accessToken"]

    def in_window() -> dict[str, Any] | None:
        items = demo.call(WINDOW, token=officer)["agencyWindow"]["items"]
        return next((i for i in items if i["requestId"] == request_id), None)

    item = demo.until(f"the file in {agency}'s window", in_window)
    due = item["dueAtMadinah"]
    say(
        f"   {item['trackingNumber']} {item['status']}, acknowledgement due {due['day']['weekday']} "
        f"{due['day']['gregorian']} ({due['day']['hijri']['iso']} AH) {due['time']} Madinah time, in working hours"
    )
    download_documents(demo, officer, request_id)
    acknowledged = demo.call(CHANGE % "acknowledgeReceipt", {"id": request_id}, officer)["acknowledgeReceipt"]
    say(f"   acknowledged: {acknowledged}")
    demo.until("the receipt SMS", lambda: any("RECEIVED" in e and agency in e for e in demo.show_sms(citizen)))

    def complete() -> bool:
        result = demo.call(CHANGE % "completeStep", {"id": request_id}, officer)["completeStep"]
        return bool(result["__typename"] == "ServiceRequest")

    demo.until(f"{agency} completing its step", complete)
    say("   step completed")


def main() -> None:  # noqa: PLR0915 (the demo is one story told in order, step by step)
    with httpx.Client(timeout=30) as client:
        demo = Demo(client)
        try:
            client.get(URL, headers={"accept": "text/html"})
        except httpx.ConnectError:
            raise SystemExit(f"No dev server at {URL}: start it with `make dev` first.") from None

        step("The monitoring office notes Al-Awali centre's (MED-C01) figures for the last 30 days")
        monitor = demo.sign_in(MONITOR)["accessToken"]
        figures_before = centre_figures(demo, monitor)
        show_figures(figures_before)

        step("The operator of Al-Awali centre (MED-C01) signs in")
        operator = demo.sign_in(OPERATOR)["accessToken"]

        national_id, mobile = new_national_id(), f"055{secrets.randbelow(10**7):07d}"
        step(
            f"…checks the citizen's ID card and opens the electronic record (ID {national_id[0]}******{national_id[-3:]})"
        )
        opened = demo.call(
            """mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename
                ... on CitizenRecordWithPassword { temporaryPassword citizen { id
                    birthDateCalendars { gregorian hijri { iso monthName { en } } enteredIn } } }
                ... on Problem { code message { en } } } }""",
            {
                "i": {
                    "nationalId": national_id,
                    "nameAr": "عبدالرحمن سالم الجهني",
                    "nameEn": "Abdulrahman Salem Al-Juhani",
                    "birthDate": {"date": "1408-07-15", "calendar": "HIJRI"},
                    "mobile": mobile,
                    "identityCheck": {
                        "documentType": "NATIONAL_ID_CARD",
                        "documentNumber": national_id,
                        "expiresOn": card_expiry(),
                    },
                }
            },
            operator,
        )["openCitizenRecord"]
        if opened["__typename"] != "CitizenRecordWithPassword":
            raise SystemExit(f"could not open the record: {opened}")
        citizen_id, temporary = opened["citizen"]["id"], opened["temporaryPassword"]
        born = opened["citizen"]["birthDateCalendars"]
        say(
            f"   birth date as the card prints it: {born['hijri']['iso']} ({born['hijri']['monthName']['en']}, "
            f"entered {born['enteredIn']}), kept as {born['gregorian']}"
        )
        say(f"   temporary password handed over on paper: {temporary}")

        step("The citizen signs in at home, sets their own password")
        challenge = demo.sign_in(national_id, temporary)
        done = demo.call(
            """mutation ($n: String!, $s: String!, $p: String!) { completeNewPassword(nationalId: $n, session: $s, newPassword: $p) {
                ... on SignedIn { accessToken } } }""",
            {"n": national_id, "s": challenge["session"], "p": "my own long password 2026"},
        )
        citizen = done["completeNewPassword"]["accessToken"]
        demo.until("the SMS that the record is open", lambda: demo.show_sms(citizen))

        step("The Municipality officer opens the agency's live subscription (no polling)")
        listener = AgencyListener(demo.sign_in(MUNICIPALITY)["accessToken"]).start()
        say(f"   subscribed at {SOCKET_URL}: subscription {{ handoffEvents {{ … }} }}")
        step("Back at the centre: the building permit's documents are scanned, uploaded to S3 and verified")
        filing_key = f"demo-{secrets.token_hex(8)}"
        documents = upload_documents(demo, operator, "BUILDING-PERMIT", ["DEED", "PLANS", "SURVEY"], filing_key)

        step("…and the permit is filed (Municipality, then Civil Defence); fee 1000 + 25 SAR charge")
        submitted = demo.call(
            """mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { __typename
                ... on SubmittedRequest { pin request { id trackingNumber status payment { receiptNumber amount } } }
                ... on Problem { code message { en } } } }""",
            {
                "i": {
                    "citizenId": citizen_id,
                    "serviceCode": "BUILDING-PERMIT",
                    "answers": [
                        {"key": "deedNumber", "value": "410115003321"},
                        {"key": "floors", "value": "2"},
                        {"key": "district", "value": "QUBA"},
                    ],
                    "documents": documents,
                    "amount": "1025.00",
                    "paymentMethod": "MADA",
                    "posSlip": dict(zip(("terminalId", "retrievalReference"), slip_for(filing_key), strict=True)),
                    "identityCheck": {
                        "documentType": "NATIONAL_ID_CARD",
                        "documentNumber": national_id,
                        "expiresOn": card_expiry(),
                    },
                    "idempotencyKey": filing_key,
                }
            },
            operator,
        )["submitServiceRequest"]
        if submitted["__typename"] != "SubmittedRequest":
            raise SystemExit(f"could not submit: {submitted}")
        request = submitted["request"]
        say(
            f"   receipt {request['payment']['receiptNumber']}: {request['payment']['amount']} SAR, tracking {request['trackingNumber']} PIN {submitted['pin']}"
        )
        demo.until("the SMS that the fee was paid", lambda: len(demo.show_sms(citizen)) >= SMS_SO_FAR)

        for officer_id, agency in ((MUNICIPALITY, "MUNICIPALITY"), (CIVIL_DEFENCE, "CIVIL-DEFENCE")):
            work_the_window(demo, officer_id, agency, request["id"], citizen)

        step("The finished transaction is back at the centre")
        status_query = (
            "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { status history { at event agencyCode } } } }"
        )
        demo.until(
            "COMPLETED_AT_CENTRE",
            lambda: (
                demo.call(status_query, {"id": request["id"]}, operator)["request"]["status"] == "COMPLETED_AT_CENTRE"
            ),
        )
        demo.until("the completion SMS", lambda: any(e.endswith("COMPLETED") for e in demo.show_sms(citizen)))

        step("The centre contacts the citizen and hands the permit over")
        delivered = demo.call(
            "mutation ($id: ID!) { confirmDelivery(requestId: $id) { ... on ServiceRequest { status history { at event agencyCode actorRole } } } }",
            {"id": request["id"]},
            operator,
        )["confirmDelivery"]
        say(f"   status: {delivered['status']}")
        for entry in delivered["history"]:
            say(f"     {entry['at'][11:19]}  {entry['event']:<20} {entry['agencyCode'] or '':<14} {entry['actorRole']}")
        demo.until(
            "the Municipality's completed step, live", lambda: any(e["kind"] == "COMPLETED" for e in listener.received)
        )
        listener.close()
        say(f"\n   the Municipality heard {len(listener.received)} hand-off events live, and none of Civil Defence's")
        step("At home, the citizen sees the documents filed with their requests")
        mine = demo.call(
            "{ myDocuments { items { documentType typeName { ar } fileName attachedAt } } }", token=citizen
        )
        for document in mine["myDocuments"]["items"]:
            say(f"   {document['typeName']['ar']} ({document['fileName']}), {document['attachedAt'][:16]}")
        sms_delivery_story(demo, operator, citizen)
        monitoring_office(demo, monitor, operator, figures_before, citizen_id, national_id)
        money_story(demo, operator, monitor, citizen_id, national_id, filing_key)
        say("\nDone: the whole story ran through GraphQL on the local stack.")


if __name__ == "__main__":
    main()
