"""A centre files a service request for a citizen and collects the fee: once per idempotency key.

Exactly-once comes from two layers: the idempotency guard (Powertools, on its own table) answers a
repeat with the first result and refuses a different payload under the same key; underneath, the
request id is derived from (centre, key), so even after the guard's record expired, the transaction's
``attribute_not_exists`` makes a second request impossible and the first one is returned.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from functions.domain.catalogue import Service
from functions.domain.centre import Centre
from functions.domain.citizen import Citizen, IdentityEvidence
from functions.domain.documents import Document, choose_documents, ensure_fresh
from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.forms import validate_answers
from functions.domain.ledger import PosSlip
from functions.domain.madinah_time import sms_time
from functions.domain.money import Money
from functions.domain.policy import Operation
from functions.domain.request import Payment, PaymentMethod, RequestFile, RequestStatus, ServiceRequest
from functions.domain.request_ids import checked_idempotency_key, request_id_for
from functions.domain.sadad import SadadBill, bill_number_for
from functions.domain.sms import SmsTemplate
from functions.domain.tracking import hash_pin, new_pin, receipt_number, tracking_number
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, evidence_checked
from functions.services.document_ports import DocumentRepository
from functions.services.ports import CatalogueRepository, CentreRepository, CitizenRepository, Clock, IdempotencyGuard
from functions.services.request_ports import DocumentWrite, RequestRepository
from functions.services.request_sms import RequestSms
from functions.services.request_updates import RequestUpdates
from functions.services.serving_centre import serving_centre

if TYPE_CHECKING:
    from functions.services.route_stages import RouteStages  # built by the composition root

__all__ = ["RequestSubmission", "SubmissionForm", "SubmittedRequest"]


@dataclass(frozen=True)
class SubmissionForm:
    citizen_id: str
    service_code: str
    answers: dict[str, str]
    documents: list[str]
    """The ids of the attached documents (attachDocument) filed with it: one per document the service lists."""
    amount: Decimal
    payment_method: PaymentMethod
    identity_check: EvidenceForm | None
    idempotency_key: str
    pos_slip: tuple[str, str] | None = None
    """A card payment's (terminal id, retrieval reference number), as the slip prints them."""

    def payload(self) -> dict[str, object]:
        """What a repeat under the same key must match (JSON-safe, order-independent)."""
        check = self.identity_check
        return {
            "citizenId": self.citizen_id,
            "serviceCode": self.service_code,
            "answers": dict(sorted(self.answers.items())),
            "documents": sorted(self.documents),
            "amount": str(Decimal(self.amount).quantize(Decimal("0.01"))),
            "paymentMethod": self.payment_method.value,
            "identityCheck": [
                check.document_type.value,
                check.document_number,
                check.expires_on.text,
                check.expires_on.calendar.value,
            ]
            if check
            else None,
            "posSlip": list(self.pos_slip) if self.pos_slip else None,
        }


@dataclass(frozen=True)
class SubmittedRequest:
    file: RequestFile
    pin: str | None
    """The tracking PIN for the receipt, on the first answer only; None on every repeat (SEC-01: the PIN
    is kept nowhere but as a salted hash, so a repeat cannot give it again)."""


