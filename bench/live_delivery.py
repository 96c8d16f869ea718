"""Live delivery latency on the local stack: from the mutation that causes a hand-off event to each
subscriber receiving it.

    make dev                     # in one terminal
    make bench-live              # in another: .venv/bin/python -m bench.live_delivery --requests 60

50 subscribers (graphql-transport-ws, ``functions/local/live_client.py``, each on its own thread) are spread over two agencies,
25 on the Municipality's officer and 25 on Civil Defence's, each with ``handoffEvents``. Building
permits (Municipality, then Civil Defence) are filed a few at a time; for each, each agency's officer
acknowledges the file once it is forwarded (event RECEIVED) and completes the step once the state
machine waits for it (event COMPLETED). Timed: from sending ``acknowledgeReceipt`` / ``completeStep``
to each of the agency's 25 subscribers receiving the event — 4 timed events per request, each
delivered 25 times. Everything runs on this machine (moto, the dev server, the queue pump, the
fan-out), so the figures are this stack's, not AWS's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import threading
import time
import uuid
from collections import defaultdict
from datetime import timedelta
from typing import Any

import httpx

from functions.domain.identity_numbers import luhn_valid
from functions.domain.madinah_time import today_in_madinah
from functions.local.live_client import LiveClient
from functions.local.sample_documents import sample_for, upload_declaration

URL = os.environ.get("SHUBBAK_GRAPHQL_URL", "http://127.0.0.1:8000/graphql")
SOCKET_URL = URL.replace("http", "ws", 1)
PASSWORD = "Shubbak-demo-2026"  # noqa: S105 - the local seed's published demo password
OPERATOR = "1000001014"
OFFICERS = {"MUNICIPALITY": "1000001030", "CIVIL-DEFENCE": "1000001048"}
READING_SECONDS = 0.5
"""The officer reads the file between acknowledging and completing. Without it the completion races the
workflow's write of the processing wait's token a few ms after the acknowledgement and is made twice
(the window's retry after a conflict): a robot's timing, not an officer's."""
SUBSCRIBERS_PER_AGENCY = 25
HANDOFF_EVENTS = "subscription { handoffEvents { kind trackingNumber agencyCode } }"
CHANGE = "mutation ($id: ID!) { %s(requestId: $id) { __typename } }"
WAIT_SECONDS = 60
PERMIT_DOCUMENTS = ("DEED", "PLANS", "SURVEY")
UPLOAD = """mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) {
    ... on DocumentUpload { url fields { name value } document { id } } } }"""
ATTACH = "mutation ($id: ID!) { attachDocument(documentId: $id) { ... on RequestDocument { id } } }"


class Bench:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.sent: dict[tuple[str, str, str], float] = {}
        self.received: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        self.seen: dict[tuple[str, str, str], asyncio.Event] = defaultdict(asyncio.Event)
        self.conflicts = 0
        self.answered: dict[tuple[str, str, str], float] = {}

    async def call(self, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        reply = await self.http.post(URL, json={"query": query, "variables": variables}, headers=headers)
        body: dict[str, Any] = reply.json()
        if body.get("errors"):
            raise SystemExit(f"GraphQL error: {body['errors']}")
        return dict(body["data"])

    async def sign_in(self, national_id: str) -> str:
        query = "mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) { ... on SignedIn { accessToken } } }"
        return str((await self.call(query, {"n": national_id, "p": PASSWORD}))["signIn"]["accessToken"])

    def subscriber(
        self, token: str, loop: asyncio.AbstractEventLoop, ready: asyncio.Event, stop: threading.Event
    ) -> None:
        """One subscriber, on its own thread: each event is timed as it arrives, then counted on the loop."""
        with LiveClient.connect(SOCKET_URL) as live:
            live.init(token)
            live.subscribe("1", HANDOFF_EVENTS)
            live.settle()
            loop.call_soon_threadsafe(ready.set)
            live.listen(lambda payload: loop.call_soon_threadsafe(self.heard, payload, time.perf_counter()), stop)

    def heard(self, payload: dict[str, Any], at: float) -> None:
        event = payload["data"]["handoffEvents"]
        key = (event["trackingNumber"], event["agencyCode"], event["kind"])
        self.received[key].append(at)
        self.seen[key].set()

    async def timed(self, mutation: str, request_id: str, key: tuple[str, str, str], token: str) -> None:
        """Timed from the first attempt: a Conflict (the file changed under us, e.g. by the state machine's
        own commit) is retried, as a client would."""
        self.sent[key] = time.perf_counter()
        for _ in range(50):
            result = await self.call(CHANGE % mutation, {"id": request_id}, token)
            answer = result[mutation]["__typename"]
            if answer == "ServiceRequest":
                self.answered[key] = time.perf_counter()
                return
            if answer != "Conflict":
                break
            self.conflicts += 1
            await asyncio.sleep(0.05)
        raise SystemExit(f"{mutation} refused: {result}")

    async def attach_documents(self, operator: str, key: str) -> list[str]:
        """The permit's three documents, each uploaded (a real sample file, to moto's S3) and attached."""
        ids = []
        for code in PERMIT_DOCUMENTS:
            sample = sample_for(code)
            declared = upload_declaration(code, "BUILDING-PERMIT", key)
            issued = (await self.call(UPLOAD, {"i": declared}, operator))["requestDocumentUpload"]
            fields = {field["name"]: field["value"] for field in issued["fields"]}
            posted = await self.http.post(
                issued["url"], data=fields, files={"file": (sample.file_name, sample.content)}
            )
            posted.raise_for_status()
            attached = (await self.call(ATTACH, {"id": issued["document"]["id"]}, operator))["attachDocument"]
            ids.append(str(attached["id"]))
        return ids

    async def one_request(self, operator: str, officers: dict[str, str], citizen_id: str, national_id: str) -> None:
        evidence = {
            "documentType": "NATIONAL_ID_CARD",
            "documentNumber": national_id,
            "expiresOn": {"date": (today_in_madinah() + timedelta(days=400)).isoformat(), "calendar": "GREGORIAN"},
        }
        key = uuid.uuid4().hex
        documents = await self.attach_documents(operator, key)
        submitted = await self.call(
            "mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { ... on SubmittedRequest { request { id trackingNumber } } } }",
            {
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
            operator,
        )
        request = submitted["submitServiceRequest"]["request"]
        tracking, request_id = request["trackingNumber"], request["id"]
        for agency, token in officers.items():
            await asyncio.wait_for(self.seen[(tracking, agency, "FORWARDED")].wait(), WAIT_SECONDS)
            await self.timed("acknowledgeReceipt", request_id, (tracking, agency, "RECEIVED"), token)
            await asyncio.sleep(READING_SECONDS)
            await self.timed("completeStep", request_id, (tracking, agency, "COMPLETED"), token)
            await asyncio.wait_for(self.seen[(tracking, agency, "COMPLETED")].wait(), WAIT_SECONDS)


async def open_citizen(bench: Bench, operator: str) -> tuple[str, str]:
    body = "1" + "".join(secrets.choice("0123456789") for _ in range(8))
    national_id = next(body + digit for digit in "0123456789" if luhn_valid(body + digit))
    opened = await bench.call(
        "mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { ... on CitizenRecordWithPassword { citizen { id } } } }",
        {
            "i": {
                "nationalId": national_id,
                "nameAr": "محمد أحمد الحربي",
                "birthDate": {"date": "1990-05-17", "calendar": "GREGORIAN"},
                "mobile": f"055{secrets.randbelow(10**7):07d}",
                "identityCheck": {
                    "documentType": "NATIONAL_ID_CARD",
                    "documentNumber": national_id,
                    "expiresOn": {
                        "date": (today_in_madinah() + timedelta(days=400)).isoformat(),
                        "calendar": "GREGORIAN",
                    },
                },
            }
        },
        operator,
    )
    return str(opened["openCitizenRecord"]["citizen"]["id"]), national_id


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def run(requests: int, parallel: int) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        bench = Bench(http)
        operator = await bench.sign_in(OPERATOR)
        officers = {agency: await bench.sign_in(national_id) for agency, national_id in OFFICERS.items()}
        loop = asyncio.get_running_loop()
        stop = threading.Event()
        readies = []
        listeners = []
        for token in officers.values():
            for number in range(SUBSCRIBERS_PER_AGENCY):
                ready = asyncio.Event()
                readies.append(ready)
                listener = threading.Thread(
                    target=bench.subscriber, args=(token, loop, ready, stop), name=f"subscriber-{number}", daemon=True
                )
                listener.start()
                listeners.append(listener)
        await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), WAIT_SECONDS)
        citizen_id, national_id = await open_citizen(bench, operator)
        started = time.perf_counter()
        gate = asyncio.Semaphore(parallel)

        async def limited() -> None:
            async with gate:
                await bench.one_request(operator, officers, citizen_id, national_id)

        await asyncio.gather(*(limited() for _ in range(requests)))
        await asyncio.sleep(1)
        stop.set()
        for listener in listeners:
            await asyncio.to_thread(listener.join)
        elapsed = time.perf_counter() - started
    latencies = [
        (received - bench.sent[key]) * 1000
        for key, times in bench.received.items()
        if key in bench.sent
        for received in times
    ]
    per_event = [len(bench.received[key]) for key in bench.sent]
    answers = [(bench.answered[key] - bench.sent[key]) * 1000 for key in bench.answered]
    print(
        f"subscribers: {2 * SUBSCRIBERS_PER_AGENCY} over 2 agencies; requests: {requests} ({parallel} at a time), {elapsed:.1f} s"
    )
    print(
        f"timed events: {len(bench.sent)} (acknowledgeReceipt / completeStep); deliveries: {len(latencies)};"
        f" CONFLICT answers retried: {bench.conflicts}"
    )
    print(
        f"each event reached {min(per_event)}..{max(per_event)} subscribers (25 expected: its agency's, none of the other's)"
    )
    print(
        f"mutation -> subscriber latency: p50 {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms,"
        f" max {max(latencies):.0f} ms"
    )
    print(
        f"of which the mutation's own answer: p50 {statistics.median(answers):.0f} ms,"
        f" p95 {percentile(answers, 0.95):.0f} ms"
    )
    agencies = list(OFFICERS)  # the permit's stages, in order
    handovers = [
        (received - bench.sent[(tracking, earlier, kind)]) * 1000
        for tracking, earlier, kind in bench.sent
        if kind == "COMPLETED" and earlier != agencies[-1]
        for received in bench.received.get((tracking, agencies[agencies.index(earlier) + 1], "FORWARDED"), [])
    ]
    if handovers:
        print(
            f"the stage's completion -> the next stage's agency's subscribers see the file: p50 {statistics.median(handovers):.0f} ms,"
            f" p95 {percentile(handovers, 0.95):.0f} ms (n={len(handovers)})"
        )
    for agency, kind in sorted({(key[1], key[2]) for key in bench.answered}):
        mine = [(bench.answered[k] - bench.sent[k]) * 1000 for k in bench.answered if (k[1], k[2]) == (agency, kind)]
        print(
            f"  {agency} {kind}: the mutation's answer p50 {statistics.median(mine):.0f} ms,"
            f" p95 {percentile(mine, 0.95):.0f} ms (n={len(mine)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=60, help="building permits to file (4 timed events each)")
    parser.add_argument("--parallel", type=int, default=2, help="requests in flight at once")
    arguments = parser.parse_args()
    asyncio.run(run(arguments.requests, arguments.parallel))


if __name__ == "__main__":
    main()
