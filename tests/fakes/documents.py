"""In-memory documents: records with DynamoDB's semantics (versions, all or nothing) and a storage that
holds whatever is "uploaded" to it (like moto's S3, it enforces none of the upload form's conditions)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from functions.domain.audit import AuditRecord
from functions.domain.documents import ArrivedUpload, Document, Retention, UploadForm
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.paging import Page, PageRequest
from functions.domain.request_ids import request_id_for
from functions.local.sample_documents import SampleFile, sample_for
from functions.services.caller import Caller
from functions.services.document_ports import ReviewDue
from functions.services.ports import Clock
from functions.services.request_documents import RequestDocuments, UploadDeclaration
from functions.services.request_ports import DocumentWrite
from tests.fakes.identity import RecordingAuditLog

if TYPE_CHECKING:
    from tests.fakes.identity import IdentityWorld


@dataclass
class InMemoryDocuments:
    log: RecordingAuditLog
    documents: dict[str, Document] = field(default_factory=dict)
    retention_pending: set[str] = field(default_factory=set)
    reviews: set[ReviewDue] = field(default_factory=set)

    def get_document(self, document_id: str) -> Document | None:
        return self.documents.get(document_id)

    def documents_of(self, owner_id: str) -> list[Document]:
        return [d for d in self.documents.values() if d.owner_id == owner_id]

    def add_document(self, document: Document, audit: AuditRecord) -> None:
        if document.document_id in self.documents:
            raise Conflict(ErrorCode.CONFLICT)
        self.documents[document.document_id] = replace(document, version=1)
        self.reviews.add(ReviewDue(document.document_id, document.requested_at))
        self.log.record(audit)

    def save_document(self, document: Document, expected_version: int, audit: AuditRecord) -> None:
        self.check((DocumentWrite(document, expected_version),))
        self.write((DocumentWrite(document, expected_version),))
        self.log.record(audit)

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Document]:
        linked = [d for d in self.documents.values() if d.citizen_id == citizen_id and d.linked_at]
        return Page(sorted(linked, key=lambda d: (d.linked_at, d.document_id), reverse=True)[: page.size])

    def closed_requests(self, limit: int) -> list[str]:
        return sorted(self.retention_pending)[:limit]

    def retention_started(self, request_id: str) -> None:
        self.retention_pending.discard(request_id)

    def reviews_due(self, requested_before: datetime, limit: int) -> list[ReviewDue]:
        due = sorted((r for r in self.reviews if r.requested_at < requested_before), key=lambda r: r.requested_at)
        return due[:limit]

    def reviewed(self, due: ReviewDue) -> None:
        self.reviews.discard(due)

    # the request repository's transaction writes documents too
    def check(self, writes: tuple[DocumentWrite, ...]) -> None:
        for write in writes:
            stored = self.documents.get(write.document.document_id)
            if stored is None or stored.version != write.expected_version:
                raise Conflict(ErrorCode.CONFLICT)

    def write(self, writes: tuple[DocumentWrite, ...]) -> None:
        for write in writes:
            self.documents[write.document.document_id] = replace(write.document, version=write.expected_version + 1)


@dataclass
class InMemoryDocumentStore:
    clock: Clock
    uploads: dict[str, tuple[bytes, datetime]] = field(default_factory=dict)
    kept: dict[str, bytes] = field(default_factory=dict)
    retained: dict[str, Retention] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)

    def upload_form(self, document: Document, expires_in_seconds: int, expires_at: datetime) -> UploadForm:
        return UploadForm(f"memory://incoming/{document.document_id}", {"key": document.document_id}, expires_at)

    def upload(self, document_id: str, content: bytes, at: datetime | None = None) -> None:
        """What a client POSTing the form does (nothing here checks the form's conditions)."""
        self.uploads[document_id] = (content, at or self.clock.now())

    def fetch_upload(self, document: Document) -> ArrivedUpload | None:
        if document.document_id not in self.uploads:
            return None
        content, at = self.uploads[document.document_id]
        if len(content) != document.file.size_bytes:
            return ArrivedUpload(len(content), at, b"")
        return ArrivedUpload(len(content), at, content)

    def keep(self, document: Document, content: bytes) -> str:
        self.kept[document.document_id] = content
        return f"v-{len(self.kept)}"

    def download_link(self, document: Document, expires_in_seconds: int) -> str:
        link = f"memory://documents/{document.document_id}?expires={expires_in_seconds}"
        self.links.append(link)
        return link

    def start_retention(self, document: Document, reason: Retention) -> None:
        self.retained[document.document_id] = reason


def declaration(
    document_type: str,
    sample: SampleFile | None = None,
    *,
    key: str | None = None,
    service_code: str | None = None,
    request_id: str | None = None,
    **changes: object,
) -> UploadDeclaration:
    """The declaration of a sample file (its true name, type, size and checksum unless changed)."""
    sample = sample or sample_for(document_type)
    declared = UploadDeclaration(
        document_type=document_type,
        file_name=sample.file_name,
        content_type=sample.content_type,
        size_bytes=sample.size_bytes,
        sha256=sample.sha256,
        request_id=request_id,
        draft_key=key,
        service_code=service_code,
    )
    return replace(declared, **changes)  # type: ignore[arg-type]


def upload_and_attach(
    documents: RequestDocuments,
    store: InMemoryDocumentStore,
    caller: Caller,
    document_type: str,
    *,
    key: str | None = None,
    service_code: str | None = None,
    request_id: str | None = None,
    sample: SampleFile | None = None,
) -> Document:
    sample = sample or sample_for(document_type)
    issued = documents.request_upload(
        caller, declaration(document_type, sample, key=key, service_code=service_code, request_id=request_id)
    )
    store.upload(issued.document.document_id, sample.content)
    return documents.attach(caller, issued.document.document_id)


def attach_required(
    documents: RequestDocuments,
    store: InMemoryDocumentStore,
    caller: Caller,
    codes: list[str],
    *,
    key: str,
    service_code: str,
) -> list[str]:
    """One verified sample per listed document, attached to the draft under ``key``: their ids."""
    return [
        upload_and_attach(documents, store, caller, code, key=key, service_code=service_code).document_id
        for code in codes
    ]


def filed_documents(world: IdentityWorld, caller: Caller, service_code: str, key: str) -> list[str]:
    """One attached document per document the service lists, for the draft under ``key`` at the caller's
    centre: those already attached are reused, the others uploaded and attached now."""
    service = world.catalogue_repository.get_service(service_code)
    assert service is not None
    owner_id = request_id_for(caller.principal.centre_id or "", key)
    attached = {d.document_type: d.document_id for d in world.document_records.documents_of(owner_id) if d.attached}
    return [
        attached.get(document.code)
        or upload_and_attach(
            world.documents, world.document_store, caller, document.code, key=key, service_code=service_code
        ).document_id
        for document in service.documents
    ]
