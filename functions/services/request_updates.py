"""The one way a request file changes: commit the change with its history, audit and SMS in one
transaction, then announce the SMS and tell the change's event (live subscribers, agencies' own
systems, the monitoring figures). Filing a new request goes the same way (``file_new``).

After the commit everything is best effort: a signal that fails leaves the SMS pending in the outbox
for the sweeper, an event that fails is logged; the request itself is the truth.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.errors import NotFound
from functions.domain.ledger import JournalEntry
from functions.domain.notification import Notification
from functions.domain.payment_postings import filing_posting, slip_of
from functions.domain.policy import Operation
from functions.domain.request import Handoff, HistoryEntry, Payment, RequestFile, RequestStatus, ServiceRequest
from functions.domain.request_event import RequestEvent
from functions.domain.sadad import BillStatus, SadadBill
from functions.services.auditing import Auditor
from functions.services.caller import Caller
from functions.services.outbox_signal import announce_recorded
from functions.services.ports import Clock, NotificationSignal
from functions.services.request_ports import (
    BillWrite,
    DocumentWrite,
    HandoffWrite,
    RequestChange,
    RequestEvents,
    RequestRepository,
)

__all__ = ["RequestUpdates"]

logger = logging.getLogger("shubbak.requests")


class RequestUpdates:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        auditor: Auditor,
        clock: Clock,
        signal: NotificationSignal,
        events: RequestEvents,
    ) -> None:
        self._requests = requests
        self._auditor = auditor
        self._clock = clock
        self._signal = signal
        self._events = events

    def commit(
        self,
        caller: Caller,
        action: Operation | str,
        file: RequestFile,
        request: ServiceRequest,
        handoffs: list[Handoff],
        event: str,
        *,
        agency_code: str | None = None,
        note: str | None = None,
        notification: Notification | None = None,
        payment: Payment | None = None,
        documents: tuple[DocumentWrite, ...] = (),
        ledger: JournalEntry | None = None,
        bill: BillWrite | None = None,
        request_event: str | None = None,
    ) -> ServiceRequest:
        """Write the new state if nobody changed the file since it was read (else ``Conflict``).

        A request that closes with documents queues them for the retention rule in the same transaction.
        ``request_event`` is a second event the same change is for the request as a whole (the last step
        completed: the route is done), recorded and told after the step's ``event``.
        """
        old = {h.key: h.version for h in file.handoffs}
        updated = replace(request, version=file.request.version + 1, updated_at=self._clock.now())
        after = replace(file, request=updated, handoffs=_merged(file.handoffs, handoffs))
        notifications = (notification,) if notification is not None else ()
        name = action.value if isinstance(action, Operation) else action
        self._requests.apply(
            RequestChange(
                request=updated,
                expected_version=file.request.version,
                previous=file.request,
                routing_list=_routing_move(file, after),
                handoffs=tuple(HandoffWrite(h, old.get(h.key)) for h in handoffs),
                history=(
                    self._entry(event, caller, agency_code, note),
                    *((self._entry(request_event, caller),) if request_event else ()),
                ),
                audit=(self._audit(caller, name, updated, {"agency": agency_code or "-"}),),
                notifications=notifications,
                payment=payment,
                documents=documents,
                close_documents=updated.status.closed and not file.request.status.closed and bool(file.documents),
                ledger=ledger,
                bill=bill,
            )
        )
        touched = handoffs[0] if handoffs else None
        self._announce(
            notifications,
            _event(
                caller,
                updated,
                event,
                touched,
                agency_code=agency_code or (touched.agency_code if touched else None),
                amount_halalas=payment.amount.halalas if payment else None,
            ),
            *((_event(caller, updated, request_event, None),) if request_event else ()),
        )
        return updated

    def file_new(
        self,
        caller: Caller,
        request: ServiceRequest,
        *,
        note: str,
        notification: Notification,
        payment: Payment | None,
        documents: tuple[DocumentWrite, ...],
        bill: SadadBill | None = None,
    ) -> None:
        """Write a new request with its documents, and its payment and ledger entry (``SUBMITTED``) or its
        SADAD bill (``AWAITING_PAYMENT``); ``Conflict`` if its id exists already. Then announce its SMS and
        tell its event: a paid filing's ``SUBMITTED`` carries the amount collected and its parts."""
        status = request.status.value
        self._requests.apply(
            RequestChange(
                request=request,
                expected_version=None,
                history=(self._entry(status, caller, note=note),),
                audit=(
                    self._audit(
                        caller, Operation.SUBMIT_SERVICE_REQUEST.value, request, {"receipt": request.receipt_number}
                    ),
                ),
                notifications=(notification,),
                payment=payment,
                documents=documents,
                ledger=filing_posting(request, payment) if payment else None,
                pos_slip=slip_of(payment) if payment else None,
                bill=BillWrite(bill) if bill else None,
            )
        )
        self._announce((notification,), self._filed_event(caller, request, paid=payment is not None))

    def pay_bill(
        self,
        caller: Caller,
        file: RequestFile,
        paid: SadadBill,
        payment: Payment,
        notification: Notification,
    ) -> ServiceRequest:
        """A SADAD bill paid: the request becomes ``SUBMITTED`` with its payment, ledger entry and SMS, the
        bill ``PAID`` (only if it was still open); then its ``SUBMITTED`` event, as a filing paid at once."""
        submitted = replace(
            file.request, status=RequestStatus.SUBMITTED, version=file.request.version + 1, updated_at=self._clock.now()
        )
        self._requests.apply(
            RequestChange(
                request=submitted,
                expected_version=file.request.version,
                previous=file.request,
                routing_list=_routing_move(file, replace(file, request=submitted)),
                history=(self._entry("PAID", caller, note=paid.bank_reference),),
                audit=(self._audit(caller, "sadadPayment", submitted, {"bill": paid.bill_number}),),
                notifications=(notification,),
                payment=payment,
                ledger=filing_posting(submitted, payment),
                bill=BillWrite(paid, BillStatus.OPEN),
            )
        )
        self._announce((notification,), self._filed_event(caller, submitted, paid=True))
        return submitted

    @staticmethod
    def _filed_event(caller: Caller, request: ServiceRequest, *, paid: bool) -> RequestEvent:
        if not paid:
            return _event(caller, request, request.status.value, None)
        return _event(
            caller,
            request,
            RequestStatus.SUBMITTED.value,
            None,
            amount_halalas=request.amount_paid.halalas,
            posted_charge_halalas=request.service_charge.halalas,
            fee_halalas=request.fee.halalas,
        )

    def reload(self, request_id: str) -> RequestFile:
        """The file as it stands after a commit."""
        file = self._requests.get_file(request_id)
        if file is None:
            raise NotFound(field="requestId")
        return file

    def _announce(self, notifications: tuple[Notification, ...], *events: RequestEvent) -> None:
        for notification in notifications:
            announce_recorded(self._signal, notification)
        for event in events:
            try:
                self._events.publish(event)
            except Exception:
                logger.exception("request event %s of %s not published", event.kind, event.request_id)

    def _entry(
        self, event: str, caller: Caller, agency_code: str | None = None, note: str | None = None
    ) -> HistoryEntry:
        return HistoryEntry(
            at=self._clock.now(),
            event=event,
            actor_role=caller.principal.role.value,
            agency_code=agency_code,
            note=note,
        )

    def _audit(self, caller: Caller, action: str, request: ServiceRequest, details: dict[str, str]) -> AuditRecord:
        return self._auditor.record(caller, action, target("request", request.request_id), Outcome.ALLOWED, details)


