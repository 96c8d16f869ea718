"""AZ-01: every operation of the policy table × every kind of caller × own / other object, over the API.

The expected outcome of each cell is derived from ``functions.domain.policy.POLICY``, so a change to
the table changes the test (``tests/unit/test_policy.py`` pins the table itself in words). Every denial
must leave DynamoDB's business data and Cognito untouched and add exactly one DENIED audit record.

Two objects serve as targets: A — citizen A's record (opened at MED-C01) and a building permit filed
for A at MED-C01, now in the Municipality's window; B — citizen B's record (opened at MED-C02) and a
passport request filed for B at MED-C02, in the Passports' window. A cell whose caller is allowed to
act gets a fresh request in the state the operation needs, so every allowed action can succeed.
"""

from __future__ import annotations

import base64
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.business_calendar import STANDARD_CALENDAR
from functions.domain.calendar_dates import DateEntry
from functions.domain.centre import CentreStatus
from functions.domain.centre_profile import ChecklistItem
from functions.domain.citizen import IdentityDocumentType
from functions.domain.escalation import SlaBreach, SlaPhase
from functions.domain.inspection import CheckResult, Finding, FindingSeverity, InspectionReport
from functions.domain.madinah_time import today_in_madinah
from functions.domain.notification import Notification
from functions.domain.policy import POLICY, Operation, Scope
from functions.domain.principal import Principal, Role
from functions.domain.request import HandoffStatus, PaymentMethod, RequestStatus
from functions.local.live_client import LiveClient
from functions.local.provision import ProvisionedStack
from functions.local.queue_pump import QueuePump
from functions.local.sample_documents import sample_for
from functions.local.stack import queue_routes
from functions.services.caller import SYSTEM, Caller
from functions.services.citizen_records import EvidenceForm
from functions.services.request_documents import UploadDeclaration
from functions.services.request_submission import SubmissionForm
from functions.services.staff_accounts import StaffForm
from tests.support.aws import item_count, user_count
from tests.support.calendars import calendar_input
from tests.support.documents import ATTACH, DOWNLOAD, UPLOAD, attach_via, post_to, upload_input
from tests.support.live import serve_socket_api
from tests.support.monitoring import registration, registration_input
from tests.support.people import (
    OPEN_RECORD,
    SignedInCitizen,
    open_and_activate,
    record_input,
    sign_in,
    unique_mobile,
    unique_national_id,
)
from tests.support.sms import fail_permanently
from tests.support.transports import AsgiClient, GraphQLClient, Reply

STAFF = {
    "operator_x": ("1000001014", Role.CENTRE_OPERATOR, "MED-C01", None),
    "operator_y": ("1000001022", Role.CENTRE_OPERATOR, "MED-C02", None),
    "officer_p": ("1000001030", Role.AGENCY_OFFICER, None, "MUNICIPALITY"),
    "monitor": ("1000001055", Role.MONITOR, None, None),
    "admin": ("1000001063", Role.ADMIN, None, None),
}
CENTRE_PRICES = {"MED-C01": "125.00", "MED-C02": "120.00"}  # NID-RENEW: 100 SAR fee + the posted charge
SERVICES = {
    "A": (
        "BUILDING-PERMIT",
        {"deedNumber": "D-1", "floors": "2", "district": "QUBA"},
        ["DEED", "PLANS", "SURVEY"],
        "1025.00",
        "MED-C01",
        "MUNICIPALITY",
    ),
    "B": ("PASSPORT-ISSUE", {"validityYears": "5"}, ["CURRENT-ID", "PHOTO"], "320.00", "MED-C02", "PASSPORTS"),
}


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role | None  # None: anonymous
    token: str | None
    user_id: str = ""
    centre_id: str | None = None
    agency_code: str | None = None


@dataclass(frozen=True)
class Target:
    """An object and who owns it, as far as the policy cares."""

    name: str
    citizen: SignedInCitizen
    centre_id: str
    agency_code: str
    request_id: str


