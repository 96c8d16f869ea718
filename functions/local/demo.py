"""``make demo``: the whole story of the article, through GraphQL, against a running ``make dev``.

A centre operator opens a citizen's record and hands over a first password; the citizen takes the
account over; the operator uploads the permit's documents (real sample files, straight to S3, verified),
files a building permit (Municipality, then Civil Defence) and collects the fee; each agency downloads
the documents from its window, acknowledges and completes its step; the finished transaction comes
back to the centre, which hands it over. Every step and every SMS (in Arabic) is printed as it happens.
Then the monitoring office sees the centre's figures moved, suspends the centre, watches its next
filing be refused, and reinstates it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import secrets
import threading
import time
from datetime import date, timedelta
from typing import Any

import httpx
import websockets

from functions.domain.identity_numbers import luhn_valid
from functions.local.sample_documents import sample_for

URL = os.environ.get("SHUBBAK_GRAPHQL_URL", "http://127.0.0.1:8000/graphql")
SOCKET_URL = URL.replace("http", "ws", 1)
PASSWORD = "Shubbak-demo-2026"  # noqa: S105 - the local seed's published demo password
OPERATOR, MUNICIPALITY, CIVIL_DEFENCE = "1000001014", "1000001030", "1000001048"
STEP_TIMEOUT_SECONDS = 60


class Demo:
    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.sms_seen: set[str] = set()

    def call(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        reply = self.client.post(URL, json={"query": query, "variables": variables or {}}, headers=headers)
        body: dict[str, Any] = reply.json()
        if body.get("errors"):
            raise SystemExit(f"GraphQL error: {body['errors']}")
        return dict(body["data"])

    def sign_in(self, national_id: str, password: str = PASSWORD) -> dict[str, Any]:
        query = """mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) {
            __typename ... on SignedIn { accessToken } ... on NewPasswordRequired { session } ... on Problem { code } } }"""
        return dict(self.call(query, {"n": national_id, "p": password})["signIn"])

    def until(self, what: str, check: Any) -> Any:
        deadline = time.monotonic() + STEP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            result = check()
            if result:
                return result
            time.sleep(0.5)
        raise SystemExit(f"timed out waiting for: {what}")

    def show_sms(self, citizen_token: str) -> set[str]:
        """Print the citizen's SMS not printed yet; the events seen so far."""
        items = self.call("{ myNotifications(first: 50) { items { event text status } } }", token=citizen_token)
        for message in reversed(items["myNotifications"]["items"]):
            if message["event"] not in self.sms_seen and message["status"] == "SENT":
                self.sms_seen.add(message["event"])
                print(f"      📱 SMS: {message['text']}")
        return self.sms_seen


WINDOW = "{ agencyWindow { items { requestId trackingNumber status dueAt } } }"
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
    print(f"   {item['trackingNumber']} {item['status']}, acknowledgement due {item['dueAt']}")
    download_documents(demo, officer, request_id)
    acknowledged = demo.call(CHANGE % "acknowledgeReceipt", {"id": request_id}, officer)["acknowledgeReceipt"]
    print("   acknowledged:", acknowledged)
    demo.until("the receipt SMS", lambda: any("RECEIVED" in e and agency in e for e in demo.show_sms(citizen)))

    def complete() -> bool:
        result = demo.call(CHANGE % "completeStep", {"id": request_id}, officer)["completeStep"]
        return bool(result["__typename"] == "ServiceRequest")

    demo.until(f"{agency} completing its step", complete)
    print("   step completed")


HANDOFF_EVENTS = "subscription { handoffEvents { kind trackingNumber serviceCode stage agencyCode dueAt at } }"


