"""Service requests on DynamoDB: a whole file in one query, every change in one transaction.

Optimistic locking uses PynamoDB's ``VersionAttribute`` on the request and on each hand-off: a write
carries the version it read and fails if anyone wrote in between, so of two concurrent changes to a
request exactly one wins and the other gets ``Conflict``.

A transaction whose answer is lost (a read timeout) is retried by botocore; the retry then fails its
own conditions although the first attempt committed. Each transaction carries a client request token,
which makes DynamoDB answer such a retry with success, and a failed change is checked against the
stored request before it is called a conflict (moto, the local stack, ignores the token).
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime
from typing import Any, TypeVar

from pynamodb.exceptions import DoesNotExist, PutError, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.document_items import DOCUMENT_PREFIX, RETENTION_PARTITION, DocumentItem, RetentionItem
from functions.adapters.dynamodb.handoff_items import HandoffItem, window_partition
from functions.adapters.dynamodb.ledger_repository import DynamoLedger
from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository
from functions.adapters.dynamodb.request_items import (
    FILING,
    ROUTING_PARTITION,
    CounterItem,
    FilingItem,
    HistoryItem,
    PaymentItem,
    RequestItem,
    RoutingItem,
    TrackingItem,
    centre_partition,
    centre_status_partition,
    citizen_partition,
    filing_changed,
    request_key,
    routing_sort_key,
)
from functions.adapters.dynamodb.sadad_items import OPEN_BILLS, BillClaimItem, BillItem, bill_claim_key
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import TRANSACTION_ATTEMPTS, failed_conditions, lost_to_another
from functions.domain.documents import Document
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest
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
from functions.domain.sadad import SadadBill
from functions.services.request_ports import BillWrite, HandoffWrite, RequestChange

__all__ = ["DynamoRequestRepository"]

VersionedItem = TypeVar("VersionedItem", RequestItem, HandoffItem, DocumentItem)


class DynamoRequestRepository:
    def __init__(
        self,
        table: TableBinding,
        audit: DynamoAuditLog,
        notifications: DynamoNotificationRepository,
        ledger: DynamoLedger,
    ) -> None:
        self._table = table
        self._ledger = ledger
        self._requests = table.bind(RequestItem)
        self._filings = table.bind(FilingItem)
        self._payments = table.bind(PaymentItem)
        self._handoffs = table.bind(HandoffItem)
        self._history = table.bind(HistoryItem)
        self._tracking = table.bind(TrackingItem)
        self._routing = table.bind(RoutingItem)
        self._counters = table.bind(CounterItem)
        self._documents = table.bind(DocumentItem)
        self._retention = table.bind(RetentionItem)
        self._bills = table.bind(BillItem)
        self._bill_claims = table.bind(BillClaimItem)
        self._audit = audit
        self._notifications = notifications

    def get_file(self, request_id: str) -> RequestFile | None:
        request: RequestItem | None = None
        filing: FilingItem | None = None
        payment: Payment | None = None
        handoffs: list[Handoff] = []
        history: list[HistoryEntry] = []
        documents: list[Document] = []
        bill: SadadBill | None = None
        for raw in self._partition(request_key(request_id)):
            kind = raw["sk"]["S"]
            if kind == "REQUEST":
                request = self._requests.from_raw_data(raw)
            elif kind == FILING:
                filing = self._filings.from_raw_data(raw)
            elif kind == "PAYMENT":
                payment = self._payments.from_raw_data(raw).to_domain()
            elif kind == "BILL":
                bill = self._bills.from_raw_data(raw).to_domain()
            elif kind.startswith("HANDOFF#"):
                handoffs.append(self._handoffs.from_raw_data(raw).to_domain())
            elif kind.startswith("HISTORY#"):
                history.append(self._history.from_raw_data(raw).to_domain())
            elif kind.startswith(DOCUMENT_PREFIX):
                documents.append(self._documents.from_raw_data(raw).to_domain())
        if request is None or filing is None:
            return None
        return RequestFile(request.to_domain(filing), payment, tuple(handoffs), tuple(history), tuple(documents), bill)

    def find_by_tracking_number(self, tracking_number: str) -> RequestFile | None:
        try:
            claim = self._tracking.get(f"TRACKING#{tracking_number}", "TRACKING")
        except DoesNotExist:
            return None
        return self.get_file(claim.request_id)

    def next_tracking_sequence(self, month: str) -> int:
        counter = self._counters(pk=f"COUNTER#TRACKING#{month}", sk="COUNTER")
        counter.update(actions=[CounterItem.value.add(1)])
        return int(counter.value)

    def apply(self, change: RequestChange) -> None:
        for attempt in range(1, TRANSACTION_ATTEMPTS + 1):
            try:
                self._apply_once(change)
            except TransactWriteError as error:
                if attempt == TRANSACTION_ATTEMPTS or not lost_to_another(error):
                    raise Conflict(ErrorCode.CONFLICT) from error
                time.sleep(0.02 * attempt)
            else:
                return

    def record_wait(self, write: HandoffWrite) -> None:
        item = self._versioned(self._handoffs.from_domain(write.handoff), write.expected_version)
        try:
            item.save()
        except PutError as error:
            if error.cause_response_code == "ConditionalCheckFailedException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise

    def _apply_once(self, change: RequestChange) -> None:
        request = change.request
        creating = change.expected_version is None
        token = uuid.uuid4().hex
        item = self._versioned(self._requests.from_domain(request), change.expected_version)
        item.last_change = token
        try:
            with TransactWrite(connection=self._table.connection(), client_request_token=token) as transaction:
                transaction.save(item)
                if creating or (change.previous is not None and filing_changed(request, change.previous)):
                    transaction.save(self._filings.from_domain(request))
                if creating:
                    self._add_claims(transaction, request)
                else:
                    self._move_routing_marker(transaction, change)
                for write in change.handoffs:
                    transaction.save(self._versioned(self._handoffs.from_domain(write.handoff), write.expected_version))
                self._add_records(transaction, change, creating)
        except TransactWriteError as error:
            if lost_to_another(error):
                raise
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                if self._landed(request.request_id, token):
                    return
                refused = self._ledger.why_refused(change.ledger, change.pos_slip) if change.ledger else None
                if refused is not None:
                    raise refused from error
                raise Conflict(ErrorCode.ALREADY_EXISTS if creating else ErrorCode.CONFLICT) from error
            raise

    def _add_records(self, transaction: TransactWrite, change: RequestChange, creating: bool) -> None:
        """What the change records alongside the request: history, payment, audit, SMS, documents, ledger."""
        request = change.request
        for position, entry in enumerate(change.history):
            entry_item = self._history.from_domain(request.request_id, entry, request.version * 100 + position)
            transaction.save(entry_item, condition=HistoryItem.pk.does_not_exist())
        if change.payment is not None:
            self._add_payment(transaction, change.payment, creating)
        for audit in change.audit:
            self._audit.add_to(transaction, audit)
        for notification in change.notifications:
            self._notifications.add_to(transaction, notification)
        for document in change.documents:
            transaction.save(self._versioned(self._documents.from_domain(document.document), document.expected_version))
        if change.ledger is not None:
            self._ledger.add_to(transaction, change.ledger, change.pos_slip)
        if change.bill is not None:
            self._add_bill(transaction, change.bill)
        if change.close_documents:
            transaction.save(
                self._retention(pk=RETENTION_PARTITION, sk=request.request_id, request_id=request.request_id)
            )

    def _landed(self, request_id: str, token: str) -> bool:
        """Whether the stored request was written by this very transaction (a retry after it committed)."""
        try:
            stored = self._requests.get(request_key(request_id), "REQUEST", consistent_read=True)
        except DoesNotExist:
            return False
        return stored.last_change == token

    def list_for_centre(
        self, centre_id: str, status: RequestStatus | None, since: datetime, until: datetime, page: PageRequest
    ) -> Page[RequestSummary]:
        window = (since.isoformat(), f"{until.isoformat()}~")
        if status is None:
            partition = centre_partition(centre_id)
            start = decode_cursor(page.after, partition_attribute="gsi2pk", partition=partition)
            results = self._requests.gsi2.query(
                partition,
                RequestItem.gsi2sk.between(*window),
                limit=page.size,
                last_evaluated_key=start,
                scan_index_forward=False,
            )
        else:
            partition = centre_status_partition(centre_id, status)
            start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
            results = self._requests.gsi1.query(
                partition,
                RequestItem.gsi1sk.between(*window),
                limit=page.size,
                last_evaluated_key=start,
                scan_index_forward=False,
            )
        return Page([item.to_summary() for item in results], encode_cursor(results.last_evaluated_key))

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[RequestSummary]:
        partition = citizen_partition(citizen_id)
        start = decode_cursor(page.after, partition_attribute="gsi3pk", partition=partition)
        results = self._requests.gsi3.query(
            partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False
        )
        return Page([item.to_summary() for item in results], encode_cursor(results.last_evaluated_key))

    def window(self, agency_code: str, status: HandoffStatus | None, page: PageRequest) -> Page[Handoff]:
        """Open hand-offs, earliest due first (so the overdue ones lead)."""
        partition = window_partition(agency_code)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        status_filter = HandoffItem.status == status.value if status is not None else None
        results = self._handoffs.gsi1.query(
            partition, filter_condition=status_filter, limit=page.size, last_evaluated_key=start
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def list_unrouted(self, created_before: datetime) -> list[RequestFile]:
        markers = self._routing.query(
            ROUTING_PARTITION, RoutingItem.sk < created_before.isoformat(), limit=MAX_PAGE_SIZE
        )
        files = (self.get_file(marker.request_id) for marker in markers)
        return [file for file in files if file is not None and file.stage_to_start() is not None]

    def _add_claims(self, transaction: TransactWrite, request: ServiceRequest) -> None:
        claim = self._tracking(pk=f"TRACKING#{request.tracking_number}", sk="TRACKING", request_id=request.request_id)
        transaction.save(claim, condition=TrackingItem.pk.does_not_exist())
        if request.status is RequestStatus.SUBMITTED:  # not while a SADAD bill waits to be paid
            transaction.save(self._routing_marker(request))

    def _move_routing_marker(self, transaction: TransactWrite, change: RequestChange) -> None:
        """The file is on the sweeper's list while a stage of its route waits to start (``SUBMITTED``, or
        a stage ended and the next has no hand-off yet): put on it and taken off by the changes that say
        so (``RequestChange.routing_list``); any other change writes nothing."""
        if change.routing_list is True:
            transaction.save(self._routing_marker(change.request))
        elif change.routing_list is False:
            transaction.delete(self._routing_marker(change.request))

    def _routing_marker(self, request: ServiceRequest) -> RoutingItem:
        return self._routing(
            pk=ROUTING_PARTITION,
            sk=routing_sort_key(request.created_at, request.request_id),
            request_id=request.request_id,
        )

    def _add_bill(self, transaction: TransactWrite, write: BillWrite) -> None:
        item = self._bills.from_domain(write.bill)
        if write.expected is None:
            transaction.save(item, condition=BillItem.pk.does_not_exist())
            claim = self._bill_claims(
                pk=bill_claim_key(write.bill.bill_number), sk="BILL", request_id=write.bill.request_id
            )
            transaction.save(claim, condition=BillClaimItem.pk.does_not_exist())
        else:
            transaction.save(item, condition=BillItem.status == write.expected.value)

    def request_of_bill(self, bill_number: str) -> str | None:
        try:
            return self._bill_claims.get(bill_claim_key(bill_number), "BILL", consistent_read=True).request_id
        except DoesNotExist:
            return None

    def bills_due(self, expired_before: datetime, limit: int) -> list[SadadBill]:
        due = self._bills.gsi1.query(OPEN_BILLS, BillItem.gsi1sk < f"{expired_before.isoformat()}~", limit=limit)
        return [item.to_domain() for item in due]

    def _add_payment(self, transaction: TransactWrite, payment: Payment, creating: bool) -> None:
        item = self._payments.from_domain(payment)
        if creating:
            transaction.save(item, condition=PaymentItem.pk.does_not_exist())
        else:  # a refund, at most once
            transaction.save(item, condition=PaymentItem.refunded_at.does_not_exist())

    @staticmethod
    def _versioned(item: VersionedItem, expected_version: int | None) -> VersionedItem:
        """Carry the version read: PynamoDB conditions the write on it and stores it + 1 (absent: a new item)."""
        if expected_version is not None:
            item.version = expected_version
        return item

    def _partition(self, key: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        start = None
        connection = self._table.connection()
        while True:
            response = connection.query(self._table.name, key, consistent_read=True, exclusive_start_key=start)
            items.extend(response.get("Items", []))
            start = response.get("LastEvaluatedKey")
            if not start:
                return items
