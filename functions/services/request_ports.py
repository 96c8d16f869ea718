"""Ports of a request's file: the one atomic change (``RequestChange``) and what it writes beside the
request, the repository that applies it, the hand-off state machine, and the request events told after it.
Split from ``ports.py``; the same conventions (Protocols, adapters in ``functions.adapters``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from functions.domain.audit import AuditRecord
    from functions.domain.documents import Document
    from functions.domain.ledger import JournalEntry, PosSlip
    from functions.domain.notification import Notification
    from functions.domain.paging import Page, PageRequest
    from functions.domain.request import (
        Handoff,
        HandoffStatus,
        HistoryEntry,
        Payment,
        RequestFile,
        RequestStatus,
        RequestSummary,
        ServiceRequest,
    )
    from functions.domain.request_event import RequestEvent
    from functions.domain.sadad import BillStatus, SadadBill
    from functions.services.service_levels import Wait

__all__ = [
    "BillWrite",
    "DocumentWrite",
    "HandoffWrite",
    "RequestChange",
    "RequestEvents",
    "RequestRepository",
    "StageStart",
    "Workflow",
]


@dataclass(frozen=True)
class HandoffWrite:
    """A hand-off's new state, written only if it is still at ``expected_version`` (None: new)."""

    handoff: Handoff
    expected_version: int | None


@dataclass(frozen=True)
class DocumentWrite:
    """A document's new state, written only if it is still at ``expected_version``."""

    document: Document
    expected_version: int


@dataclass(frozen=True)
class BillWrite:
    """A bill written with a request's change: new (``expected`` None: its number claimed too), or moved on
    from the status it was read in (so a payment and an expiry never both win)."""

    bill: SadadBill
    expected: BillStatus | None = None


@dataclass(frozen=True)
class RequestChange:
    """One atomic change to a request file, with what it must record alongside.

    ``request`` is the new state, written only if the stored one is still at ``expected_version``
    (None: it must not exist yet), so concurrent changes to one request never both win.
    """

    request: ServiceRequest
    expected_version: int | None
    previous: ServiceRequest | None = None
    """The request as stored before the change (None when it is new): whether what was filed changed."""
    routing_list: bool | None = None
    """True: after the change a stage of the route waits to start (``RequestFile.stage_to_start``) and did
    not before — the file goes on the sweeper's list; False: it leaves it; None: no move (a new request
    goes on it when filed ``SUBMITTED``)."""
    handoffs: tuple[HandoffWrite, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    audit: tuple[AuditRecord, ...] = ()
    notifications: tuple[Notification, ...] = ()
    payment: Payment | None = None
    documents: tuple[DocumentWrite, ...] = ()
    close_documents: bool = False
    """The request closes: its documents are queued for the retention lifecycle (see request_documents)."""
    ledger: JournalEntry | None = None
    """What the change posts to the centre's ledger (a filing, a refund), in the same transaction."""
    bill: BillWrite | None = None
    """Its SADAD bill, new or changed."""
    pos_slip: PosSlip | None = None
    """The card slip a filing was paid with: claimed once, for this request only."""


class RequestRepository(Protocol):
    def get_file(self, request_id: str) -> RequestFile | None: ...

    def find_by_tracking_number(self, tracking_number: str) -> RequestFile | None: ...

    def next_tracking_sequence(self, month: str) -> int: ...

    def request_of_bill(self, bill_number: str) -> str | None:
        """The request a SADAD bill number belongs to."""
        ...

    def bills_due(self, expired_before: datetime, limit: int) -> list[SadadBill]:
        """Open SADAD bills whose expiry passed, the earliest first."""
        ...

    def apply(self, change: RequestChange) -> None:
        """All of the change or none of it; ``Conflict`` when a version moved on (or the id exists)."""
        ...

    def record_wait(self, write: HandoffWrite) -> None:
        """A hand-off's new state alone — the token of a wait that changes nothing a person sees — written
        only if the hand-off is still at ``write.expected_version``; ``Conflict`` otherwise."""
        ...

    def list_for_centre(
        self, centre_id: str, status: RequestStatus | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[RequestSummary]: ...

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[RequestSummary]: ...

    def window(self, agency_code: str, status: HandoffStatus | None, page: PageRequest) -> Page[Handoff]: ...

    def list_unrouted(self, created_before: datetime) -> list[RequestFile]:
        """Files filed before ``created_before`` with a stage of their route waiting to start (``SUBMITTED``,
        or a stage ended and the next one's first hand-off not recorded), oldest first, one page."""
        ...


@dataclass(frozen=True)
class StageStart:
    """One stage of a request's route, to run as one execution of the hand-off state machine: its
    agencies in parallel, each forwarded with its receipt wait (``{"dueAt", "seconds"}``, planned by the
    starter from now in that agency's working hours, in the form every release carries a wait in)."""

    request_id: str
    stage: int
    receipt_waits: tuple[tuple[str, Wait], ...]
    """(agency code, its receipt wait) of each step, in the route's order."""

    @property
    def execution_name(self) -> str:
        """``<request id>-<stage>``: a stage is started once, however many times it is asked to start."""
        return f"{self.request_id}-{self.stage}"


class Workflow(Protocol):
    """The hand-off state machine: one execution per stage of a request's route, told of each decision
    through its task tokens."""

    def start(self, stage: StageStart) -> None:
        """Idempotent: the execution is named after the request and the stage."""
        ...

    def succeed(self, token: str, output: dict[str, str | int]) -> bool:
        """False when the token is no longer waited on (timed out, superseded): a new one will come."""
        ...

    def fail(self, token: str, error: str, cause: str) -> bool: ...


class RequestEvents(Protocol):
    def publish(self, event: RequestEvent) -> None:
        """After the change committed; best effort (the request's own state is the truth)."""
        ...
