"""Service request types: the file as each role may see it, the agencies' window, public tracking."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.documents import RequestDocumentType
from functions.api.types.enums.requests import BillStatus, Decision, HandoffStatus, PaymentMethod, RequestStatus
from functions.api.types.identity import CitizenRecordType
from functions.api.types.localized_text import LocalizedTextType
from functions.api.types.sms import SmsMessageType
from functions.api.types.time import MadinahTimeType, madinah
from functions.domain.documents import Document
from functions.domain.request import Handoff, HistoryEntry, RequestFile, RequestSummary, ServiceRequest
from functions.domain.sadad import SadadBill
from functions.domain.visibility import view_of

__all__ = [
    "AgencyWindowItemType",
    "HandoffType",
    "HistoryEntryType",
    "ServiceRequestType",
    "TrackedRequestType",
]


@strawberry.type(name="HistoryEntry", description="One dated step of a request's history.")
class HistoryEntryType:
    at: datetime
    event: str
    agency_code: str | None
    actor_role: str
    note: str | None

    @strawberry.field(description="When, on Madinah's wall clock, with the day in both calendars.")
    def at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.at)

    @classmethod
    def of(cls, entry: HistoryEntry, *, with_note: bool = True) -> HistoryEntryType:
        return cls(
            at=entry.at,
            event=entry.event,
            agency_code=entry.agency_code,
            actor_role=entry.actor_role,
            note=entry.note if with_note else None,
        )


@strawberry.type(name="StepTimes", description="When an agency's step was forwarded, acknowledged, and is due.")
class StepTimesType:
    """Fields shared by ``Handoff`` and ``AgencyWindowItem``, with their Madinah wall times."""

    forwarded_at: datetime
    due_at: datetime = strawberry.field(
        description="Receipt due while FORWARDED; the step due once RECEIVED; counted in working hours."
    )
    received_at: datetime | None

    @strawberry.field(description="Due on Madinah's wall clock (due Sunday 09:40), computed in working hours.")
    def due_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.due_at)

    @strawberry.field(description="Forwarded, on Madinah's wall clock.")
    def forwarded_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.forwarded_at)

    @strawberry.field(description="Acknowledged, on Madinah's wall clock.")
    def received_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.received_at)


@strawberry.type(name="Handoff", description="One agency's step: where the file is, and by when it is due.")
class HandoffType(StepTimesType):
    stage: int
    agency_code: str
    status: HandoffStatus
    round: int = strawberry.field(description="1, or more after the centre answered a return.")
    decided_at: datetime | None
    decision: Decision | None
    note: str | None
    missing_items: list[str]
    escalations: int
    overdue: bool

    @strawberry.field(description="Decided, on Madinah's wall clock.")
    def decided_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.decided_at)

    @classmethod
    def of(cls, handoff: Handoff) -> HandoffType:
        return cls(
            stage=handoff.stage,
            agency_code=handoff.agency_code,
            status=handoff.status,
            round=handoff.round,
            forwarded_at=handoff.forwarded_at,
            due_at=handoff.due_at,
            received_at=handoff.received_at,
            decided_at=handoff.decided_at,
            decision=handoff.decision,
            note=handoff.decision_note,
            missing_items=list(handoff.missing_items),
            escalations=handoff.escalations,
            overdue=handoff.overdue(datetime.now(UTC)),
        )


@strawberry.type(name="Payment", description="The fee collected at the centre.")
class PaymentType:
    receipt_number: str
    fee: Decimal = strawberry.field(description="The government fee, SAR.")
    service_charge: Decimal = strawberry.field(description="The centre's posted service charge, SAR.")
    amount: Decimal
    method: PaymentMethod
    collected_at: datetime
    refunded_at: datetime | None
    bill_number: str | None = strawberry.field(description="A SADAD payment's bill number.")
    terminal_id: str | None = strawberry.field(description="A card payment's terminal id, from its slip.")
    retrieval_reference: str | None = strawberry.field(
        description="A card payment's retrieval reference number (RRN), from its slip."
    )

    @strawberry.field(description="Collected, on Madinah's wall clock: the receipt's date and time.")
    def collected_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.collected_at)

    @strawberry.field(description="Refunded, on Madinah's wall clock.")
    def refunded_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.refunded_at)


@strawberry.type(
    name="SadadBill",
    description="A SADAD bill: the citizen pays it through their bank before it expires; then the request starts.",
)
class SadadBillType:
    bill_number: str
    amount: Decimal = strawberry.field(description="SAR: the fee and the centre's charge.")
    status: BillStatus
    issued_at: datetime
    expires_at: datetime
    paid_at: datetime | None

    @strawberry.field(description="The deadline to pay, on Madinah's wall clock.")
    def expires_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.expires_at)

    @classmethod
    def of(cls, bill: SadadBill) -> SadadBillType:
        return cls(
            bill_number=bill.bill_number,
            amount=bill.amount.riyals,
            status=bill.status,
            issued_at=bill.issued_at,
            expires_at=bill.expires_at,
            paid_at=bill.paid_at,
        )


@strawberry.type(name="FormAnswer")
class FormAnswerType:
    key: str
    value: str


@strawberry.type(name="ServiceRequest", description="A service request filed at a centre on a citizen's behalf.")
class ServiceRequestType:
    id: strawberry.ID
    tracking_number: str
    status: RequestStatus
    service_code: str
    centre_id: str
    filed_by: str = strawberry.field(description="The operator who filed it.")
    identity_checked: str = strawberry.field(description="The identity document checked at this visit (type:expiry).")
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    delivered_at: datetime | None
    answers: list[FormAnswerType]
    documents: list[str] = strawberry.field(
        description="The ids of the documents it is filed with (see attachedDocuments)."
    )
    payment: PaymentType | None
    bill: SadadBillType | None = strawberry.field(description="Its SADAD bill, when it is paid by SADAD.")
    handoffs: list[HandoffType] = strawberry.field(description="Every agency step so far, stage by stage.")
    history: list[HistoryEntryType]
    citizen_id: strawberry.Private[str]
    document_records: strawberry.Private[tuple[Document, ...]] = ()
    record: strawberry.Private[ServiceRequest | None] = None

    @strawberry.field(description="Filed, on Madinah's wall clock.")
    def created_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.created_at)

    @strawberry.field(description="Back at the centre, on Madinah's wall clock.")
    def completed_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.completed_at)

    @strawberry.field(description="Handed to the citizen, on Madinah's wall clock.")
    def delivered_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.delivered_at)

    @strawberry.field(
        description="Every document uploaded for it, oldest first: the filed ones and their history (`filed`)."
    )
    def attached_documents(self, info: Info[GraphQLContext, None]) -> list[RequestDocumentType]:
        filed = tuple(str(document_id) for document_id in self.documents)
        records = sorted(self.document_records, key=lambda d: (d.requested_at, d.document_id))
        return [RequestDocumentType.of(d, info.context.principal, filed) for d in records]

    @strawberry.field(description="Where the file is now: the open steps, with their due times.")
    def where_now(self) -> list[HandoffType]:
        return [h for h in self.handoffs if h.status in {HandoffStatus.FORWARDED, HandoffStatus.RECEIVED}]

    @strawberry.field(description="The service's name.")
    def service_name(self, info: Info[GraphQLContext, None]) -> LocalizedTextType | None:
        service = info.context.use_cases.catalogue.get_services([self.service_code]).get(self.service_code)
        return LocalizedTextType.of(service.name) if service else None

    @strawberry.field(
        description="The SMS about it with their delivery status, oldest first: for its citizen and its centre "
        "(anyone else gets an empty list)."
    )
    def sms(self, info: Info[GraphQLContext, None]) -> list[SmsMessageType]:
        context = info.context
        if self.record is None:
            return []
        return [SmsMessageType.of(n) for n in context.use_cases.notifications.for_request(context.caller, self.record)]

    @strawberry.field(description="The citizen, with personal data masked according to who is asking.")
    def citizen(self, info: Info[GraphQLContext, None]) -> CitizenRecordType | None:
        context = info.context
        record = context.use_cases.citizen_records.citizen_of_request(self.citizen_id)
        return CitizenRecordType.of(view_of(context.principal, record)) if record else None

    @classmethod
    def of(cls, file: RequestFile) -> ServiceRequestType:
        request = file.request
        payment = file.payment
        return cls(
            id=strawberry.ID(request.request_id),
            tracking_number=request.tracking_number,
            status=request.status,
            service_code=request.service_code,
            centre_id=request.centre_id,
            filed_by=request.operator_id,
            identity_checked=request.identity_document,
            created_at=request.created_at,
            updated_at=request.updated_at,
            completed_at=request.completed_at,
            delivered_at=request.delivered_at,
            answers=[FormAnswerType(key=k, value=v) for k, v in sorted(request.answers.items())],
            documents=list(request.documents),
            payment=PaymentType(
                receipt_number=payment.receipt_number,
                fee=payment.fee.riyals,
                service_charge=payment.service_charge.riyals,
                amount=payment.amount.riyals,
                method=payment.method,
                collected_at=payment.collected_at,
                refunded_at=payment.refunded_at,
                terminal_id=payment.terminal_id,
                retrieval_reference=payment.retrieval_reference,
                bill_number=payment.bill_number,
            )
            if payment
            else None,
            bill=SadadBillType.of(file.bill) if file.bill else None,
            handoffs=[HandoffType.of(h) for h in sorted(file.handoffs, key=lambda h: h.key)],
            history=[HistoryEntryType.of(entry) for entry in sorted(file.history, key=lambda e: e.at)],
            citizen_id=request.citizen_id,
            document_records=file.documents,
            record=request,
        )


@strawberry.type(name="RequestSummary", description="A request in a list.")
class RequestSummaryType:
    id: strawberry.ID
    tracking_number: str
    status: RequestStatus
    service_code: str
    centre_id: str
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="Filed, on Madinah's wall clock.")
    def created_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.created_at)

    @classmethod
    def of(cls, request: RequestSummary) -> RequestSummaryType:
        return cls(
            id=strawberry.ID(request.request_id),
            tracking_number=request.tracking_number,
            status=request.status,
            service_code=request.service_code,
            centre_id=request.centre_id,
            created_at=request.created_at,
            updated_at=request.updated_at,
        )


@strawberry.type(name="AgencyWindowItem", description="A file in the agency's window, earliest due first.")
class AgencyWindowItemType(StepTimesType):
    request_id: strawberry.ID
    tracking_number: str
    service_code: str
    stage: int
    status: HandoffStatus
    round: int
    overdue: bool
    escalations: int

    @classmethod
    def of(cls, handoff: Handoff) -> AgencyWindowItemType:
        return cls(
            request_id=strawberry.ID(handoff.request_id),
            tracking_number=handoff.tracking_number,
            service_code=handoff.service_code,
            stage=handoff.stage,
            status=handoff.status,
            round=handoff.round,
            forwarded_at=handoff.forwarded_at,
            received_at=handoff.received_at,
            due_at=handoff.due_at,
            overdue=handoff.overdue(datetime.now(UTC)),
            escalations=handoff.escalations,
        )


@strawberry.type(
    name="TrackedRequest", description="What anyone with the tracking number and PIN may see: no personal data."
)
class TrackedRequestType:
    tracking_number: str
    status: RequestStatus
    service_code: str
    created_at: datetime
    history: list[HistoryEntryType]
    where_now: list[HandoffType]

    @strawberry.field(description="Filed, on Madinah's wall clock.")
    def created_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.created_at)

    @classmethod
    def of(cls, file: RequestFile) -> TrackedRequestType:
        request = file.request
        return cls(
            tracking_number=request.tracking_number,
            status=request.status,
            service_code=request.service_code,
            created_at=request.created_at,
            history=[HistoryEntryType.of(e, with_note=False) for e in sorted(file.history, key=lambda e: e.at)],
            where_now=[HandoffType.of(h) for h in file.handoffs if h.status.open],
        )
