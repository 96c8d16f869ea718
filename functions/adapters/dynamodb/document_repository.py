"""Document records on DynamoDB: each change one transaction with its audit record."""

from __future__ import annotations

import logging
from datetime import datetime

from pynamodb.exceptions import DoesNotExist, TransactWriteError
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.cursor import decode_cursor, encode_cursor
from functions.adapters.dynamodb.document_items import (
    DOCUMENT_PREFIX,
    RETENTION_PARTITION,
    REVIEW_PARTITION,
    DocumentItem,
    DocumentPointerItem,
    RetentionItem,
    ReviewItem,
    citizen_documents_partition,
    document_sort_key,
    pointer_key,
    review_sort_key,
)
from functions.adapters.dynamodb.request_items import request_key
from functions.adapters.dynamodb.table import TableBinding
from functions.adapters.dynamodb.transactions import failed_conditions
from functions.domain.audit import AuditRecord
from functions.domain.documents import Document
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.paging import Page, PageRequest
from functions.services.document_ports import ReviewDue

logger = logging.getLogger("shubbak.documents")

__all__ = ["DynamoDocumentRepository"]


class DynamoDocumentRepository:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._documents = table.bind(DocumentItem)
        self._pointers = table.bind(DocumentPointerItem)
        self._retention = table.bind(RetentionItem)
        self._reviews = table.bind(ReviewItem)
        self._audit = audit

    def get_document(self, document_id: str) -> Document | None:
        try:
            pointer = self._pointers.get(pointer_key(document_id), "DOCUMENT", consistent_read=True)
            item = self._documents.get(
                request_key(pointer.owner_id), document_sort_key(document_id), consistent_read=True
            )
        except DoesNotExist:
            return None
        return item.to_domain()

    def documents_of(self, owner_id: str) -> list[Document]:
        items = self._documents.query(
            request_key(owner_id), DocumentItem.sk.startswith(DOCUMENT_PREFIX), consistent_read=True
        )
        return [item.to_domain() for item in items]

    def add_document(self, document: Document, audit: AuditRecord) -> None:
        review = self._reviews(
            pk=REVIEW_PARTITION,
            sk=review_sort_key(document.requested_at, document.document_id),
            document_id=document.document_id,
            requested_at=document.requested_at,
        )
        self._write(document, None, audit, review)

    def save_document(self, document: Document, expected_version: int, audit: AuditRecord) -> None:
        self._write(document, expected_version, audit)

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Document]:
        partition = citizen_documents_partition(citizen_id)
        start = decode_cursor(page.after, partition_attribute="gsi1pk", partition=partition)
        results = self._documents.gsi1.query(
            partition, limit=page.size, last_evaluated_key=start, scan_index_forward=False
        )
        return Page([item.to_domain() for item in results], encode_cursor(results.last_evaluated_key))

    def closed_requests(self, limit: int) -> list[str]:
        return [marker.request_id for marker in self._retention.query(RETENTION_PARTITION, limit=limit)]

    def retention_started(self, request_id: str) -> None:
        self._retention(pk=RETENTION_PARTITION, sk=request_id).delete()

    def reviews_due(self, requested_before: datetime, limit: int) -> list[ReviewDue]:
        due = self._reviews.query(REVIEW_PARTITION, ReviewItem.sk < requested_before.isoformat(), limit=limit)
        return [ReviewDue(item.document_id, item.requested_at) for item in due]

    def reviewed(self, due: ReviewDue) -> None:
        self._reviews(pk=REVIEW_PARTITION, sk=review_sort_key(due.requested_at, due.document_id)).delete()

    def _write(
        self, document: Document, expected_version: int | None, audit: AuditRecord, review: ReviewItem | None = None
    ) -> None:
        item = self._documents.from_domain(document)
        if expected_version is not None:  # PynamoDB conditions the write on it and stores it + 1
            item.version = expected_version
        try:
            with TransactWrite(connection=self._table.connection()) as transaction:
                transaction.save(item)
                transaction.save(self._pointers.from_domain(document))
                if review is not None:
                    transaction.save(review)
                self._audit.add_to(transaction, audit)
        except TransactWriteError as error:
            if failed_conditions(error) or error.cause_response_code == "TransactionCanceledException":
                reasons = [reason.code if reason else None for reason in error.cancellation_reasons or []]
                logger.warning("document %s not written, cancelled: %s", document.document_id, reasons)
                raise Conflict(ErrorCode.CONFLICT, field="documentId") from error
            raise
