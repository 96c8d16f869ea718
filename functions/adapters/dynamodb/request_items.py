"""Request items in the main table (see docs/data-model.md): one partition per request holds the
request, its payment, its hand-offs and its history, so a whole file is one query.

* request:   pk ``REQUEST#<id>`` sk ``REQUEST`` (its state, under 1 KB)
             gsi1 ``CENTRE#<c>#REQ#<status>`` / ``<created>#<id>``  (a centre's requests by status and date)
             gsi2 ``CENTRE#<c>#REQ`` / ``<created>#<id>``           (a centre's requests by date)
             gsi3 ``CITIZEN#<id>#REQ`` / ``<created>#<id>``         (a citizen's requests)
* filing:    pk ``REQUEST#<id>`` sk ``FILING`` (what was filed: answers, documents, route, PIN hash, ...)
* payment:   pk ``REQUEST#<id>`` sk ``PAYMENT``
* hand-off:  pk ``REQUEST#<id>`` sk ``HANDOFF#<stage>#<agency>`` (``handoff_items.py``)
* history:   pk ``REQUEST#<id>`` sk ``HISTORY#<at>#<n>``
* tracking:  pk ``TRACKING#<number>`` sk ``TRACKING`` (unique; the request id)
* routing:   pk ``ROUTING#PENDING`` sk ``<created>#<id>`` while a stage of its route waits to start (the sweeper's list)
* counter:   pk ``COUNTER#TRACKING#<yymm>`` sk ``COUNTER``
"""

from __future__ import annotations

from datetime import datetime

from pynamodb.attributes import (
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)

from functions.adapters.dynamodb.catalogue_items import stages_from_json, stages_to_json
from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.money import Money
from functions.domain.request import (
    HistoryEntry,
    Payment,
    PaymentMethod,
    RequestStatus,
    RequestSummary,
    ServiceRequest,
)

__all__ = [
    "FILING",
    "CounterItem",
    "FilingItem",
    "HistoryItem",
    "PaymentItem",
    "RequestItem",
    "RoutingItem",
    "TrackingItem",
    "filing_changed",
    "request_key",
]

ROUTING_PARTITION = "ROUTING#PENDING"
FILING = "FILING"


def request_key(request_id: str) -> str:
    return f"REQUEST#{request_id}"


def centre_status_partition(centre_id: str, status: RequestStatus) -> str:
    return f"CENTRE#{centre_id}#REQ#{status.value}"


def centre_partition(centre_id: str) -> str:
    return f"CENTRE#{centre_id}#REQ"


def citizen_partition(citizen_id: str) -> str:
    return f"CITIZEN#{citizen_id}#REQ"


class RequestItem(MainTableItem):
    """The request's state: what lists show and every change rewrites. Kept under 1 KB (a test holds it
    there): each change writes it in a transaction and in three indexes, so every started KB of it costs
    five write units per change. What was filed, and rarely changes, is its ``FilingItem``."""

    tracking_number = UnicodeAttribute()
    citizen_id = UnicodeAttribute()
    service_code = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    fee_halalas = NumberAttribute()
    charge_halalas = NumberAttribute()
    payment_method = UnicodeAttribute()
    receipt_number = UnicodeAttribute()
    status = UnicodeAttribute()
    version = VersionAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    citizen_language = UnicodeAttribute()
    refunded_at = UTCDateTimeAttribute(null=True)
    delivered_at = UTCDateTimeAttribute(null=True)
    completed_at = UTCDateTimeAttribute(null=True)
    last_change = UnicodeAttribute(null=True)  # the token of the transaction that wrote it (retries' check)

    @property
    def request_id(self) -> str:
        return self.pk.removeprefix("REQUEST#")

    @classmethod
    def from_domain(cls, request: ServiceRequest) -> RequestItem:
        listed = f"{request.created_at.isoformat()}#{request.request_id}"
        return cls(
            pk=request_key(request.request_id),
            sk="REQUEST",
            gsi1pk=centre_status_partition(request.centre_id, request.status),
            gsi1sk=listed,
            gsi2pk=centre_partition(request.centre_id),
            gsi2sk=listed,
            gsi3pk=citizen_partition(request.citizen_id),
            gsi3sk=listed,
            tracking_number=request.tracking_number,
            citizen_id=request.citizen_id,
            service_code=request.service_code,
            centre_id=request.centre_id,
            fee_halalas=request.fee.halalas,
            charge_halalas=request.service_charge.halalas,
            payment_method=request.payment_method.value,
            receipt_number=request.receipt_number,
            status=request.status.value,
            created_at=request.created_at,
            updated_at=request.updated_at,
            citizen_language=request.citizen_language,
            refunded_at=request.refunded_at,
            delivered_at=request.delivered_at,
            completed_at=request.completed_at,
        )

    def to_summary(self) -> RequestSummary:
        return RequestSummary(
            request_id=self.request_id,
            tracking_number=self.tracking_number,
            status=RequestStatus(self.status),
            service_code=self.service_code,
            centre_id=self.centre_id,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )

    def to_domain(self, filing: FilingItem) -> ServiceRequest:
        answers = filing.answers.as_dict() if isinstance(filing.answers, MapAttribute) else dict(filing.answers)
        return ServiceRequest(
            request_id=self.request_id,
            tracking_number=self.tracking_number,
            pin_hash=filing.pin_hash,
            citizen_id=self.citizen_id,
            service_code=self.service_code,
            centre_id=self.centre_id,
            operator_id=filing.operator_id,
            answers={str(k): str(v) for k, v in answers.items()},
            documents=tuple(filing.documents or ()),
            identity_document=filing.identity_document,
            fee=Money(int(self.fee_halalas)),
            service_charge=Money(int(self.charge_halalas)),
            payment_method=PaymentMethod(self.payment_method),
            receipt_number=self.receipt_number,
            route=stages_from_json(filing.route),
            status=RequestStatus(self.status),
            version=int(self.version or 0),
            created_at=self.created_at,
            updated_at=self.updated_at,
            fingerprint=filing.fingerprint,
            citizen_language=self.citizen_language,
            citizen_masked_mobile=filing.citizen_masked_mobile,
            refunded_at=self.refunded_at,
            delivered_at=self.delivered_at,
            completed_at=self.completed_at,
        )


