"""The people of a region's day, as Locust users: each sends the screens' own operations (by their
trusted ``documentId``, as the pages do) to a running ``make dev``.

* ``Desk`` — a centre operator filing: two or three documents uploaded (to S3 on moto) and attached,
  then the filing, paid in cash; three safety certificates (Civil Defence) to one building permit
  (the Municipality, then Civil Defence).
* ``DeskScreen`` — the same centre's screens: its requests, one request's page, and the hand-over of
  what came back (``ConfirmDelivery``).
* ``Officer`` — an agency officer's window: acknowledges what was forwarded, completes what was received.
* ``Tracker`` — citizens tracking their request by number and PIN (the QR code on the receipt).
* ``Monitor`` — the monitoring office's figures: the region, a centre, the ranking.

Each request is named ``<kind> · <operation>``: kind ``read``, ``filing`` (upload, attach, submit) or
``write`` (an agency's or a centre's change). An answer is an error when it is not HTTP 200, carries
GraphQL ``errors``, or is not the type the screen expects; ``Conflict`` on an agency's change (the file
moved under the officer, as the state machine and the queues move it) is retried at the next look and
counted, not an error.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import httpx
from locust import FastHttpUser, constant_throughput, task

from bench.region_day_cast import ACTIONS, ANSWERS, PERMIT, SAFETY, Filing, Region, operation_body
from functions.domain.madinah_time import today_in_madinah
from functions.local.sample_documents import sample_for, upload_declaration

__all__ = ["Desk", "DeskScreen", "Monitor", "Officer", "Screen", "Tracker"]


class Screen(FastHttpUser):
    """Sends one operation as a page does and judges its answer."""

    abstract = True
    region: ClassVar[Region]
    runs_per_second: ClassVar[float]
    """Each user's task runs a second at the scenario's full rate (``Region.rate`` scales them all)."""

    def wait_time(self) -> float:
        return float(constant_throughput(self.runs_per_second * self.region.rate)(self))

    def send(self, kind: str, operation: str, variables: dict[str, Any], token: str, expect: Iterable[str] = ()) -> Any:
        """The root field's answer, or None when it was an error (counted by Locust as a failure).
        ``expect``: the ``__typename`` values that are a success ("Conflict" is passed back as is)."""
        with self.client.post(
            "/graphql",
            json=operation_body(operation, variables),
            headers={"authorization": f"Bearer {token}"} if token else {},
            name=f"{kind} · {operation}",
            catch_response=True,
        ) as reply:
            if reply.status_code != 200:
                reply.failure(f"HTTP {reply.status_code}: {(reply.text or '')[:200]}")
                return None
            body = reply.json()
            if body.get("errors"):
                reply.failure(f"errors: {str(body['errors'])[:300]}")
                return None
            answer = next(iter(body["data"].values()))
            typename = answer.get("__typename") if isinstance(answer, dict) else None
            allowed = set(expect)
            if allowed and typename not in allowed:
                reply.failure(f"{operation} answered {typename}: {str(answer)[:300]}")
                return None
            reply.success()
            return answer


class Desk(Screen):
    """A centre operator filing, one citizen after another."""

    fixed_count = 2
    runs_per_second = 0.25

    def on_start(self) -> None:
        self.desk = self.region.take_desk()
        self.token = self.region.tokens[self.desk.operator]
        self.uploads = httpx.Client(timeout=30)

    def on_stop(self) -> None:
        self.uploads.close()

    @task
    def file_a_request(self) -> None:
        service = PERMIT if random.random() < 0.25 else SAFETY  # noqa: S311 - a load mix, not a secret
        citizen = random.choice(self.desk.citizens)  # noqa: S311
        key = uuid.uuid4().hex
        documents = [self._document(service, code, key) for code in self.region.documents[service]]
        if None in documents:
            return
        evidence = {
            "documentType": "NATIONAL_ID_CARD",
            "documentNumber": citizen.national_id,
            "expiresOn": {"date": (today_in_madinah() + timedelta(days=400)).isoformat(), "calendar": "GREGORIAN"},
        }
        filing = {
            "citizenId": citizen.citizen_id,
            "serviceCode": service,
            "answers": ANSWERS[service],
            "documents": documents,
            "amount": self.desk.amounts[service],
            "paymentMethod": "CASH",
            "identityCheck": evidence,
            "idempotencyKey": key,
        }
        submitted = self.send("filing", "SubmitServiceRequest", {"input": filing}, self.token, ["SubmittedRequest"])
        if submitted:
            request = submitted["request"]
            self.region.filed.append(
                Filing(
                    request["id"],
                    request["trackingNumber"],
                    submitted["pin"],
                    self.desk.operator,
                    self.desk.centre_id,
                    service,
                    self.region.first_agency[service],
                )
            )

    def _document(self, service: str, code: str, key: str) -> str | None:
        sample = sample_for(code)
        declared = upload_declaration(code, service, key)
        issued = self.send("filing", "RequestDocumentUpload", {"input": declared}, self.token, ["DocumentUpload"])
        if not issued:
            return None
        if not self._to_s3(issued, sample.file_name, sample.content):
            return None
        attached = self.send(
            "filing", "AttachDocument", {"documentId": issued["document"]["id"]}, self.token, ["RequestDocument"]
        )
        return str(attached["id"]) if attached else None

    def _to_s3(self, issued: dict[str, Any], file_name: str, content: bytes) -> bool:
        """The browser's POST straight to S3 (moto here): timed and counted, though not the app's."""
        fields = {item["name"]: item["value"] for item in issued["fields"]}
        started = time.perf_counter()
        failure: Exception | None = None
        try:
            posted = self.uploads.post(issued["url"], data=fields, files={"file": (file_name, content)})
            if posted.status_code not in {200, 201, 204}:
                failure = RuntimeError(f"S3 answered HTTP {posted.status_code}")
        except httpx.HTTPError as error:
            failure = error
        self.environment.events.request.fire(
            request_type="POST",
            name="upload · S3 POST (moto)",
            response_time=(time.perf_counter() - started) * 1000,
            response_length=len(content),
            exception=failure,
            context={},
        )
        return failure is None


class DeskScreen(Screen):
    """The centre console's pages while the desk files: the day's requests, one request, the hand-over."""

    fixed_count = 2
    runs_per_second = 3.0

    def on_start(self) -> None:
        self.desk = self.region.take_desk()
        self.token = self.region.tokens[self.desk.operator]

    def _mine(self) -> list[Filing]:
        return [f for f in self.region.filed[-200:] if f.operator == self.desk.operator]

    @task(4)
    def todays_requests(self) -> None:
        now = datetime.now(UTC)
        window = {"since": (now - timedelta(hours=12)).isoformat(), "until": now.isoformat(), "first": 50}
        self.send("read", "CentreRequests", window, self.token)

    @task(4)
    def one_request(self) -> None:
        mine = self._mine()
        if mine:
            filing = random.choice(mine)  # noqa: S311
            self.send("read", "CentreRequest", {"id": filing.request_id}, self.token, ["ServiceRequest"])

    @task(1)
    def hand_over(self) -> None:
        """What came back from the agencies is handed over to its citizen."""
        now = datetime.now(UTC)
        window = {
            "since": (now - timedelta(hours=12)).isoformat(),
            "until": now.isoformat(),
            "status": "COMPLETED_AT_CENTRE",
            "first": 5,
        }
        page = self.send("read", "CentreRequests", window, self.token)
        for item in (page or {}).get("items", [])[:2]:
            self.region.touched.add(item["id"])
            self.send("write", "ConfirmDelivery", {"requestId": item["id"]}, self.token, ["ServiceRequest", "Conflict"])


class Officer(Screen):
    """An agency officer's window: acknowledge what was forwarded, complete what was received."""

    fixed_count = 2
    runs_per_second = 1.0

    def on_start(self) -> None:
        self.token = self.region.take_officer()

    @task
    def work_the_window(self) -> None:
        window = self.send("read", "AgencyWindow", {"first": 50}, self.token)
        for item in (window or {}).get("items", [])[:3]:
            action = ACTIONS.get(item["status"])
            if action:
                self.region.touched.add(item["requestId"])
                answer = self.send(
                    "write", action, {"requestId": item["requestId"]}, self.token, ["ServiceRequest", "Conflict"]
                )
                if answer and answer["__typename"] == "Conflict":
                    self.region.conflicts += 1