class RequestSubmission:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        citizens: CitizenRepository,
        catalogue: CatalogueRepository,
        centres: CentreRepository,
        stages: RouteStages,
        guard: IdempotencyGuard,
        authorizer: Authorizer,
        updates: RequestUpdates,
        sms: RequestSms,
        clock: Clock,
        documents: DocumentRepository,
        bill_lifetime: timedelta = timedelta(hours=72),
    ) -> None:
        self._bill_lifetime = bill_lifetime
        self._requests = requests
        self._documents = documents
        self._citizens = citizens
        self._catalogue = catalogue
        self._centres = centres
        self._stages = stages
        self._guard = guard
        self._authorizer = authorizer
        self._updates = updates
        self._sms = sms
        self._clock = clock

    def submit_service_request(self, caller: Caller, form: SubmissionForm) -> SubmittedRequest:
        centre = serving_centre(
            caller,
            Operation.SUBMIT_SERVICE_REQUEST,
            authorizer=self._authorizer,
            centres=self._centres,
            clock=self._clock,
        )
        request_id = request_id_for(centre.centre_id, checked_idempotency_key(form.idempotency_key))
        issued: list[str] = []

        def submit_once() -> dict[str, str]:
            """What the guard keeps for repeats: the request's id, never its PIN (kept only as a hash)."""
            filed_id, pin = self._submit(caller, centre, request_id, form)
            issued.extend([pin] if pin else [])
            return {"requestId": filed_id}

        first = self._guard.run(f"{centre.centre_id}#{form.idempotency_key}", form.payload(), submit_once)
        file = self._requests.get_file(first["requestId"])
        if file is None:
            raise NotFound(field="requestId")
        return SubmittedRequest(file, issued[0] if issued else None)

    def _submit(self, caller: Caller, centre: Centre, request_id: str, form: SubmissionForm) -> tuple[str, str | None]:
        """The request's id and, when this call filed it, its PIN (None: it existed already)."""
        fingerprint = _fingerprint(form.payload())
        existing = self._requests.get_file(request_id)
        if existing is not None:
            return self._repeat_of(existing.request, fingerprint)
        citizen = self._citizens.get_citizen(form.citizen_id)
        if citizen is None:
            raise NotFound(field="citizenId")
        service = self._catalogue.get_service(form.service_code)
        if service is None:
            raise NotFound(field="serviceCode")
        if not service.active:
            raise ValidationFailed(ErrorCode.SERVICE_INACTIVE, field="serviceCode")
        answers = validate_answers(service.fields, form.answers)
        documents = choose_documents(service.documents, form.documents, self._documents.documents_of(request_id))
        ensure_fresh(documents, self._clock.now())
        evidence = self._evidence(caller, form, citizen)
        amount = Money.sar(form.amount)
        if amount != service.fee + centre.service_charge:
            raise ValidationFailed(ErrorCode.FEE_MISMATCH, field="amount")
        slip = _slip(form)
        pin = new_pin()
        request = self._new_request(
            caller, centre, citizen, service, request_id, answers, documents, evidence, form, pin, fingerprint
        )
        if form.payment_method is PaymentMethod.SADAD:
            return self._bill(caller, request, service, documents, citizen, pin, fingerprint)
        payment = Payment(
            request_id=request_id,
            receipt_number=request.receipt_number,
            fee=service.fee,
            service_charge=centre.service_charge,
            method=form.payment_method,
            collected_by=caller.principal.user_id,
            collected_at=request.created_at,
            terminal_id=slip.terminal_id if slip else None,
            retrieval_reference=slip.retrieval_reference if slip else None,
        )
        notification = self._sms.sms(request, "SUBMITTED", SmsTemplate.REQUEST_SUBMITTED, amount=str(amount.riyals))
        try:
            self._updates.file_new(
                caller,
                request,
                note=service.code,
                notification=notification,
                payment=payment,
                documents=tuple(
                    DocumentWrite(d.link(citizen.citizen_id, request.created_at), d.version) for d in documents
                ),
            )
        except Conflict:
            raced = self._requests.get_file(request_id)
            if raced is None:
                raise
            return self._repeat_of(raced.request, fingerprint)
        self._stages.start(request, 1)  # after the filing committed; a stage that does not start, the sweeper starts
        return request_id, pin

    def _bill(
        self,
        caller: Caller,
        request: ServiceRequest,
        service: Service,
        documents: tuple[Document, ...],
        citizen: Citizen,
        pin: str,
        fingerprint: str,
    ) -> tuple[str, str | None]:
        """Paid by SADAD: the request waits for its bill to be paid (``SadadPayments``); no route yet."""
        awaiting = replace(request, status=RequestStatus.AWAITING_PAYMENT)
        bill = SadadBill(
            bill_number=bill_number_for(request.request_id),
            request_id=request.request_id,
            centre_id=request.centre_id,
            amount=request.amount_paid,
            issued_at=request.created_at,
            expires_at=request.created_at + self._bill_lifetime,
        )
        notification = self._sms.sms(
            awaiting,
            RequestStatus.AWAITING_PAYMENT.value,
            SmsTemplate.BILL_ISSUED,
            amount=str(bill.amount.riyals),
            bill=bill.bill_number,
            time=sms_time(bill.expires_at),
        )
        try:
            self._updates.file_new(
                caller,
                awaiting,
                note=service.code,
                notification=notification,
                payment=None,
                documents=tuple(
                    DocumentWrite(d.link(citizen.citizen_id, request.created_at), d.version) for d in documents
                ),
                bill=bill,
            )
        except Conflict:
            raced = self._requests.get_file(request.request_id)
            if raced is None:
                raise
            return self._repeat_of(raced.request, fingerprint)
        return request.request_id, pin

    def _new_request(
        self,
        caller: Caller,
        centre: Centre,
        citizen: Citizen,
        service: Service,
        request_id: str,
        answers: dict[str, str],
        documents: tuple[Document, ...],
        evidence: IdentityEvidence,
        form: SubmissionForm,
        pin: str,
        fingerprint: str,
    ) -> ServiceRequest:
        now = self._clock.now()
        tracking = tracking_number(now, self._requests.next_tracking_sequence(f"{now:%y%m}"))
        return ServiceRequest(
            request_id=request_id,
            tracking_number=tracking,
            pin_hash=hash_pin(pin, request_id),
            citizen_id=citizen.citizen_id,
            service_code=service.code,
            centre_id=centre.centre_id,
            operator_id=caller.principal.user_id,
            answers=answers,
            documents=tuple(document.document_id for document in documents),
            identity_document=f"{evidence.document_type.value}:{evidence.expires_on.isoformat()}",
            fee=service.fee,
            service_charge=centre.service_charge,
            payment_method=form.payment_method,
            receipt_number=receipt_number(tracking),
            route=service.stages,
            status=RequestStatus.SUBMITTED,
            version=1,
            created_at=now,
            updated_at=now,
            fingerprint=fingerprint,
            citizen_language=citizen.language.value,
            citizen_masked_mobile=citizen.mobile.masked,
        )

    def _evidence(self, caller: Caller, form: SubmissionForm, citizen: Citizen) -> IdentityEvidence:
        """The identity document checked at this visit, recorded with the request."""
        check = form.identity_check
        if check is None:
            raise ValidationFailed(ErrorCode.EVIDENCE_REQUIRED, field="identityCheck")
        return evidence_checked(caller, check, citizen.national_id, self._clock.now())

    @staticmethod
    def _repeat_of(existing: ServiceRequest, fingerprint: str) -> tuple[str, str | None]:
        if existing.fingerprint != fingerprint:
            raise Conflict(ErrorCode.IDEMPOTENCY_KEY_REUSED, field="idempotencyKey")
        return existing.request_id, None


def _slip(form: SubmissionForm) -> PosSlip | None:
    """A card payment names its slip; cash and SADAD have none."""
    if form.payment_method in {PaymentMethod.CASH, PaymentMethod.SADAD}:
        if form.pos_slip is not None:
            raise ValidationFailed(ErrorCode.POS_SLIP_NOT_EXPECTED, field="posSlip")
        return None
    if form.pos_slip is None:
        raise ValidationFailed(ErrorCode.POS_SLIP_REQUIRED, field="posSlip")
    return PosSlip.read(*form.pos_slip)


def _fingerprint(payload: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