class FilingItem(MainTableItem):
    """What was filed: the answers, the documents, the route snapshot, the PIN's hash, the identity
    checked, the operator, the payload's fingerprint and the citizen's masked mobile. Written with the filing and again only when one
    of them changes (a resubmission's answers or documents); in no index."""

    pin_hash = UnicodeAttribute()
    operator_id = UnicodeAttribute()
    answers = MapAttribute[str, str](default=dict)
    documents = ListAttribute[str](default=list)
    identity_document = UnicodeAttribute()
    route = JSONAttribute()
    fingerprint = UnicodeAttribute()
    citizen_masked_mobile = UnicodeAttribute()

    @classmethod
    def from_domain(cls, request: ServiceRequest) -> FilingItem:
        return cls(
            pk=request_key(request.request_id),
            sk=FILING,
            pin_hash=request.pin_hash,
            operator_id=request.operator_id,
            answers=dict(request.answers),
            documents=list(request.documents),
            identity_document=request.identity_document,
            route=stages_to_json(request.route),
            fingerprint=request.fingerprint,
            citizen_masked_mobile=request.citizen_masked_mobile,
        )


def filing_changed(request: ServiceRequest, previous: ServiceRequest) -> bool:
    """Whether a change touches what the filing item holds (the attributes it would write)."""
    return FilingItem.from_domain(request).serialize() != FilingItem.from_domain(previous).serialize()


class PaymentItem(MainTableItem):
    receipt_number = UnicodeAttribute()
    fee_halalas = NumberAttribute()
    charge_halalas = NumberAttribute()
    method = UnicodeAttribute()
    collected_by = UnicodeAttribute()
    collected_at = UTCDateTimeAttribute()
    refunded_at = UTCDateTimeAttribute(null=True)
    terminal_id = UnicodeAttribute(null=True)
    retrieval_reference = UnicodeAttribute(null=True)
    bill_number = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, payment: Payment) -> PaymentItem:
        return cls(
            pk=request_key(payment.request_id),
            sk="PAYMENT",
            receipt_number=payment.receipt_number,
            fee_halalas=payment.fee.halalas,
            charge_halalas=payment.service_charge.halalas,
            method=payment.method.value,
            collected_by=payment.collected_by,
            collected_at=payment.collected_at,
            refunded_at=payment.refunded_at,
            terminal_id=payment.terminal_id,
            retrieval_reference=payment.retrieval_reference,
            bill_number=payment.bill_number,
        )

    def to_domain(self) -> Payment:
        return Payment(
            request_id=self.pk.removeprefix("REQUEST#"),
            receipt_number=self.receipt_number,
            fee=Money(int(self.fee_halalas)),
            service_charge=Money(int(self.charge_halalas)),
            method=PaymentMethod(self.method),
            collected_by=self.collected_by,
            collected_at=self.collected_at,
            refunded_at=self.refunded_at,
            terminal_id=self.terminal_id,
            retrieval_reference=self.retrieval_reference,
            bill_number=self.bill_number,
        )


class HistoryItem(MainTableItem):
    at = UTCDateTimeAttribute()
    event = UnicodeAttribute()
    actor_role = UnicodeAttribute()
    agency_code = UnicodeAttribute(null=True)
    note = UnicodeAttribute(null=True)

    @classmethod
    def from_domain(cls, request_id: str, entry: HistoryEntry, sequence: int) -> HistoryItem:
        return cls(
            pk=request_key(request_id),
            sk=f"HISTORY#{entry.at.isoformat()}#{sequence:08d}",
            at=entry.at,
            event=entry.event,
            actor_role=entry.actor_role,
            agency_code=entry.agency_code,
            note=entry.note,
        )

    def to_domain(self) -> HistoryEntry:
        return HistoryEntry(
            at=self.at, event=self.event, actor_role=self.actor_role, agency_code=self.agency_code, note=self.note
        )


class TrackingItem(MainTableItem):
    request_id = UnicodeAttribute()


class RoutingItem(MainTableItem):
    request_id = UnicodeAttribute()


class CounterItem(MainTableItem):
    value = NumberAttribute(default=0)


def routing_sort_key(created_at: datetime, request_id: str) -> str:
    return f"{created_at.isoformat()}#{request_id}"
