"""Property test: random actors do random things to random requests; the invariants always hold.

Rules: submit (new key or a repeat), acknowledge / complete / reject / return by an agency (right or
wrong one), resubmit / cancel / deliver by a centre (right or wrong one), and SLA timeouts. After every
step: only legal transitions, one payment per request (refunded only when cancelled), exactly one
audit record per accepted change, at most one SMS per (request, event) (the store refuses a second),
and a refused action changes nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import DomainError
from functions.domain.policy import Operation
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod, RequestStatus
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld

LEGAL = {
    RequestStatus.SUBMITTED: {RequestStatus.AT_AGENCIES, RequestStatus.CANCELLED},
    RequestStatus.AT_AGENCIES: {
        RequestStatus.RETURNED_TO_CENTRE,
        RequestStatus.REJECTED,
        RequestStatus.COMPLETED_AT_CENTRE,
        RequestStatus.CANCELLED,
    },
    RequestStatus.RETURNED_TO_CENTRE: {RequestStatus.AT_AGENCIES, RequestStatus.REJECTED, RequestStatus.EXPIRED},
    RequestStatus.COMPLETED_AT_CENTRE: {RequestStatus.DELIVERED},
}
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)
SERVICES = {
    "SHOP-LICENCE": ({"activity": "FOOD", "shopAreaSqm": "25"}, "325.00"),
    "BUILDING-PERMIT": ({"deedNumber": "D-1", "floors": "2", "district": "QUBA"}, "1025.00"),
    "NID-RENEW": ({"reason": "EXPIRED", "deliveryDistrict": "QUBA"}, "125.00"),
}
# Uploading and attaching documents audits the request they belong to, but changes no request.
DOCUMENT_ACTIONS = {Operation.REQUEST_DOCUMENT_UPLOAD.value, Operation.ATTACH_DOCUMENT.value}
AGENCIES = ["COMMERCE", "MUNICIPALITY", "CIVIL-DEFENCE", "CIVIL-AFFAIRS", "PASSPORTS"]
CENTRES = ["MED-C01", "MED-C02"]


def operator(centre: str) -> Caller:
    return Caller(Principal(f"op-{centre}", Role.CENTRE_OPERATOR, centre_id=centre), "prop")


def officer(agency: str) -> Caller:
    return Caller(Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "prop")


class RequestLifecycle(RuleBasedStateMachine):
    @initialize()
    def open_world(self) -> None:
        self.world = IdentityWorld()
        seed_catalogue(self.world.catalogue)
        record = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
        self.citizen_id = self.world.records.open_citizen_record(operator("MED-C01"), record).citizen.citizen_id
        self.keys: list[str] = []
        self.seen: dict[str, RequestStatus] = {}
        self.accepted: Counter[str] = Counter()

    def _attempt(self, request_id: str | None, action: object) -> None:
        applied = self.world.requests.applied
        before = self.world.requests.get_file(request_id) if request_id else None
        try:
            action()  # type: ignore[operator]
        except DomainError:
            after = self.world.requests.get_file(request_id) if request_id else None
            assert after == before, "a refused action changed the request"
            assert self.world.requests.applied == applied
            return
        if request_id is not None:
            self.accepted[request_id] += 1

    @rule(service=st.sampled_from(sorted(SERVICES)), repeat=st.booleans())
    def submit(self, service: str, repeat: bool) -> None:
        if not repeat and sum(not status.closed for status in self.seen.values()) >= 2:
            return  # keep the walk on few requests, so routes get to their end
        key = self.keys[-1] if repeat and self.keys else f"key-{len(self.keys):06d}"
        answers, amount = SERVICES[service]
        try:
            documents = filed_documents(self.world, operator("MED-C01"), service, key)
            form = SubmissionForm(
                self.citizen_id, service, dict(answers), documents, Decimal(amount), PaymentMethod.CASH, EVIDENCE, key
            )
            submitted = self.world.submission.submit_service_request(operator("MED-C01"), form)
        except DomainError:
            return  # a repeat of a key with another service: refused (its documents too), checked by the invariants
        request_id = submitted.file.request.request_id
        if key not in self.keys:
            self.keys.append(key)
        if request_id not in self.seen:
            self.seen[request_id] = RequestStatus.SUBMITTED
            self.accepted[request_id] += 1

    @rule(data=st.data(), action=st.sampled_from(["acknowledge"] * 4 + ["complete"] * 4 + ["reject", "return"]))
    def agency_acts(self, data: st.DataObject, action: str) -> None:
        live = sorted(r for r, status in self.seen.items() if not status.closed) or sorted(self.seen)
        if not live:
            return
        request_id = data.draw(st.sampled_from(live))
        file = self.world.requests.get_file(request_id)
        in_window = sorted({h.agency_code for h in file.handoffs if h.status.open}) if file else []
        likely = st.sampled_from(in_window) if in_window else st.sampled_from(AGENCIES)
        caller = officer(
            data.draw(st.one_of(likely, likely, likely, st.sampled_from(AGENCIES)))
        )  # mostly the right one
        window = self.world.window
        act = {
            "acknowledge": lambda: window.acknowledge_receipt(caller, request_id),
            "complete": lambda: window.complete_step(caller, request_id, "ok"),
            "reject": lambda: window.reject_request(caller, request_id, "not eligible"),
            "return": lambda: window.return_to_centre(caller, request_id, ["a clearer copy"]),
        }[action]
        self._attempt(request_id, act)

    @rule(data=st.data(), action=st.sampled_from(["acknowledge", "complete"]))
    def agency_works(self, data: st.DataObject, action: str) -> None:
        """The common case, drawn more often so that routes reach their end."""
        self.agency_acts(data, action)

    @rule(
        data=st.data(),
        action=st.sampled_from(["resubmit"] * 2 + ["deliver"] * 3 + ["cancel"]),
        centre=st.sampled_from([*CENTRES, "MED-C01", "MED-C01"]),
    )
    def centre_acts(self, data: st.DataObject, action: str, centre: str) -> None:
        if not self.seen:
            return
        request_id = data.draw(st.sampled_from(sorted(self.seen)))
        desk, caller = self.world.desk, operator(centre)
        act = {
            "resubmit": lambda: desk.resubmit_request(caller, request_id, None, None),
            "cancel": lambda: desk.cancel_request(caller, request_id, None),
            "deliver": lambda: desk.confirm_delivery(caller, request_id),
        }[action]
        self._attempt(request_id, act)

    @rule(data=st.data())
    def sla_passes(self, data: st.DataObject) -> None:
        waits = [(r, agency) for r in sorted(self.seen) for agency, _ in self.world.machine.waiting(r)]
        if waits:
            request_id, agency = data.draw(st.sampled_from(waits))
            self.world.machine.time_out(request_id, agency)

    @invariant()
    def only_legal_transitions(self) -> None:
        for request_id, previous in list(self.seen.items()):
            file = self.world.requests.get_file(request_id)
            assert file is not None
            now = file.request.status
            assert now == previous or now in LEGAL.get(previous, set()), f"{previous} -> {now}"
            self.seen[request_id] = now

    @invariant()
    def one_payment_refunded_only_when_cancelled(self) -> None:
        for request_id in self.seen:
            file = self.world.requests.get_file(request_id)
            assert file is not None
            assert file.payment is not None
            assert (file.payment.refunded_at is not None) == (file.request.status is RequestStatus.CANCELLED)

    @invariant()
    def one_audit_record_per_accepted_change(self) -> None:
        allowed = Counter(
            r.target.removeprefix("request:")
            for r in self.world.log.records
            if r.target.startswith("request:")
            and r.outcome is Outcome.ALLOWED
            and r.role != Role.SYSTEM.value
            and r.action not in DOCUMENT_ACTIONS
        )
        for request_id in self.seen:
            assert allowed[request_id] == self.accepted[request_id]

    @invariant()
    def open_steps_belong_to_one_stage(self) -> None:
        for request_id in self.seen:
            file = self.world.requests.get_file(request_id)
            assert file is not None
            assert len({h.stage for h in file.handoffs if h.status.open}) <= 1


RequestLifecycle.TestCase.settings = settings(
    max_examples=int(os.environ.get("SHUBBAK_PROPERTY_EXAMPLES", "60")),
    stateful_step_count=int(os.environ.get("SHUBBAK_PROPERTY_STEPS", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestRequestLifecycle = RequestLifecycle.TestCase
