"""The centre's side after filing: answering returns, cancelling early, handing results over."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from functions.domain.audit import target
from functions.domain.documents import Document, choose_documents, newest_attached
from functions.domain.errors import Conflict, ErrorCode, NotFound
from functions.domain.forms import validate_answers
from functions.domain.ledger import JournalEntry
from functions.domain.paging import Page, PageRequest
from functions.domain.payment_postings import filing_posting, refund_posting
from functions.domain.policy import Operation, Owner
from functions.domain.request import (
    Decision,
    HandoffStatus,
    RequestFile,
    RequestStatus,
    RequestSummary,
    ensure_status,
)
from functions.domain.sms import SmsTemplate
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.money_ports import Ledger
from functions.services.ports import CatalogueRepository, Clock
from functions.services.request_ports import DocumentWrite, RequestRepository
from functions.services.request_sms import RequestSms
from functions.services.request_updates import RequestUpdates
from functions.services.task_release import TaskRelease

__all__ = ["CentreDesk"]


class CentreDesk:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        updates: RequestUpdates,
        sms: RequestSms,
        catalogue: CatalogueRepository,
        authorizer: Authorizer,
        release: TaskRelease,
        clock: Clock,
        ledger: Ledger,
    ) -> None:
        self._requests = requests
        self._ledger = ledger
        self._updates = updates
        self._sms = sms
        self._catalogue = catalogue
        self._authorizer = authorizer
        self._release = release
        self._clock = clock

    def _refund(self, file: RequestFile, at: datetime) -> JournalEntry | None:
        """The filing's reversal, if the filing was posted (a request filed before the ledger has none)."""
        if file.payment is None:
            return None
        filing = filing_posting(file.request, file.payment)
        if self._ledger.entry(filing.centre_id, filing.entry_id) is None:
            return None
        return refund_posting(file.request, file.payment, at)

    def centre_requests(
        self, caller: Caller, status: RequestStatus | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[RequestSummary]:
        centre = caller.principal.centre_id or ""
        self._authorizer.authorize(caller, Operation.LIST_CENTRE_REQUESTS, target("centre", centre))
        return self._requests.list_for_centre(centre, status, since, until, page)

    def resubmit_request(
        self,
        caller: Caller,
        request_id: str,
        answers: dict[str, str] | None,
        documents: list[str] | None,
    ) -> RequestFile:
        """Answer a return for missing items; the file goes back to the agency (or agencies) that asked.

        ``documents``: the ids of the documents to file from now on, one per document the service lists;
        None keeps, for each, the one attached last since filing (so a document re-uploaded during the
        return replaces the one before). Replaced documents stay in the request's history.
        """
        file = self._own_file(caller, Operation.RESUBMIT_REQUEST, request_id)
        ensure_status(file.request, RequestStatus.RETURNED_TO_CENTRE)
        request = file.request
        service = self._catalogue.get_service(request.service_code)
        if service is None:
            raise NotFound(field="serviceCode")
        if answers is not None:
            request = replace(request, answers=validate_answers(service.fields, answers))
        now = self._clock.now()
        chosen = (
            choose_documents(service.documents, documents, file.documents)
            if documents is not None
            else newest_attached(service.documents, _filed_or_later(file))
        )
        request = replace(request, documents=tuple(document.document_id for document in chosen))
        returned = [h for h in file.handoffs if h.status is HandoffStatus.RETURNED and h.resubmitted_at is None]
        resubmitted = [
            replace(
                h, resubmitted_at=now, resubmission_released=h.resubmission_token is not None, version=h.version + 1
            )
            for h in returned
        ]
        self._updates.commit(
            caller,
            Operation.RESUBMIT_REQUEST,
            file,
            replace(request, status=RequestStatus.AT_AGENCIES),
            resubmitted,
            "RESUBMITTED",
            note=_replaced(file.request.documents, chosen),
            documents=tuple(
                DocumentWrite(d.link(request.citizen_id, now), d.version) for d in chosen if not d.citizen_id
            ),
        )
        for handoff in resubmitted:
            if handoff.resubmission_released:
                self._release.release_resubmission(handoff)
        return self._updates.reload(request_id)

    def cancel_request(self, caller: Caller, request_id: str, reason: str | None) -> RequestFile:
        """Before any agency acknowledged receipt: cancelled, and the fee refunded (recorded)."""
        file = self._own_file(caller, Operation.CANCEL_REQUEST, request_id)
        ensure_status(file.request, RequestStatus.SUBMITTED, RequestStatus.AT_AGENCIES)
        if any(h.status is not HandoffStatus.FORWARDED for h in file.handoffs):
            raise Conflict(ErrorCode.CANCEL_TOO_LATE)
        now = self._clock.now()
        cancelled = [
            replace(
                h,
                status=HandoffStatus.CANCELLED,
                decision=Decision.CANCELLED,
                decided_at=now,
                decision_released=h.receipt_token is not None,
                version=h.version + 1,
            )
            for h in file.handoffs
        ]
        request = replace(file.request, status=RequestStatus.CANCELLED, refunded_at=now)
        notification = self._sms.sms(
            request, "CANCELLED", SmsTemplate.CANCELLED, amount=str(request.amount_paid.riyals)
        )
        self._updates.commit(
            caller,
            Operation.CANCEL_REQUEST,
            file,
            request,
            cancelled,
            RequestStatus.CANCELLED.value,
            note=(reason or "").strip()[:500] or None,
            notification=notification,
            payment=replace(file.payment, refunded_at=now) if file.payment else None,
            ledger=self._refund(file, now),
        )
        for handoff in cancelled:
            if handoff.decision_released:
                self._release.release_decision(handoff)
        return self._updates.reload(request_id)

    def confirm_delivery(self, caller: Caller, request_id: str) -> RequestFile:
        """The centre contacted the citizen and handed the result over."""
        file = self._own_file(caller, Operation.CONFIRM_DELIVERY, request_id)
        ensure_status(file.request, RequestStatus.COMPLETED_AT_CENTRE)
        now = self._clock.now()
        request = replace(file.request, status=RequestStatus.DELIVERED, delivered_at=now)
        self._updates.commit(caller, Operation.CONFIRM_DELIVERY, file, request, [], RequestStatus.DELIVERED.value)
        return self._updates.reload(request_id)

    def _own_file(self, caller: Caller, operation: Operation, request_id: str) -> RequestFile:
        file = self._requests.get_file(request_id)
        owner = Owner(centre_id=file.request.centre_id) if file else Owner()
        self._authorizer.authorize(caller, operation, target("request", request_id), owner)
        if file is None:
            raise NotFound(field="requestId")
        return file


def _replaced(before: tuple[str, ...], chosen: tuple[Document, ...]) -> str | None:
    """Which document types were replaced (codes only: history notes carry no personal data)."""
    codes = [document.document_type for document in chosen if document.document_id not in before]
    return f"documents replaced: {', '.join(codes)}" if codes else None


def _filed_or_later(file: RequestFile) -> list[Document]:
    """The documents filed with the request and those attached since (not the drafts left unused)."""
    filed_at = file.request.created_at
    return [
        d for d in file.documents if d.document_id in file.request.documents or (d.attached_at or filed_at) > filed_at
    ]