def _event(
    caller: Caller,
    request: ServiceRequest,
    kind: str,
    touched: Handoff | None,
    *,
    agency_code: str | None = None,
    amount_halalas: int | None = None,
    posted_charge_halalas: int | None = None,
    fee_halalas: int | None = None,
) -> RequestEvent:
    """What others may learn of the change: ids, codes, statuses and times, and the step it touched."""
    return RequestEvent(
        event_id=uuid.uuid4().hex,
        kind=kind,
        at=request.updated_at,
        request_id=request.request_id,
        tracking_number=request.tracking_number,
        service_code=request.service_code,
        centre_id=request.centre_id,
        status=request.status.value,
        actor_role=caller.principal.role.value,
        stage=touched.stage if touched else None,
        agency_code=agency_code,
        handoff_status=touched.status.value if touched else None,
        due_at=touched.due_at if touched else None,
        amount_halalas=amount_halalas,
        posted_charge_halalas=posted_charge_halalas,
        fee_halalas=fee_halalas,
    )


def _merged(handoffs: tuple[Handoff, ...], changed: list[Handoff]) -> tuple[Handoff, ...]:
    by_key = {h.key: h for h in handoffs} | {h.key: h for h in changed}
    return tuple(by_key.values())


def _routing_move(before: RequestFile, after: RequestFile) -> bool | None:
    """Whether the change puts the file on the sweeper's list of stages waiting to start (True), takes it
    off (False), or neither (None)."""
    waits = after.stage_to_start() is not None
    return None if waits == (before.stage_to_start() is not None) else waits
