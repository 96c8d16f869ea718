"""The story whose cost is measured: one shop licence (SHOP-LICENCE: Commerce, then the Municipality and
Civil Defence in parallel), filed by Al-Awali centre's operator for a citizen, worked by each agency's
officer, delivered by the centre.

``prepare`` signs everyone in, creates the Commerce officer (the seed has none) and opens the citizen's
record: setup, never counted. ``file_to_delivery`` is the counted life: 12 HTTP requests (two uploads
and attachments, the filing, each agency's acknowledgement and completion, the delivery). Between steps
the bench waits, through requests marked with ``WAIT_HEADER`` (uncounted), for the file to reach a
window, and then until every queue is drained and no handler runs.
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpx

from bench.lifecycle_meter import WAIT_HEADER, Meter, uncounted
from functions.domain.identity_numbers import luhn_valid
from functions.local.demo_client import PASSWORD, card_expiry, new_national_id
from functions.local.sample_documents import sample_for, upload_declaration
from functions.local.stack import LocalStack

__all__ = ["Story", "prepare"]

OPERATOR, ADMIN = "1000001014", "1000001063"
SEEDED_OFFICERS = {"MUNICIPALITY": "1000001030", "CIVIL-DEFENCE": "1000001048"}
SERVICE, DOCUMENTS = "SHOP-LICENCE", ("COMMERCIAL-REGISTER", "LEASE")
STAGES = (("COMMERCE",), ("MUNICIPALITY", "CIVIL-DEFENCE"))
WAIT_SECONDS = 90
QUIET_CHECKS = 4

SIGN_IN = """mutation ($n: String!, $p: String!) { signIn(nationalId: $n, password: $p) {
    __typename ... on SignedIn { accessToken } ... on NewPasswordRequired { session } ... on Problem { code } } }"""
TAKE_ACCOUNT_OVER = """mutation ($n: String!, $s: String!, $p: String!) {
    completeNewPassword(nationalId: $n, session: $s, newPassword: $p) { ... on SignedIn { accessToken } } }"""
CREATE_STAFF = """mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { __typename
    ... on StaffAccountWithPassword { temporaryPassword } ... on Problem { code } } }"""
OPEN_RECORD = """mutation ($i: OpenCitizenRecordInput!) { openCitizenRecord(input: $i) { __typename
    ... on CitizenRecordWithPassword { citizen { id } } ... on Problem { code } } }"""
UPLOAD = """mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) { __typename
    ... on DocumentUpload { url fields { name value } document { id } } ... on Problem { code } } }"""
ATTACH = "mutation ($id: ID!) { attachDocument(documentId: $id) { __typename ... on RequestDocument { id } } }"
SUBMIT = """mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { __typename
    ... on SubmittedRequest { request { id } } ... on Problem { code } } }"""
CHANGE = "mutation ($id: ID!) { %s(requestId: $id) { __typename ... on ServiceRequest { status } } }"
WINDOW = "{ agencyWindow { items { requestId status } } }"
STATUS = "query ($id: ID!) { request(id: $id) { ... on ServiceRequest { status } } }"


class Api:
    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(timeout=60)

    def call(
        self, query: str, variables: dict[str, Any] | None = None, token: str | None = None, *, waiting: bool = False
    ) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        if waiting:
            headers[WAIT_HEADER] = "1"
        body: dict[str, Any] = self.http.post(
            self.url, json={"query": query, "variables": variables or {}}, headers=headers
        ).json()
        if body.get("errors"):
            raise SystemExit(f"GraphQL error: {body['errors']}")
        return dict(body["data"])

    def sign_in(self, national_id: str, password: str = PASSWORD) -> dict[str, Any]:
        return dict(self.call(SIGN_IN, {"n": national_id, "p": password})["signIn"])


@dataclass
class Cast:
    operator: str
    officers: dict[str, str]
    """Agency code -> the officer's access token."""
    citizen_id: str
    national_id: str


