"""Committing one change to a request file, with its history, audit and SMS, then announcing the SMS."""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace

from functions.domain.errors import NotFound
from functions.domain.notification import Notification
from functions.domain.policy import Operation
from functions.domain.request import Handoff, Payment, RequestFile, ServiceRequest
from functions.domain.request_event import RequestEvent
from functions.services.caller import Caller
from functions.services.ports import (
    DocumentWrite,
    HandoffWrite,
    NotificationSignal,
    RequestChange,
    RequestEvents,
    RequestRepository,
)
from functions.services.request_journal import RequestJournal

__all__ = ["RequestUpdates"]

logger = logging.getLogger("shubbak.requests")


class RequestUpdates:
    def __init__(
        self, requests: RequestRepository, journal: RequestJournal, signal: NotificationSignal, events: RequestEvents
    ) -> None:
        self.requests = requests
        self.journal = journal
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
    ) -> ServiceRequest:
        """Write the new state if nobody changed the file since it was read (else ``Conflict``).

        A request that closes with documents queues them for the retention rule in the same transaction.
        """
        old = {h.key: h.version for h in file.handoffs}
        updated = replace(request, version=file.request.version + 1, updated_at=self.journal.now())
        notifications = (notification,) if notification is not None else ()
        name = action.value if isinstance(action, Operation) else action
        self.requests.apply(
            RequestChange(
                request=updated,
                expected_version=file.request.version,
                handoffs=tuple(HandoffWrite(h, old.get(h.key)) for h in handoffs),
                history=(self.journal.entry(event, caller, agency_code, note),),
                audit=(self.journal.audit(caller, name, updated, {"agency": agency_code or "-"}),),
                notifications=notifications,
                payment=payment,
                documents=documents,
                close_documents=updated.status.closed and not file.request.status.closed and bool(file.documents),
            )
        )
        for sent in notifications:
            self.announce(sent)
        touched = handoffs[0] if handoffs else None
        self.tell(
            RequestEvent(
                event_id=uuid.uuid4().hex,
                kind=event,
                at=updated.updated_at,
                request_id=updated.request_id,
                tracking_number=updated.tracking_number,
                service_code=updated.service_code,
                centre_id=updated.centre_id,
                status=updated.status.value,
                actor_role=caller.principal.role.value,
                stage=touched.stage if touched else None,
                agency_code=agency_code or (touched.agency_code if touched else None),
                handoff_status=touched.status.value if touched else None,
                due_at=touched.due_at if touched else None,
                amount_halalas=payment.amount.halalas if payment else None,
            )
        )
        return updated

    def tell(self, event: RequestEvent) -> None:
        """After commit, best effort: subscribers and figures are told; the request itself is the truth."""
        try:
            self._events.publish(event)
        except Exception:
            logger.exception("request event %s of %s not published", event.kind, event.request_id)

    def announce(self, notification: Notification) -> None:
        """After commit; if it fails the outbox row stays pending and the sweeper announces it."""
        try:
            self._signal.announce(notification)
        except Exception:
            logger.exception("SMS recorded but not announced; the sweeper announces it")

    def reload(self, request_id: str) -> RequestFile:
        file = self.requests.get_file(request_id)
        if file is None:
            raise NotFound(field="requestId")
        return file
