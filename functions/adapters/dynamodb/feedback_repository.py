"""Ratings and complaints on DynamoDB, each written with its audit record and counters in one transaction."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.feedback_items import (
    ComplaintItem,
    RatingItem,
    complaints_partition,
    feedback_partition,
    request_complaints_partition,
)
from functions.adapters.dynamodb.figures_repository import DynamoFigures
from functions.adapters.dynamodb.notification_repository import DynamoNotificationRepository
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.feedback import Complaint, ComplaintStatus, Rating
from functions.domain.figures import FigureDelta
from functions.domain.notification import Notification
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest

__all__ = ["DynamoFeedback"]

_FIRST = 0


class DynamoFeedback:
    def __init__(
        self,
        table: TableBinding,
        audit: DynamoAuditLog,
        figures: DynamoFigures,
        notifications: DynamoNotificationRepository,
    ) -> None:
        self._table = table
        self._ratings = table.bind(RatingItem)
        self._complaints = table.bind(ComplaintItem)
        self._audit = audit
        self._figures = figures
        self._notifications = notifications

    def add_rating(self, rating: Rating, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None:
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(self._ratings.from_domain(rating), condition=RatingItem.pk.does_not_exist())
                self._figures.add_to(transaction, deltas)
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if _FIRST in failed_conditions(error):
                raise Conflict(ErrorCode.ALREADY_RATED, field="requestId") from error
            raise

    def add_complaint(self, complaint: Complaint, audit: AuditRecord, deltas: tuple[FigureDelta, ...]) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.save(self._complaints.from_domain(complaint), condition=ComplaintItem.pk.does_not_exist())
            self._figures.add_to(transaction, deltas)
            self._audit.add_to(transaction, audit)

    def get_complaint(self, complaint_id: str) -> Complaint | None:
        try:
            return self._complaints.get(f"COMPLAINT#{complaint_id}", "COMPLAINT", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def resolve_complaint(
        self,
        complaint: Complaint,
        audit: AuditRecord,
        deltas: tuple[FigureDelta, ...],
        notification: Notification,
    ) -> None:
        item = self._complaints.from_domain(complaint)
        item.version = complaint.version  # the version read: written only if nobody changed it since
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(item)
                self._figures.add_to(transaction, deltas)
                self._audit.add_to(transaction, audit)
                self._notifications.add_to(transaction, notification)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                raise Conflict(ErrorCode.CONFLICT) from error
            raise

    def list_complaints(self, status: ComplaintStatus, page: PageRequest) -> Page[Complaint]:
        partition = complaints_partition(status)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._complaints.gsi1.query(
            partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def rating_of(self, request_id: str) -> Rating | None:
        try:
            return self._ratings.get(feedback_partition(request_id), "RATING", consistent_read=True).to_domain()
        except DoesNotExist:
            return None

    def complaints_about(self, request_id: str) -> list[Complaint]:
        """A citizen complains a few times at most about one request: one page holds them all."""
        results = self._complaints.gsi2.query(request_complaints_partition(request_id), limit=MAX_PAGE_SIZE)
        return [item.to_domain() for item in results]