def prepare(api: Api) -> Cast:
    """Everyone signed in, a Commerce officer created and activated, a citizen's record opened."""
    admin = api.sign_in(ADMIN)["accessToken"]
    commerce_id = _new_staff_id()
    created = api.call(
        CREATE_STAFF,
        {
            "i": {
                "role": "AGENCY_OFFICER",
                "nationalId": commerce_id,
                "nameAr": "موظف التجارة",
                "mobile": f"0561{secrets.randbelow(10**6):06d}",
                "agencyCode": "COMMERCE",
            }
        },
        admin,
    )["createStaffAccount"]
    if created["__typename"] != "StaffAccountWithPassword":
        raise SystemExit(f"could not create the Commerce officer: {created}")
    challenge = api.sign_in(commerce_id, created["temporaryPassword"])
    officers = {
        "COMMERCE": api.call(
            TAKE_ACCOUNT_OVER, {"n": commerce_id, "s": challenge["session"], "p": "commerce officer's own password"}
        )["completeNewPassword"]["accessToken"],
        **{agency: api.sign_in(person)["accessToken"] for agency, person in SEEDED_OFFICERS.items()},
    }
    operator = api.sign_in(OPERATOR)["accessToken"]
    national_id = new_national_id()
    identity = {"documentType": "NATIONAL_ID_CARD", "documentNumber": national_id, "expiresOn": card_expiry()}
    opened = api.call(
        OPEN_RECORD,
        {
            "i": {
                "nationalId": national_id,
                "nameAr": "عبدالرحمن سالم الجهني",
                "nameEn": "Abdulrahman Salem Al-Juhani",
                "birthDate": {"date": "1408-07-15", "calendar": "HIJRI"},
                "mobile": f"055{secrets.randbelow(10**7):07d}",
                "identityCheck": identity,
            }
        },
        operator,
    )["openCitizenRecord"]
    if opened["__typename"] != "CitizenRecordWithPassword":
        raise SystemExit(f"could not open the record: {opened}")
    return Cast(operator, officers, opened["citizen"]["id"], national_id)


def _new_staff_id() -> str:
    body = "1" + f"{uuid.uuid4().int % 10**8:08d}"
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


