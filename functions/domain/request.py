"""Service requests: filed by a centre for a citizen, routed through agencies, returned to the centre.

A request carries a snapshot of its service's route (stages of steps with their service levels) so
that later catalogue edits never change a request in flight. Each (stage, agency) step becomes a
:class:`Handoff` when the state machine forwards the file to the agency's window.

Request lifecycle::

    AWAITING_PAYMENT -> SUBMITTED (its SADAD bill paid) | CANCELLED (the bill expired unpaid)
    SUBMITTED -> AT_AGENCIES <-> RETURNED_TO_CENTRE
    AT_AGENCIES -> COMPLETED_AT_CENTRE -> DELIVERED
    AT_AGENCIES -> REJECTED
    SUBMITTED / AT_AGENCIES (nothing acknowledged yet) -> CANCELLED (fee refunded)
    RETURNED_TO_CENTRE -> EXPIRED (the return was never answered)

Hand-off lifecycle: FORWARDED -> RECEIVED -> COMPLETED | RETURNED | REJECTED; RETURNED -> FORWARDED
(a new round after the centre resubmits); FORWARDED -> CANCELLED.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from functions.domain.catalogue import RouteStage
from functions.domain.documents import Document
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.money import Money
from functions.domain.sadad import SadadBill

__all__ = [
    "Decision",
    "Handoff",
    "HandoffStatus",
    "HistoryEntry",
    "Payment",
    "PaymentMethod",
    "RequestFile",
    "RequestStatus",
    "RequestSummary",
    "ServiceRequest",
    "ensure_status",
]


class RequestStatus(StrEnum):
    AWAITING_PAYMENT = "AWAITING_PAYMENT"
    SUBMITTED = "SUBMITTED"
    AT_AGENCIES = "AT_AGENCIES"
    RETURNED_TO_CENTRE = "RETURNED_TO_CENTRE"
    REJECTED = "REJECTED"
    COMPLETED_AT_CENTRE = "COMPLETED_AT_CENTRE"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"

    @property
    def closed(self) -> bool:
        return self in {RequestStatus.REJECTED, RequestStatus.DELIVERED, RequestStatus.CANCELLED, RequestStatus.EXPIRED}


class HandoffStatus(StrEnum):
    FORWARDED = "FORWARDED"
    RECEIVED = "RECEIVED"
    COMPLETED = "COMPLETED"
    RETURNED = "RETURNED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"

    @property
    def open(self) -> bool:
        return self in {HandoffStatus.FORWARDED, HandoffStatus.RECEIVED}


class PaymentMethod(StrEnum):
    CASH = "CASH"
    MADA = "MADA"
    CARD = "CARD"
    SADAD = "SADAD"
    """Paid later, through the citizen's bank, against a SADAD bill (docs/money.md)."""


class Decision(StrEnum):
    """What an agency decided on its step; the state machine is told once the decision is made."""

    COMPLETED = "COMPLETED"
    RETURNED = "RETURNED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    event: str
    actor_role: str
    agency_code: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Handoff:
    """One agency's step of one stage, as its window shows it. Task tokens never leave the server."""

    request_id: str
    stage: int
    agency_code: str
    status: HandoffStatus
    round: int
    forwarded_at: datetime
    due_at: datetime
    tracking_number: str
    service_code: str
    received_at: datetime | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    missing_items: tuple[str, ...] = ()
    escalations: int = 0
    decision: Decision | None = None
    version: int = 1
    receipt_token: str | None = field(default=None, repr=False)
    completion_token: str | None = field(default=None, repr=False)
    resubmission_token: str | None = field(default=None, repr=False)
    receipt_released: bool = False
    decision_released: bool = False
    resubmitted_at: datetime | None = None
    resubmission_released: bool = False

    @property
    def key(self) -> tuple[int, str]:
        return (self.stage, self.agency_code)

    def overdue(self, now: datetime) -> bool:
        return self.status.open and self.due_at < now


@dataclass(frozen=True)
class ServiceRequest:
    request_id: str
    tracking_number: str
    pin_hash: str
    citizen_id: str
    service_code: str
    centre_id: str
    operator_id: str
    answers: dict[str, str]
    documents: tuple[str, ...]
    """The ids of the documents it was filed (or last resubmitted) with."""
    identity_document: str
    fee: Money
    service_charge: Money
    payment_method: PaymentMethod
    receipt_number: str
    route: tuple[RouteStage, ...]
    status: RequestStatus
    version: int
    created_at: datetime
    updated_at: datetime
    fingerprint: str
    citizen_language: str = "ar"
    citizen_masked_mobile: str = ""
    refunded_at: datetime | None = None
    delivered_at: datetime | None = None
    completed_at: datetime | None = None

    @property
    def amount_paid(self) -> Money:
        return self.fee + self.service_charge

    def step_sla(self, stage: int, agency_code: str) -> tuple[timedelta, timedelta]:
        """(receipt, processing) service levels of a step, in hours of the route snapshot."""
        for step in self.route[stage - 1].steps:
            if step.agency_code == agency_code:
                return timedelta(hours=step.receipt_sla_hours), timedelta(hours=step.processing_sla_hours)
        raise Conflict(ErrorCode.CONFLICT)

    def agency_codes(self) -> frozenset[str]:
        return frozenset(step.agency_code for stage in self.route for step in stage.steps)

    def summary(self) -> RequestSummary:
        return RequestSummary(
            self.request_id,
            self.tracking_number,
            self.status,
            self.service_code,
            self.centre_id,
            self.created_at,
            self.updated_at,
        )