class AgencyListener:
    """The Municipality officer's live subscription (graphql-transport-ws, the standard `websockets`
    client): prints each hand-off event of the agency the moment it arrives."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.received: list[dict[str, Any]] = []
        self.thread = threading.Thread(target=lambda: asyncio.run(self._listen()), name="agency-listener", daemon=True)

    def start(self) -> AgencyListener:
        self.thread.start()
        if not self.ready.wait(STEP_TIMEOUT_SECONDS):
            raise SystemExit(f"could not subscribe at {SOCKET_URL}")
        return self

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)

    async def _listen(self) -> None:
        async with websockets.connect(
            SOCKET_URL, subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
        ) as socket:
            await socket.send(
                json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {self.token}"}})
            )
            if json.loads(await socket.recv()).get("type") != "connection_ack":
                return
            await socket.send(json.dumps({"id": "demo", "type": "subscribe", "payload": {"query": HANDOFF_EVENTS}}))
            await socket.send(json.dumps({"type": "ping"}))  # answered after the subscription is stored
            while json.loads(await socket.recv()).get("type") != "pong":
                pass
            self.ready.set()
            while not self.stop.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(socket.recv(), 0.5))
                except TimeoutError:
                    continue
                if message.get("type") == "next":
                    event = message["payload"]["data"]["handoffEvents"]
                    self.received.append(event)
                    due = f", due {event['dueAt'][11:19]}" if event["dueAt"] else ""
                    print(
                        f"      🔔 live to Municipality: {event['kind']:<10} {event['trackingNumber']} stage {event['stage']}"
                        f" {event['agencyCode']}{due}",
                        flush=True,
                    )


MONITOR = "1000001055"
FIGURES = """query ($c: ID!, $f: Date!, $t: Date!) { centrePerformance(centreId: $c, from: $f, to: $t) {
  ... on CentrePerformance { figures { submitted feesCollected delivered returnsPer100
      acknowledgement { count medianMinutes p90Minutes } deliveryAfterCompletion { count medianMinutes }
      slaBreaches { total } } openEscalations flags { kind } } } }"""


def centre_figures(demo: Demo, monitor: str) -> dict[str, Any]:
    today = date.today()
    period = {"c": "MED-C01", "f": (today - timedelta(days=29)).isoformat(), "t": today.isoformat()}
    performance = demo.call(FIGURES, period, monitor)["centrePerformance"]
    return {**performance["figures"], "openEscalations": performance["openEscalations"], "flags": performance["flags"]}


def show_figures(figures: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    def value(source: dict[str, Any], path: str) -> Any:
        for key in path.split("."):
            source = source[key]
        return source

    for label, path in (
        ("requests filed", "submitted"),
        ("fees collected, SAR", "feesCollected"),
        ("handed over", "delivered"),
        ("acknowledged by the first agency", "acknowledgement.count"),
        ("  median minutes to that", "acknowledgement.medianMinutes"),
        ("SLA breaches", "slaBreaches.total"),
        ("open escalations", "openEscalations"),
    ):
        now = value(figures, path)
        was = f"{value(before, path)} → " if before is not None else ""
        print(f"   {label:<34} {was}{now}")


def monitoring_office(
    demo: Demo, monitor: str, operator: str, before: dict[str, Any], citizen_id: str, national_id: str
) -> None:
    """The office watches the figures move, suspends the centre, sees it refused, reinstates it."""
    step("The monitoring office reads MED-C01's figures again: they moved with the request")
    after = demo.until(
        "the figures to count the delivery",
        lambda: (f := centre_figures(demo, monitor))["delivered"] > before["delivered"] and f,
    )
    show_figures(after, before)

    step("An inspection found receipts missing: the office suspends MED-C01")
    suspended = demo.call(
        """mutation ($c: ID!, $r: String!) { suspendCentre(centreId: $c, reason: $r) {
            __typename ... on Centre { status serving } ... on Problem { code } } }""",
        {"c": "MED-C01", "r": "Receipts not issued for every fee (field inspection)"},
        monitor,
    )["suspendCentre"]
    print(f"   MED-C01: {suspended}")
    notices = demo.call(
        '{ centreNotices(centreId: "MED-C01", first: 1) { items { kind text { ar en } } } }', token=operator
    )["centreNotices"]["items"]
    print(f"   the centre's notice: {notices[0]['text']['ar']}")

    step("The centre tries to file its next request: refused")
    refused = demo.call(
        """mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) {
            __typename ... on Problem { code message { ar en } } } }""",
        {
            "i": {
                "citizenId": citizen_id,
                "serviceCode": "NID-RENEW",
                "answers": [{"key": "reason", "value": "EXPIRED"}, {"key": "deliveryDistrict", "value": "AL-AWALI"}],
                "documents": ["CURRENT-ID", "PHOTO"],
                "amount": "125.00",
                "paymentMethod": "CASH",
                "identityCheck": {
                    "documentType": "NATIONAL_ID_CARD",
                    "documentNumber": national_id,
                    "expiresOn": (date.today() + timedelta(days=900)).isoformat(),
                },
                "idempotencyKey": f"demo-{secrets.token_hex(8)}",
            }
        },
        operator,
    )["submitServiceRequest"]
    print(f"   {refused['code']}: {refused['message']['ar']} / {refused['message']['en']}")
    if refused.get("code") != "CENTRE_INACTIVE":
        raise SystemExit(f"a suspended centre was not refused: {refused}")

    step("Receipts are printed again: the office reinstates MED-C01 (so the demo can run again)")
    reinstated = demo.call(
        """mutation ($c: ID!) { reinstateCentre(centreId: $c, note: "Receipt printer installed") {
            __typename ... on Centre { status serving } ... on Problem { code } } }""",
        {"c": "MED-C01"},
        monitor,
    )["reinstateCentre"]
    print(f"   MED-C01: {reinstated}")


UPLOAD = """mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) { __typename
    ... on DocumentUpload { url fields { name value } document { id } } ... on Problem { code message { en } } } }"""
ATTACH = """mutation ($id: ID!) { attachDocument(documentId: $id) { __typename
    ... on RequestDocument { id documentType fileName contentType sizeBytes sha256 status } ... on Problem { code message { en } } } }"""
DOCUMENTS = """query ($id: ID!) { request(id: $id) { ... on ServiceRequest {
    attachedDocuments { id documentType fileName sizeBytes sha256 filed } } } }"""
DOWNLOAD = """query ($id: ID!) { documentDownload(documentId: $id) { __typename
    ... on DocumentDownload { url expiresAt } ... on Problem { code } } }"""


def upload_documents(demo: Demo, operator: str, service: str, codes: list[str], key: str) -> list[str]:
    """The operator scans each document the service lists, uploads it straight to S3 and attaches it."""
    ids = []
    for code in codes:
        sample = sample_for(code)
        declared = {
            "draft": {"idempotencyKey": key, "serviceCode": service},
            "documentType": code,
            "fileName": sample.file_name,
            "contentType": sample.content_type,
            "sizeBytes": sample.size_bytes,
            "sha256": sample.sha256,
        }
        issued = demo.call(UPLOAD, {"i": declared}, operator)["requestDocumentUpload"]
        if issued["__typename"] != "DocumentUpload":
            raise SystemExit(f"no upload form for {code}: {issued}")
        fields = {field["name"]: field["value"] for field in issued["fields"]}
        posted = demo.client.post(issued["url"], data=fields, files={"file": (sample.file_name, sample.content)})
        if posted.status_code not in {200, 201, 204}:
            raise SystemExit(f"the upload of {code} failed: HTTP {posted.status_code}")
        attached = demo.call(ATTACH, {"id": issued["document"]["id"]}, operator)["attachDocument"]
        if attached["__typename"] != "RequestDocument":
            raise SystemExit(f"could not attach {code}: {attached}")
        print(
            f"   {code:<8} {attached['fileName']:<20} {attached['contentType']:<16} {attached['sizeBytes']:>6} bytes"
            f"  sha256 {attached['sha256'][:12]}…  {attached['status']}"
        )
        ids.append(attached["id"])
    return ids


def download_documents(demo: Demo, officer: str, request_id: str) -> None:
    """From the window: each document through a short-lived link (audited), its checksum checked."""
    documents = demo.call(DOCUMENTS, {"id": request_id}, officer)["request"]["attachedDocuments"]
    for document in (d for d in documents if d["filed"]):
        link = demo.call(DOWNLOAD, {"id": document["id"]}, officer)["documentDownload"]
        if link["__typename"] != "DocumentDownload":
            raise SystemExit(f"no download link for {document['documentType']}: {link}")
        content = demo.client.get(link["url"]).content
        verified = "verified" if hashlib.sha256(content).hexdigest() == document["sha256"] else "MISMATCH"
        print(
            f"   downloaded {document['documentType']:<8} {document['fileName']:<20} {len(content):>6} bytes, SHA-256 {verified}"
        )


def new_national_id() -> str:
    body = "1" + "".join(secrets.choice("0123456789") for _ in range(8))
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


def step(text: str) -> None:
    print(f"\n▶ {text}", flush=True)


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
                ... on CitizenRecordWithPassword { temporaryPassword citizen { id } } ... on Problem { code message { en } } } }""",
            {
                "i": {
                    "nationalId": national_id,
                    "nameAr": "عبدالرحمن سالم الجهني",
                    "nameEn": "Abdulrahman Salem Al-Juhani",
                    "birthDate": "1988-03-14",
                    "mobile": mobile,
                    "identityCheck": {
                        "documentType": "NATIONAL_ID_CARD",
                        "documentNumber": national_id,
                        "expiresOn": (date.today() + timedelta(days=900)).isoformat(),
                    },
                }
            },
            operator,
        )["openCitizenRecord"]
        if opened["__typename"] != "CitizenRecordWithPassword":
            raise SystemExit(f"could not open the record: {opened}")
        citizen_id, temporary = opened["citizen"]["id"], opened["temporaryPassword"]
        print(f"   temporary password handed over on paper: {temporary}")

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
        print(f"   subscribed at {SOCKET_URL}: subscription {{ handoffEvents {{ … }} }}")
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
                    "identityCheck": {
                        "documentType": "NATIONAL_ID_CARD",
                        "documentNumber": national_id,
                        "expiresOn": (date.today() + timedelta(days=900)).isoformat(),
                    },
                    "idempotencyKey": filing_key,
                }
            },
            operator,
        )["submitServiceRequest"]
        if submitted["__typename"] != "SubmittedRequest":
            raise SystemExit(f"could not submit: {submitted}")
        request = submitted["request"]
        print(
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
        print(f"   status: {delivered['status']}")
        for entry in delivered["history"]:
            print(
                f"     {entry['at'][11:19]}  {entry['event']:<20} {entry['agencyCode'] or '':<14} {entry['actorRole']}"
            )
        demo.until(
            "the Municipality's completed step, live", lambda: any(e["kind"] == "COMPLETED" for e in listener.received)
        )
        listener.close()
        print(f"\n   the Municipality heard {len(listener.received)} hand-off events live, and none of Civil Defence's")
        step("At home, the citizen sees the documents filed with their requests")
        mine = demo.call(
            "{ myDocuments { items { documentType typeName { ar } fileName attachedAt } } }", token=citizen
        )
        for document in mine["myDocuments"]["items"]:
            print(f"   {document['typeName']['ar']} ({document['fileName']}), {document['attachedAt'][:16]}")
        monitoring_office(demo, monitor, operator, figures_before, citizen_id, national_id)
        print("\nDone: the whole story ran through GraphQL on the local stack.")


if __name__ == "__main__":
    main()