@dataclass
class World:
    client: GraphQLClient
    container: Container
    pump: QueuePump
    actors: dict[str, Actor]
    targets: dict[str, Target]
    stack: ProvisionedStack

    def until(self, condition: Callable[[], bool], seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.pump.drain()
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError("the route did not get there in time")

    def request_in(self, target: Target, state: str) -> str:
        """A fresh request like ``target``'s, brought to ``state`` through the real route."""
        service, answers, documents, amount, centre, agency = SERVICES[target.name]
        operator = Caller(Principal(f"setup-{centre}", Role.CENTRE_OPERATOR, centre_id=centre), "setup")
        evidence = EvidenceForm(
            IdentityDocumentType.NATIONAL_ID_CARD,
            target.citizen.national_id,
            DateEntry.gregorian(today_in_madinah() + timedelta(days=90)),
        )
        key = uuid.uuid4().hex
        form = SubmissionForm(
            target.citizen.citizen_id,
            service,
            answers,
            attach_via(self.container, operator, service, key=key, codes=documents),
            Decimal(amount),
            PaymentMethod.CASH,
            evidence,
            key,
        )
        request_id = self.container.use_cases.request_submission.submit_service_request(
            operator, form
        ).file.request.request_id
        officer = Caller(Principal(f"setup-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "setup")
        window = self.container.use_cases.agency_window
        self.until(lambda: self._handoff(request_id, agency) is HandoffStatus.FORWARDED)
        if state in {"RECEIVED", "RETURNED", "COMPLETED"}:
            window.acknowledge_receipt(officer, request_id)
            self.until(lambda: any(h.completion_token for h in self._file(request_id).handoffs))
        if state == "RETURNED":
            window.return_to_centre(officer, request_id, ["a clearer photo"])
            self.until(lambda: any(h.resubmission_token for h in self._file(request_id).handoffs))
        if state == "COMPLETED":
            self._complete_route(request_id)
        if state == "DELIVERED":
            self._complete_route(request_id)
            self.container.use_cases.centre_desk.confirm_delivery(operator, request_id)
        return request_id

    def draft_documents(self, actor: Actor, service: str, key: str) -> list[str]:
        """The documents of a filing the actor's centre prepares under ``key``, uploaded and attached."""
        operator = Caller(Principal(actor.user_id, Role.CENTRE_OPERATOR, centre_id=actor.centre_id), "setup")
        return attach_via(self.container, operator, service, key=key)

    def uploaded_document(self, target: Target) -> str:
        """A document of the target's centre whose file arrived but is not attached yet."""
        service, *_ = SERVICES[target.name]
        operator = Caller(Principal(f"setup-{target.centre_id}", Role.CENTRE_OPERATOR, centre_id=target.centre_id), "s")
        code = self.container.adapters.catalogue_repository.get_service(service).documents[0].code  # type: ignore[union-attr]
        sample = sample_for(code)
        declaration = UploadDeclaration(
            code,
            sample.file_name,
            sample.content_type,
            sample.size_bytes,
            sample.sha256,
            None,
            uuid.uuid4().hex,
            service,
        )
        issued = self.container.use_cases.request_documents.request_upload(operator, declaration)
        assert post_to(issued.form, sample.content) == 204
        return issued.document.document_id

    def filed_document(self, target: Target) -> str:
        return str(self._file(target.request_id).request.documents[0])

    def _complete_route(self, request_id: str) -> None:
        window = self.container.use_cases.agency_window
        while self._file(request_id).request.status is not RequestStatus.COMPLETED_AT_CENTRE:
            for handoff in self._file(request_id).handoffs:
                officer = Caller(
                    Principal(f"setup-{handoff.agency_code}", Role.AGENCY_OFFICER, agency_code=handoff.agency_code), "s"
                )
                if handoff.status is HandoffStatus.FORWARDED:
                    window.acknowledge_receipt(officer, request_id)
                elif handoff.status is HandoffStatus.RECEIVED and handoff.completion_token:
                    window.complete_step(officer, request_id, None)
            self.pump.drain()
            time.sleep(0.1)

    def _file(self, request_id: str) -> Any:
        return self.container.adapters.requests.get_file(request_id)

    def _handoff(self, request_id: str, agency: str) -> HandoffStatus | None:
        return next((h.status for h in self._file(request_id).handoffs if h.agency_code == agency), None)


@pytest.fixture(scope="module")
def world(stack: ProvisionedStack) -> Iterator[World]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in stack.environment.items():
            patch.setitem(os.environ, key, value)
        bootstrap.container.cache_clear()
        container = bootstrap.container()
        client = AsgiClient(container)
        pump = QueuePump(
            container.adapters.client("sqs"), queue_routes(container, stack, None), stack.region, retry_delay_seconds=0
        )
        actors = {}
        for name, (national_id, role, centre, agency) in STAFF.items():
            token = sign_in(client, national_id)
            user_id = str(json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "==")).get("username"))
            actors[name] = Actor(name, role, token, user_id, centre, agency)
        citizen_a = open_and_activate(client, actors["operator_x"].token or "")
        citizen_b = open_and_activate(client, actors["operator_y"].token or "")
        actors["citizen_a"] = Actor("citizen_a", Role.CITIZEN, citizen_a.token, citizen_a.citizen_id)
        actors["anonymous"] = Actor("anonymous", None, None)
        world = World(client, container, pump, actors, {}, stack)
        for name, citizen in (("A", citizen_a), ("B", citizen_b)):
            _, _, _, _, centre, agency = SERVICES[name]
            placeholder = Target(name, citizen, centre, agency, "")
            world.targets[name] = Target(name, citizen, centre, agency, world.request_in(placeholder, "FORWARDED"))
        yield world
    bootstrap.container.cache_clear()


def identity_check(national_id: str) -> dict[str, str]:
    return {
        "documentType": "NATIONAL_ID_CARD",
        "documentNumber": national_id,
        "expiresOn": {"date": (today_in_madinah() + timedelta(days=90)).isoformat(), "calendar": "GREGORIAN"},
    }


def staff_to_disable(world: World) -> str:
    form = StaffForm(Role.MONITOR, unique_national_id(), "موظف", None, unique_mobile())
    return world.container.use_cases.staff_accounts.create_staff_account(SYSTEM, form).staff.user_id


def request_field(name: str, arguments: str = "(requestId: $id)") -> str:
    return f"mutation ($id: ID!) {{ {name}{arguments} {{ __typename ... on Problem {{ code }} }} }}"


def on_request(
    name: str, state: str, arguments: str = "(requestId: $id)"
) -> Callable[[World, Target, bool], tuple[str, dict[str, Any], str]]:
    """A request mutation: on a fresh request in ``state`` when the caller may act, else on the target's."""

    def call(world: World, target: Target, allowed: bool) -> tuple[str, dict[str, Any], str]:
        request_id = world.request_in(target, state) if allowed else target.request_id
        return request_field(name, arguments), {"id": request_id}, name

    return call


def since_until() -> dict[str, str]:
    return {
        "s": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "u": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
    }


Call = Callable[[World, Target, bool], tuple[str, dict[str, Any], str]]

CALLS: dict[Operation, Call] = {
    Operation.OPEN_CITIZEN_RECORD: lambda w, t, a: (OPEN_RECORD, {"input": record_input()}, "openCitizenRecord"),
    Operation.REISSUE_TEMPORARY_PASSWORD: lambda w, t, a: (
        "mutation ($n: String!, $e: IdentityCheckInput) { reissueTemporaryPassword(nationalId: $n, identityCheck: $e) { __typename ... on Problem { code } } }",
        {"n": t.citizen.national_id, "e": identity_check(t.citizen.national_id)},
        "reissueTemporaryPassword",
    ),
    Operation.LOOK_UP_CITIZEN: lambda w, t, a: (
        "query ($n: String!) { lookupCitizen(nationalId: $n) { __typename ... on Problem { code } } }",
        {"n": t.citizen.national_id},
        "lookupCitizen",
    ),
    Operation.READ_CITIZEN: lambda w, t, a: (
        "query ($id: ID!) { citizen(id: $id) { __typename ... on Problem { code } } }",
        {"id": t.citizen.citizen_id},
        "citizen",
    ),
    Operation.READ_ME: lambda w, t, a: ("{ me { __typename ... on Problem { code } } }", {}, "me"),
    Operation.CHANGE_MY_LANGUAGE: lambda w, t, a: (
        "mutation { changeMyLanguage(language: AR) { __typename ... on Problem { code } } }",
        {},
        "changeMyLanguage",
    ),
    Operation.DEFINE_AGENCY: lambda w, t, a: (
        "mutation ($i: AgencyInput!) { defineAgency(input: $i) { __typename ... on Problem { code } } }",
        {"i": {"code": f"AG-{uuid.uuid4().hex[:6].upper()}", "name": {"ar": "جهة", "en": "Agency"}}},
        "defineAgency",
    ),
    Operation.DEFINE_SERVICE: lambda w, t, a: (
        "mutation ($i: ServiceInput!) { defineService(input: $i) { __typename ... on Problem { code } } }",
        {
            "i": {
                "code": f"SV-{uuid.uuid4().hex[:6].upper()}",
                "name": {"ar": "خدمة", "en": "Service"},
                "description": {"ar": "وصف", "en": "Description"},
                "fee": "10.00",
                "stages": [
                    {
                        "agencies": [
                            {
                                "agencyCode": "TRAFFIC",
                                "task": {"ar": "مهمة", "en": "Task"},
                                "receiptSlaHours": 4,
                                "processingSlaHours": 24,
                            }
                        ]
                    }
                ],
            }
        },
        "defineService",
    ),
    Operation.CREATE_STAFF_ACCOUNT: lambda w, t, a: (
        "mutation ($i: StaffAccountInput!) { createStaffAccount(input: $i) { __typename ... on Problem { code } } }",
        {"i": {"role": "MONITOR", "nationalId": unique_national_id(), "nameAr": "موظف", "mobile": unique_mobile()}},
        "createStaffAccount",
    ),
    Operation.DISABLE_STAFF_ACCOUNT: lambda w, t, a: (
        "mutation ($id: ID!) { disableStaffAccount(userId: $id) { __typename ... on Problem { code } } }",
        {"id": staff_to_disable(w)},
        "disableStaffAccount",
    ),
    Operation.READ_AUDIT_TRAIL: lambda w, t, a: (
        "query ($t: String!, $s: DateTime!, $u: DateTime!) { auditTrail(target: $t, since: $s, until: $u) { items { action } } }",
        {"t": f"citizen:{t.citizen.citizen_id}", **since_until()},
        "auditTrail",
    ),
    Operation.SUBMIT_SERVICE_REQUEST: lambda w, t, a: (
        "mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { __typename ... on Problem { code } } }",
        {
            "i": {
                "citizenId": t.citizen.citizen_id,
                "serviceCode": "NID-RENEW",
                "answers": [{"key": "reason", "value": "EXPIRED"}, {"key": "deliveryDistrict", "value": "QUBA"}],
                "documents": ["CURRENT-ID", "PHOTO"],
                "amount": "{amount}",  # the fee plus the caller's own centre's posted charge
                "paymentMethod": "CASH",
                "identityCheck": identity_check(t.citizen.national_id),
                "idempotencyKey": uuid.uuid4().hex,
            }
        },
        "submitServiceRequest",
    ),
    Operation.READ_REQUEST: lambda w, t, a: (
        "query ($id: ID!) { request(id: $id) { __typename ... on Problem { code } } }",
        {"id": t.request_id},
        "request",
    ),
    Operation.LIST_MY_REQUESTS: lambda w, t, a: ("{ myRequests { items { id } } }", {}, "myRequests"),
    Operation.LIST_CENTRE_REQUESTS: lambda w, t, a: (
        "query ($s: DateTime!, $u: DateTime!) { centreRequests(since: $s, until: $u) { items { id } } }",
        since_until(),
        "centreRequests",
    ),
    Operation.READ_AGENCY_WINDOW: lambda w, t, a: ("{ agencyWindow { items { requestId } } }", {}, "agencyWindow"),
    Operation.ACKNOWLEDGE_RECEIPT: on_request("acknowledgeReceipt", "FORWARDED"),
    Operation.COMPLETE_STEP: on_request("completeStep", "RECEIVED"),
    Operation.REJECT_REQUEST: on_request("rejectRequest", "FORWARDED", '(requestId: $id, reason: "not eligible")'),
    Operation.RETURN_TO_CENTRE: on_request("returnToCentre", "RECEIVED", '(requestId: $id, missingItems: ["a copy"])'),
    Operation.RESUBMIT_REQUEST: on_request("resubmitRequest", "RETURNED"),
    Operation.CONFIRM_DELIVERY: on_request("confirmDelivery", "COMPLETED"),
    Operation.CANCEL_REQUEST: on_request("cancelRequest", "FORWARDED"),
    Operation.HANDOFF_EVENTS: lambda w, t, a: ("subscription { handoffEvents { kind } }", {}, "handoffEvents"),
    Operation.REQUEST_UPDATES: lambda w, t, a: (
        "subscription ($id: ID!) { requestUpdates(requestId: $id) { kind } }",
        {"id": t.request_id},
        "requestUpdates",
    ),
}
SUBSCRIPTIONS = {Operation.HANDOFF_EVENTS, Operation.REQUEST_UPDATES}

# ---------------------------------------------------------------- the monitoring office and citizens' feedback
MONITOR = Caller(Principal("setup-monitor", Role.MONITOR), "setup")
CHECK_ALL_PASS = [{"item": item.value, "passed": True} for item in ChecklistItem]


def fresh_centre(world: World, status: CentreStatus) -> str:
    """A centre of its own for a licensing change that must succeed, in the status the change needs."""
    suffix = uuid.uuid4().hex[:6].upper()
    licensing = world.container.use_cases.centre_licensing
    centre_id = licensing.register_centre(MONITOR, registration(f"MED-X{suffix}", f"LIC-X-{suffix}-1")).centre_id
    if status is not CentreStatus.REGISTERED:
        licensing.license_centre(MONITOR, centre_id, today_in_madinah() + timedelta(days=365), None)
    if status is CentreStatus.SUSPENDED:
        licensing.suspend_centre(MONITOR, centre_id, "matrix")
    return centre_id


def on_centre(
    name: str, status: CentreStatus, arguments: str
) -> Callable[[World, Target, bool], tuple[str, dict[str, Any], str]]:
    def call(world: World, target: Target, allowed: bool) -> tuple[str, dict[str, Any], str]:
        centre_id = fresh_centre(world, status) if allowed else target.centre_id
        query = f"mutation ($c: ID!) {{ {name}(centreId: $c{arguments}) {{ __typename ... on Problem {{ code }} }} }}"
        return query, {"c": centre_id}, name

    return call


def open_findings(world: World, target: Target) -> str:
    report = InspectionReport(
        target.centre_id,
        today_in_madinah(),
        tuple(CheckResult(item, item is not ChecklistItem.RECEIPTS) for item in ChecklistItem),
        (Finding(FindingSeverity.MINOR, "receipts on request only"),),
        (),
        today_in_madinah() + timedelta(days=7),
    )
    return world.container.use_cases.inspections.record_inspection(MONITOR, report).inspection_id


def open_escalation(world: World, target: Target) -> str:
    breach = SlaBreach(target.request_id, 1, target.agency_code, SlaPhase.RECEIPT)
    escalation = world.container.use_cases.escalations.record_breach(breach, uuid.uuid4().hex)
    assert escalation is not None
    return escalation.escalation_id


def open_complaint(world: World, target: Target) -> str:
    request_id = world.request_in(target, "DELIVERED")
    citizen = Caller(Principal(target.citizen.citizen_id, Role.CITIZEN), "setup")
    return world.container.use_cases.citizen_feedback.file_complaint(citizen, request_id, "waited an hour").complaint_id


def period() -> dict[str, str]:
    return {"f": (today_in_madinah() - timedelta(days=7)).isoformat(), "t": today_in_madinah().isoformat()}


def on_delivered_request(name: str, arguments: str) -> Call:
    def call(world: World, target: Target, allowed: bool) -> tuple[str, dict[str, Any], str]:
        request_id = world.request_in(target, "DELIVERED") if allowed else target.request_id
        return request_field(name, f"(requestId: $id{arguments})"), {"id": request_id}, name

    return call


def resolving(name: str, argument: str, make: Callable[[World, Target], str]) -> Call:
    def call(world: World, target: Target, allowed: bool) -> tuple[str, dict[str, Any], str]:
        object_id = make(world, target) if allowed else "not-looked-up"
        query = f'mutation ($id: ID!) {{ {name}({argument}: $id, note: "done") {{ __typename ... on Problem {{ code }} }} }}'
        return query, {"id": object_id}, name

    return call


CALLS |= {
    Operation.REGISTER_CENTRE: lambda w, t, a: (
        "mutation ($i: CentreRegistrationInput!) { registerCentre(input: $i) { __typename ... on Problem { code } } }",
        {"i": registration_input(f"MED-R{uuid.uuid4().hex[:6].upper()}", f"LIC-R-{uuid.uuid4().hex[:8].upper()}")},
        "registerCentre",
    ),
    Operation.LICENSE_CENTRE: on_centre(
        "licenseCentre", CentreStatus.REGISTERED, f', expiresOn: "{today_in_madinah() + timedelta(days=365)}"'
    ),
    Operation.SUSPEND_CENTRE: on_centre("suspendCentre", CentreStatus.ACTIVE, ', reason: "matrix"'),
    Operation.REINSTATE_CENTRE: on_centre("reinstateCentre", CentreStatus.SUSPENDED, ""),
    Operation.REVOKE_CENTRE: on_centre("revokeCentre", CentreStatus.REGISTERED, ', reason: "matrix"'),
    Operation.READ_CENTRE: lambda w, t, a: (
        "query ($c: ID!) { centre(id: $c) { __typename ... on Problem { code } } }",
        {"c": t.centre_id},
        "centre",
    ),
    Operation.LIST_CENTRES: lambda w, t, a: ("{ centres { items { id } } }", {}, "centres"),
    Operation.READ_CENTRE_NOTICES: lambda w, t, a: (
        "query ($c: ID!) { centreNotices(centreId: $c) { items { kind } } }",
        {"c": t.centre_id},
        "centreNotices",
    ),
    Operation.RECORD_INSPECTION: lambda w, t, a: (
        "mutation ($i: InspectionInput!) { recordInspection(input: $i) { __typename ... on Problem { code } } }",
        {"i": {"centreId": t.centre_id, "visitedOn": today_in_madinah().isoformat(), "results": CHECK_ALL_PASS}},
        "recordInspection",
    ),
    Operation.LIST_INSPECTIONS: lambda w, t, a: (
        "query ($c: ID!) { inspections(centreId: $c) { items { id } } }",
        {"c": t.centre_id},
        "inspections",
    ),
    Operation.CLOSE_FINDINGS: resolving("closeFindings", "inspectionId", open_findings),
    Operation.READ_CENTRE_PERFORMANCE: lambda w, t, a: (
        "query ($c: ID!, $f: Date!, $t: Date!) { centrePerformance(centreId: $c, from: $f, to: $t) { __typename ... on Problem { code } } }",
        {"c": t.centre_id, **period()},
        "centrePerformance",
    ),
    Operation.READ_REGION_OVERVIEW: lambda w, t, a: (
        "query ($f: Date!, $t: Date!) { regionOverview(from: $f, to: $t) { __typename ... on Problem { code } } }",
        period(),
        "regionOverview",
    ),
    Operation.READ_CENTRE_RANKING: lambda w, t, a: (
        "query ($f: Date!, $t: Date!) { centreRanking(metric: SUBMITTED, from: $f, to: $t) { rank } }",
        period(),
        "centreRanking",
    ),
    Operation.LIST_ESCALATIONS: lambda w, t, a: ("{ escalations { items { id } } }", {}, "escalations"),
    Operation.RESOLVE_ESCALATION: resolving("resolveEscalation", "escalationId", open_escalation),
    Operation.RATE_CENTRE: on_delivered_request("rateCentre", ", stars: 5"),
    Operation.FILE_COMPLAINT: on_delivered_request("fileComplaint", ', text: "the queue was long"'),
    Operation.READ_MY_FEEDBACK: lambda w, t, a: (
        "query ($id: ID!) { myFeedback(requestId: $id) { __typename ... on Problem { code } } }",
        {"id": t.request_id},
        "myFeedback",
    ),
    Operation.LIST_COMPLAINTS: lambda w, t, a: ("{ complaints { items { id } } }", {}, "complaints"),
    Operation.RESOLVE_COMPLAINT: resolving("resolveComplaint", "complaintId", open_complaint),
    Operation.REQUEST_DOCUMENT_UPLOAD: lambda w, t, a: (
        UPLOAD,
        {"i": upload_input(SERVICES[t.name][2][0], request_id=w.request_in(t, "RETURNED") if a else t.request_id)},
        "requestDocumentUpload",
    ),
    Operation.ATTACH_DOCUMENT: lambda w, t, a: (ATTACH, {"id": w.uploaded_document(t)}, "attachDocument"),
    Operation.DOWNLOAD_DOCUMENT: lambda w, t, a: (DOWNLOAD, {"id": w.filed_document(t)}, "documentDownload"),
    Operation.LIST_MY_DOCUMENTS: lambda w, t, a: ("{ myDocuments { items { id } } }", {}, "myDocuments"),
    Operation.LIST_DRAFT_DOCUMENTS: lambda w, t, a: (
        'query { draftDocuments(idempotencyKey: "matrix-draft-0001") { id } }',
        {},
        "draftDocuments",
    ),
}

# the monitoring office's live alerts (docs/monitoring.md)
CALLS |= {
    Operation.MONITORING_ALERTS: lambda w, t, a: (
        "subscription { monitoringAlerts { kind } }",
        {},
        "monitoringAlerts",
    ),
}
SUBSCRIPTIONS |= {Operation.MONITORING_ALERTS}

# the business calendar of working-hours SLAs (docs/time.md)
CALLS |= {
    Operation.READ_BUSINESS_CALENDAR: lambda w, t, a: ("{ businessCalendar { version } }", {}, "businessCalendar"),
    Operation.DEFINE_BUSINESS_CALENDAR: lambda w, t, a: (
        "mutation ($i: BusinessCalendarInput!) { defineBusinessCalendar(input: $i) { __typename ... on Problem { code } } }",
        {"i": calendar_input(STANDARD_CALENDAR)},
        "defineBusinessCalendar",
    ),
}


def failed_sms_call(world: World, target: Target) -> str:
    """The target request's first SMS never arrived: its permanent failure puts it on the call list of the
    target's centre (the same call however many cells ask)."""
    repository, event = world.container.adapters.notification_repository, f"REQ#{target.request_id}#SUBMITTED"

    def sent() -> Notification | None:
        sms = repository.get_notification(target.citizen.citizen_id, event)
        return sms if sms is not None and sms.provider_message_id else None

    world.until(lambda: sent() is not None)
    sms = sent()
    assert sms is not None
    return fail_permanently(world.container, sms)


# the centre's call list of SMS that never arrived (docs/sms.md)
CALLS |= {
    Operation.LIST_CALL_LIST: lambda w, t, a: ("{ callList { items { id } } }", {}, "callList"),
    Operation.MARK_CALL_DONE: lambda w, t, a: (
        'mutation ($id: ID!) { markCallDone(callId: $id, note: "called") { __typename ... on Problem { code } } }',
        {"id": failed_sms_call(w, t)},
        "markCallDone",
    ),
    Operation.READ_CALL_NUMBER: lambda w, t, a: (
        "query ($id: ID!) { callNumber(callId: $id) { __typename ... on Problem { code } } }",
        {"id": failed_sms_call(w, t)},
        "callNumber",
    ),
}


def cash_in_drawer(world: World, target: Target) -> dict[str, Any]:
    """A remittance of one halala from the drawer of the target's centre, which a cash filing has just filled."""
    world.request_in(target, "FORWARDED")
    return {"i": {"amount": "0.01", "reference": f"DEP-{uuid.uuid4().hex[:12].upper()}"}}


# the centres' money (docs/money.md)
CALLS |= {
    Operation.READ_CENTRE_MONEY: lambda w, t, a: (
        "query ($c: ID!, $f: Date!, $t: Date!) { centreStatements(centreId: $c, from: $f, to: $t) "
        "{ __typename ... on Problem { code } } }",
        {"c": t.centre_id, **period()},
        "centreStatements",
    ),
    Operation.RECORD_REMITTANCE: lambda w, t, a: (
        "mutation ($i: RecordRemittanceInput!) { recordRemittance(input: $i) { __typename ... on Problem { code } } }",
        cash_in_drawer(w, t) if a else {"i": {"amount": "0.01", "reference": "DEP-REFUSED"}},
        "recordRemittance",
    ),
    Operation.CLOSE_BUSINESS_DAY: lambda w, t, a: (
        "mutation ($c: ID!, $d: Date!) { closeBusinessDay(centreId: $c, day: $d) { __typename ... on Problem { code } } }",
        {"c": t.centre_id, "d": (today_in_madinah() - timedelta(days=400)).isoformat()},
        "closeBusinessDay",
    ),
}

ROLE_ONLY = {
    Operation.OPEN_CITIZEN_RECORD,
    Operation.READ_ME,
    Operation.CHANGE_MY_LANGUAGE,
    Operation.SUBMIT_SERVICE_REQUEST,
    Operation.LIST_MY_REQUESTS,
    Operation.LIST_CENTRE_REQUESTS,
    Operation.READ_AGENCY_WINDOW,
    Operation.HANDOFF_EVENTS,
    Operation.LIST_MY_DOCUMENTS,
    Operation.LIST_DRAFT_DOCUMENTS,
    Operation.LIST_CALL_LIST,
    Operation.RECORD_REMITTANCE,
}
ACTOR_NAMES = ["citizen_a", "operator_x", "operator_y", "officer_p", "monitor", "admin", "anonymous"]
CELLS = [
    (op, actor, target)
    for op in Operation
    for actor in ACTOR_NAMES
    for target in (("A",) if op in ROLE_ONLY or all(s is Scope.ANY for s in POLICY[op].values()) else ("A", "B"))
]


def expected(operation: Operation, actor: Actor, target: Target) -> str:
    if actor.role is None:
        return "UNAUTHENTICATED"
    scope = POLICY[operation].get(actor.role)
    if scope is None:
        return "FORBIDDEN"
    if scope is Scope.ANY or operation in ROLE_ONLY:
        return "ALLOWED"
    owns = {
        Scope.SELF: actor.user_id == target.citizen.citizen_id,
        Scope.OWN_CENTRE: actor.centre_id == target.centre_id,
        Scope.OWN_AGENCY: actor.agency_code == target.agency_code,
    }[scope]
    return "ALLOWED" if owns else "NOT_FOUND"


def outcome(reply: Any, field: str) -> str:
    body = reply.json()
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    value = body["data"][field]
    if (
        isinstance(value, dict)
        and "code" in value
        and value.get("__typename") in {"NotFound", "Forbidden", "ValidationFailed", "Conflict"}
    ):
        return str(value["code"])
    return "ALLOWED"


@pytest.mark.parametrize(
    ("operation", "actor_name", "target_name"), CELLS, ids=[f"{o.value}-{a}-{t}" for o, a, t in CELLS]
)
def test_the_policy_cell_holds_over_the_api(
    world: World, live_socket: str, operation: Operation, actor_name: str, target_name: str
) -> None:
    actor, target = world.actors[actor_name], world.targets[target_name]
    want = expected(operation, actor, target)
    query, variables, field = CALLS[operation](world, target, want == "ALLOWED")
    if operation is Operation.SUBMIT_SERVICE_REQUEST:
        variables["i"]["amount"] = CENTRE_PRICES.get(actor.centre_id or "", "125.00")
    if operation is Operation.SUBMIT_SERVICE_REQUEST and want == "ALLOWED":
        variables["i"]["documents"] = world.draft_documents(actor, "NID-RENEW", variables["i"]["idempotencyKey"])
    before = (item_count(world.stack), user_count(world.stack), item_count(world.stack, "AuditTable"))
    if operation in SUBSCRIPTIONS:
        reply = subscribe_over_socket(live_socket, query, variables, actor.token, field)
    else:
        reply = world.client.post(query, variables, token=actor.token)
    assert outcome(reply, field) == want, reply.text
    if want != "ALLOWED":
        assert (item_count(world.stack), user_count(world.stack)) == before[:2]
        audited = item_count(world.stack, "AuditTable") - before[2]
        # an anonymous denial is sampled: the first of its operation and code in the hour (item 6)
        assert audited == 1 if actor.role is not None else audited in {0, 1}


def test_scope_comes_from_the_token_not_from_headers(world: World) -> None:
    token = world.actors["operator_x"].token
    headers = {
        "content-type": "application/json",
        "authorization": f"Bearer {token}",
        "x-centre-id": "MED-C02",
        "x-center-id": "MED-C02",
    }
    reply = world.client.raw(
        "POST", json.dumps({"query": OPEN_RECORD, "variables": {"input": record_input()}}), headers
    )
    opened = reply.json()["data"]["openCitizenRecord"]
    citizen = world.client.post(
        "query ($id: ID!) { citizen(id: $id) { ... on CitizenRecord { openedAtCentre } } }",
        {"id": opened["citizen"]["id"]},
        token=token,
    )
    assert citizen.data["citizen"]["openedAtCentre"] == "MED-C01"


@pytest.fixture(scope="module")
def live_socket(world: World) -> Iterator[str]:
    """The emulated WebSocket API (its management endpoint where the stack's environment says)."""
    port = int(world.stack.environment["WEBSOCKET_MANAGEMENT_URL"].rsplit(":", 1)[1])
    with serve_socket_api(port):
        yield f"ws://127.0.0.1:{port}/graphql"


def subscribe_over_socket(url: str, query: str, variables: dict[str, Any], token: str | None, field: str) -> Reply:
    """A subscription over graphql-transport-ws, its outcome shaped like an HTTP reply: the ``error``
    message's errors, or (no error before the pong that follows) the subscription accepted."""
    with LiveClient.connect(url) as live:
        assert live.init(token) == {"type": "connection_ack"}
        live.subscribe("cell", query, variables)
        errors = [m["payload"] for m in live.settle() if m["type"] == "error"]
    body = {"errors": errors[0]} if errors else {"data": {field: "subscribed"}}
    return Reply(200, {}, json.dumps(body))