class Story:
    def __init__(self, api: Api, stack: LocalStack, meter: Meter, cast: Cast) -> None:
        self.api, self.stack, self.meter, self.cast = api, stack, meter, cast
        self.conflicts = 0
        resources = stack.provisioned.resources
        self._queues = [r.ref for name, r in resources.items() if name.endswith("Queue") and "DeadLetter" not in name]
        self._sqs = stack.container.adapters.client("sqs")
        self._sfn = stack.container.adapters.client("stepfunctions")

    def file_to_delivery(self) -> str:
        """The counted life of one request; returns its id. The meter counts from the first upload
        until every queue is drained after the delivery."""
        self.settle()
        self.meter.counting = True
        try:
            request_id = self._file()
            for stage in STAGES:
                self._wait(f"the file in {', '.join(stage)}'s window", partial(self._in_windows, request_id, stage))
                self.settle()
                for agency in stage:
                    self._act(agency, "acknowledgeReceipt", request_id)
                    self._act(agency, "completeStep", request_id)
            self._wait("COMPLETED_AT_CENTRE", lambda: self._status(request_id) == "COMPLETED_AT_CENTRE")
            self.settle()
            self.meter.step = "centre: confirm delivery"
            self._change("confirmDelivery", request_id, self.cast.operator)
            self._wait("the execution to end", lambda: self._execution_status(request_id) == "SUCCEEDED")
            self.settle()
        finally:
            self.meter.counting = False
            self.meter.step = "after"
        return request_id

    def _file(self) -> str:
        key = f"cost-{secrets.token_hex(8)}"
        self.meter.step = "centre: upload documents"
        documents = [self._upload(code, key) for code in DOCUMENTS]
        self.meter.step = "centre: submit"
        answers = [
            {"key": "activity", "value": "RETAIL"},
            {"key": "shopAreaSqm", "value": "80"},
            {"key": "signboard", "value": "true"},
        ]
        expiry = card_expiry()
        identity = {"documentType": "NATIONAL_ID_CARD", "documentNumber": self.cast.national_id, "expiresOn": expiry}
        submitted = self.api.call(
            SUBMIT,
            {
                "i": {
                    "citizenId": self.cast.citizen_id,
                    "serviceCode": SERVICE,
                    "answers": answers,
                    "documents": documents,
                    "amount": "325.00",
                    "paymentMethod": "CASH",
                    "identityCheck": identity,
                    "idempotencyKey": key,
                }
            },
            self.cast.operator,
        )["submitServiceRequest"]
        if submitted["__typename"] != "SubmittedRequest":
            raise SystemExit(f"could not submit: {submitted}")
        return str(submitted["request"]["id"])

    def _upload(self, code: str, key: str) -> str:
        sample = sample_for(code)
        declared = upload_declaration(code, SERVICE, key)
        issued = self.api.call(UPLOAD, {"i": declared}, self.cast.operator)["requestDocumentUpload"]
        if issued["__typename"] != "DocumentUpload":
            raise SystemExit(f"no upload form for {code}: {issued}")
        fields = {field["name"]: field["value"] for field in issued["fields"]}
        posted = self.api.http.post(issued["url"], data=fields, files={"file": (sample.file_name, sample.content)})
        if posted.status_code not in {200, 201, 204}:
            raise SystemExit(f"the upload of {code} failed: HTTP {posted.status_code}")
        self.meter.calls["centre's browser", "s3", "PostObject"] += 1  # the upload goes straight to S3
        attached = self.api.call(ATTACH, {"id": issued["document"]["id"]}, self.cast.operator)["attachDocument"]
        if attached["__typename"] != "RequestDocument":
            raise SystemExit(f"could not attach {code}: {attached}")
        return str(attached["id"])

    def _act(self, agency: str, mutation: str, request_id: str) -> None:
        self.meter.step = f"{agency}: {mutation}"
        self._change(mutation, request_id, self.cast.officers[agency])
        self.settle()

    def _change(self, mutation: str, request_id: str, token: str) -> None:
        """A Conflict (the file changed under us by a consumer) is retried, as a client would, and counted."""
        for _ in range(20):
            answer = self.api.call(CHANGE % mutation, {"id": request_id}, token)[mutation]
            if answer["__typename"] == "ServiceRequest":
                return
            if answer["__typename"] != "Conflict":
                raise SystemExit(f"{mutation} refused: {answer}")
            self.conflicts += 1
            self.settle()
        raise SystemExit(f"{mutation} kept conflicting")

    def _in_windows(self, request_id: str, agencies: tuple[str, ...]) -> bool:
        return all(
            any(
                item["requestId"] == request_id
                for item in self.api.call(WINDOW, token=self.cast.officers[agency], waiting=True)["agencyWindow"][
                    "items"
                ]
            )
            for agency in agencies
        )

    def _status(self, request_id: str) -> str:
        answer = self.api.call(STATUS, {"id": request_id}, self.cast.operator, waiting=True)["request"]
        return str(answer["status"])

    def _execution_status(self, request_id: str) -> str:
        """SUCCEEDED once every stage's execution did (RUNNING while any runs)."""
        with uncounted():
            statuses = {
                str(self._sfn.describe_execution(executionArn=arn)["status"]) for arn in self.execution_arns(request_id)
            }
        return statuses.pop() if len(statuses) == 1 else "RUNNING"

    def execution_arns(self, request_id: str) -> list[str]:
        """The executions of the request's route, one per stage (``<request id>-<stage>``)."""
        machine = self.stack.provisioned.resources["HandoffStateMachine"].ref
        with uncounted():
            listed = self._sfn.list_executions(stateMachineArn=machine, maxResults=1000)["executions"]
        return sorted(e["executionArn"] for e in listed if e["name"].startswith(f"{request_id}-"))

    def history(self, request_id: str) -> list[dict[str, Any]]:
        """The history of every stage's execution, in stage order."""
        events: list[dict[str, Any]] = []
        with uncounted():
            for arn in self.execution_arns(request_id):
                options: dict[str, Any] = {"executionArn": arn, "maxResults": 1000}
                while True:
                    page = self._sfn.get_execution_history(**options)
                    events += page["events"]
                    if not page.get("nextToken"):
                        break
                    options["nextToken"] = page["nextToken"]
        return events

    def settle(self) -> None:
        """Until every queue is empty (nothing waiting, nothing in flight) and no handler runs, seen
        ``QUIET_CHECKS`` times in a row: the Step Functions execution runs inside moto and may publish
        a moment after the call that released it."""
        quiet, deadline = 0, time.monotonic() + WAIT_SECONDS
        while quiet < QUIET_CHECKS:
            if time.monotonic() > deadline:
                raise SystemExit("the queues never drained")
            quiet = quiet + 1 if self._idle() else 0
            time.sleep(0.25)

    def _idle(self) -> bool:
        if self.meter.busy:
            return False
        names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        with uncounted():
            for url in self._queues:
                attributes = self._sqs.get_queue_attributes(QueueUrl=url, AttributeNames=names)["Attributes"]
                if any(int(attributes.get(name, "0")) for name in names):
                    return False
        return not self.meter.busy

    def _wait(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not check():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            time.sleep(0.25)
