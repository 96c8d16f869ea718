"""Document items in the main table (see docs/data-model.md). A document lives in its request's
partition, so a whole file (request, hand-offs, history, documents) is still one query; drafts use the
partition of the request they will become.

* document:  pk ``REQUEST#<owner id>`` sk ``DOCUMENT#<document id>``
             gsi1 ``CITIZEN#<id>#DOCS`` / ``<linked at>#<document id>`` once a filed request uses it
             ``expires_at`` while it awaits its upload (never-attached documents are forgotten)
* pointer:   pk ``DOCUMENT#<document id>`` sk ``DOCUMENT`` — its owner, so an id alone finds it
* retention: pk ``RETENTION#PENDING`` sk ``<request id>`` — a closed request whose documents the
             sweeper has not handed to the storage's lifecycle rule yet
* review:    pk ``DOCUMENTS#REVIEW`` sk ``<requested at>#<document id>`` — the sweeper looks at each
             document once, when it is old enough: a draft's that was never filed goes to retention
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.adapters.dynamodb.request_items import request_key
from functions.domain.catalogue import LocalizedText
from functions.domain.documents import DeclaredFile, Document, DocumentStatus

__all__ = [
    "RETENTION_PARTITION",
    "REVIEW_PARTITION",
    "DocumentItem",
    "DocumentPointerItem",
    "RetentionItem",
    "ReviewItem",
    "citizen_documents_partition",
    "document_sort_key",
    "pointer_key",
]

RETENTION_PARTITION = "RETENTION#PENDING"
REVIEW_PARTITION = "DOCUMENTS#REVIEW"
DOCUMENT_PREFIX = "DOCUMENT#"
FORGET_UNATTACHED_AFTER = timedelta(days=1)
"""After its upload link expired, a document that was never attached is of no use to anyone."""


def document_sort_key(document_id: str) -> str:
    return f"{DOCUMENT_PREFIX}{document_id}"


def pointer_key(document_id: str) -> str:
    return f"{DOCUMENT_PREFIX}{document_id}"


def citizen_documents_partition(citizen_id: str) -> str:
    return f"CITIZEN#{citizen_id}#DOCS"


class DocumentItem(MainTableItem):
    document_id = UnicodeAttribute()
    owner_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    service_code = UnicodeAttribute()
    document_type = UnicodeAttribute()
    type_name_ar = UnicodeAttribute()
    type_name_en = UnicodeAttribute()
    file_name = UnicodeAttribute()
    content_type = UnicodeAttribute()
    size_bytes = NumberAttribute()
    sha256 = UnicodeAttribute()
    status = UnicodeAttribute()
    requested_by = UnicodeAttribute()
    requested_at = UTCDateTimeAttribute()
    upload_expires_at = UTCDateTimeAttribute()
    version = VersionAttribute()
    attached_by = UnicodeAttribute(null=True)
    attached_at = UTCDateTimeAttribute(null=True)
    stored_version = UnicodeAttribute(null=True)
    citizen_id = UnicodeAttribute(null=True)
    linked_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def from_domain(cls, document: Document) -> DocumentItem:
        linked = document.citizen_id is not None and document.linked_at is not None
        return cls(
            pk=request_key(document.owner_id),
            sk=document_sort_key(document.document_id),
            gsi1pk=citizen_documents_partition(document.citizen_id or "") if linked else None,
            gsi1sk=f"{document.linked_at.isoformat()}#{document.document_id}" if document.linked_at else None,
            expires_at=None if document.attached else document.upload_expires_at + FORGET_UNATTACHED_AFTER,
            document_id=document.document_id,
            owner_id=document.owner_id,
            centre_id=document.centre_id,
            service_code=document.service_code,
            document_type=document.document_type,
            type_name_ar=document.type_name.ar,
            type_name_en=document.type_name.en,
            file_name=document.file.file_name,
            content_type=document.file.content_type,
            size_bytes=document.file.size_bytes,
            sha256=document.file.sha256,
            status=document.status.value,
            requested_by=document.requested_by,
            requested_at=document.requested_at,
            upload_expires_at=document.upload_expires_at,
            attached_by=document.attached_by,
            attached_at=document.attached_at,
            stored_version=document.stored_version,
            citizen_id=document.citizen_id,
            linked_at=document.linked_at,
        )

    def to_domain(self) -> Document:
        return Document(
            document_id=self.document_id,
            owner_id=self.owner_id,
            centre_id=self.centre_id,
            service_code=self.service_code,
            document_type=self.document_type,
            type_name=LocalizedText(self.type_name_ar, self.type_name_en),
            file=DeclaredFile(self.file_name, self.content_type, int(self.size_bytes), self.sha256),
            status=DocumentStatus(self.status),
            requested_by=self.requested_by,
            requested_at=self.requested_at,
            upload_expires_at=self.upload_expires_at,
            version=int(self.version or 0),
            attached_by=self.attached_by,
            attached_at=self.attached_at,
            stored_version=self.stored_version,
            citizen_id=self.citizen_id,
            linked_at=self.linked_at,
        )


class DocumentPointerItem(MainTableItem):
    owner_id = UnicodeAttribute()

    @classmethod
    def from_domain(cls, document: Document) -> DocumentPointerItem:
        return cls(
            pk=pointer_key(document.document_id),
            sk="DOCUMENT",
            owner_id=document.owner_id,
            expires_at=None if document.attached else document.upload_expires_at + FORGET_UNATTACHED_AFTER,
        )


class RetentionItem(MainTableItem):
    request_id = UnicodeAttribute()


class ReviewItem(MainTableItem):
    document_id = UnicodeAttribute()
    requested_at = UTCDateTimeAttribute()


def review_sort_key(requested_at: datetime, document_id: str) -> str:
    return f"{requested_at.isoformat()}#{document_id}"