@dataclass(frozen=True)
class RequestSummary:
    """A request as a list shows it: what changes with its status, none of what was filed (answers,
    documents, route): lists read the small item that every change rewrites (docs/data-model.md)."""

    request_id: str
    tracking_number: str
    status: RequestStatus
    service_code: str
    centre_id: str
    created_at: datetime
    updated_at: datetime


def ensure_status(request: ServiceRequest, *allowed: RequestStatus) -> None:
    """Acting in the wrong state is a typed conflict (the caller's view is out of date)."""
    if request.status not in allowed:
        raise Conflict(ErrorCode.REQUEST_STATE)


@dataclass(frozen=True)
class Payment:
    """The fee collected at the centre: one per request, refunded at most once."""

    request_id: str
    receipt_number: str
    fee: Money
    service_charge: Money
    method: PaymentMethod
    collected_by: str
    collected_at: datetime
    refunded_at: datetime | None = None
    terminal_id: str | None = None
    """A card payment's terminal, as its slip prints it (docs/money.md)."""
    retrieval_reference: str | None = None
    """A card payment's retrieval reference number (RRN), as its slip prints it."""
    bill_number: str | None = None
    """A SADAD payment's bill."""

    @property
    def amount(self) -> Money:
        return self.fee + self.service_charge


@dataclass(frozen=True)
class RequestFile:
    """Everything about one request, read in one query: the request, its payment, hand-offs, history."""

    request: ServiceRequest
    payment: Payment | None
    handoffs: tuple[Handoff, ...]
    history: tuple[HistoryEntry, ...]
    documents: tuple[Document, ...] = ()
    """Every document uploaded for it (the ones filed are ``request.documents``; the rest is history)."""
    bill: SadadBill | None = None
    """Its SADAD bill, when it is paid by SADAD."""

    def handoff(self, stage: int, agency_code: str) -> Handoff | None:
        return next((h for h in self.handoffs if h.key == (stage, agency_code)), None)

    def open_handoff_of(self, agency_code: str) -> Handoff | None:
        """The agency's hand-off that is in its window now (at most one: stages run one at a time)."""
        return next((h for h in self.handoffs if h.agency_code == agency_code and h.status.open), None)

    def route_done_with(self, completed: Handoff) -> bool:
        """Whether completing ``completed`` ends the route: it is a step of the last stage and every other
        step of that stage is completed already (the route ends with that release)."""
        route = self.request.route
        return bool(route) and completed.stage == len(route) and self._stage_done_with(completed.stage, completed)

    def stage_to_start(self) -> int | None:
        """The stage of the route that should be running but has no hand-off recorded yet: the first while
        the request is ``SUBMITTED``, the next once every step of the one before is completed. None while a
        stage runs, after the last, and once the request left the agencies (returned, closed).

        Each stage is an execution of the hand-off state machine, started by the service that ends the
        stage before it (the filing for the first); the sweeper starts any stage this names for long."""
        if self.request.status is RequestStatus.SUBMITTED:
            return 1
        if self.request.status is not RequestStatus.AT_AGENCIES:
            return None
        started = max((h.stage for h in self.handoffs), default=0)
        if 0 < started < len(self.request.route) and self._stage_done_with(started, None):
            return started + 1
        return None

    def _stage_done_with(self, stage: int, completing: Handoff | None) -> bool:
        """Whether every step of ``stage`` is completed (counting ``completing`` as completed)."""
        done = {h.agency_code for h in self.handoffs if h.stage == stage and h.status is HandoffStatus.COMPLETED}
        if completing is not None:
            done.add(completing.agency_code)
        return {step.agency_code for step in self.request.route[stage - 1].steps} <= done

    def agencies_involved(self) -> frozenset[str]:
        """Agencies that have (had) this file in their window: whose officers may read it."""
        return frozenset(h.agency_code for h in self.handoffs)

    def agencies_in_window(self) -> frozenset[str]:
        """Agencies that have this file in their window now (an open hand-off)."""
        return frozenset(h.agency_code for h in self.handoffs if h.status.open)