class Tracker(Screen):
    """A citizen with the receipt's QR code: the tracking page, anonymous, number and PIN."""

    fixed_count = 6
    runs_per_second = 2.5

    @task
    def track(self) -> None:
        if not self.region.filed:
            return
        filing = random.choice(self.region.filed)  # noqa: S311
        self.send(
            "read",
            "TrackRequest",
            {"trackingNumber": filing.tracking_number, "pin": filing.pin},
            "",
            ["TrackedRequest"],
        )


class Monitor(Screen):
    """The monitoring office's dashboard: the region's day, a centre's, the ranking."""

    fixed_count = 2
    runs_per_second = 1.0

    def on_start(self) -> None:
        self.token = self.region.monitor
        self.day = today_in_madinah().isoformat()

    @task(2)
    def region_overview(self) -> None:
        self.send("read", "RegionOverview", {"from": self.day, "to": self.day}, self.token, ["RegionOverview"])

    @task(2)
    def a_centre(self) -> None:
        centre = random.choice(self.region.desks).centre_id  # noqa: S311
        variables = {"centreId": centre, "from": self.day, "to": self.day}
        self.send("read", "CentrePerformance", variables, self.token, ["CentrePerformance"])

    @task(1)
    def ranking(self) -> None:
        variables = {"metric": "SUBMITTED", "from": self.day, "to": self.day}
        self.send("read", "CentreRanking", variables, self.token)
