"""The documents of a request: the centre uploads and attaches them, the agency and the citizen read them.

* ``request_upload`` — a centre operator declares a file (type, name, size, SHA-256) for a draft (the
  centre and the idempotency key the submission will carry) or for its own request while it is
  returned for missing items, and gets a short-lived presigned upload form;
* ``attach`` — after the upload: the bytes are checked (arrived in time, size, checksum, magic
  numbers), kept apart from the upload, and the document is recorded as attached. Only then does it
  count toward the service's documents (``request_submission``, ``centre_desk.resubmit_request``);
* ``download`` — a short-lived link, audited: the citizen's own, the filing centre's, and an agency's
  only while the request is in its window;
* ``start_retention`` — the sweeper hands the documents of closed requests to the storage lifecycle;
* ``abandon_unfiled_drafts`` — and, a week after their upload, the documents of drafts never filed.

Nothing here deletes anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from functions.domain.audit import AuditRecord, Outcome, target
from functions.domain.catalogue import RequiredDocument, Service
from functions.domain.documents import (
    ABANDONED_AFTER,
    DeclaredFile,
    Document,
    DocumentStatus,
    Retention,
    UploadForm,
    UploadLimits,
    verify_upload,
)
from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.request import RequestFile, RequestStatus, ensure_status
from functions.domain.request_ids import checked_idempotency_key, request_id_for
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.document_ports import DocumentRepository, DocumentStore
from functions.services.ports import CatalogueRepository, CentreRepository, Clock
from functions.services.request_ports import RequestRepository
from functions.services.serving_centre import serving_centre

__all__ = ["DownloadLink", "IssuedUpload", "RequestDocuments", "UploadDeclaration"]

RETENTION_BATCH = 100


@dataclass(frozen=True)
class UploadDeclaration:
    """What the operator declares before uploading; exactly one of ``request_id`` and ``draft_key``."""

    document_type: str
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    request_id: str | None = None
    draft_key: str | None = None
    service_code: str | None = None
    """The service being filed (drafts only; a filed request knows its own)."""


@dataclass(frozen=True)
class IssuedUpload:
    document: Document
    form: UploadForm


@dataclass(frozen=True)
class DownloadLink:
    document: Document
    url: str
    expires_at: datetime


class RequestDocuments:
    def __init__(
        self,
        *,
        requests: RequestRepository,
        documents: DocumentRepository,
        store: DocumentStore,
        catalogue: CatalogueRepository,
        centres: CentreRepository,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
        limits: UploadLimits,
    ) -> None:
        self._requests = requests
        self._documents = documents
        self._store = store
        self._catalogue = catalogue
        self._centres = centres
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock
        self.limits = limits

    def request_upload(self, caller: Caller, declaration: UploadDeclaration) -> IssuedUpload:
        owner_id, service_code, centre_id = self._upload_owner(caller, declaration)
        required = _required_document(self._service(service_code), declaration.document_type)
        declared = DeclaredFile.of(
            declaration.file_name,
            declaration.content_type,
            declaration.size_bytes,
            declaration.sha256,
            self.limits.max_bytes,
        )
        now = self._clock.now()
        document = Document(
            document_id=uuid.uuid4().hex,
            owner_id=owner_id,
            centre_id=centre_id,
            service_code=service_code,
            document_type=required.code,
            type_name=required.name,
            file=declared,
            status=DocumentStatus.AWAITING_UPLOAD,
            requested_by=caller.principal.user_id,
            requested_at=now,
            upload_expires_at=now + timedelta(seconds=self.limits.upload_seconds),
        )
        self._documents.add_document(document, self._audit(caller, Operation.REQUEST_DOCUMENT_UPLOAD, document))
        form = self._store.upload_form(document, self.limits.upload_seconds, document.upload_expires_at)
        return IssuedUpload(document, form)

    def attach(self, caller: Caller, document_id: str) -> Document:
        document = self._documents.get_document(document_id)
        owner = Owner(centre_id=document.centre_id) if document else Owner()
        self._authorizer.authorize(caller, Operation.ATTACH_DOCUMENT, _target_of(document, document_id), owner)
        if document is None:
            raise NotFound(field="documentId")
        serving_centre(
            caller, Operation.ATTACH_DOCUMENT, authorizer=self._authorizer, centres=self._centres, clock=self._clock
        )
        if document.attached:
            raise Conflict(ErrorCode.DOCUMENT_STATE, field="documentId")
        file = self._requests.get_file(document.owner_id)
        if file is not None:
            ensure_status(file.request, RequestStatus.RETURNED_TO_CENTRE)
        arrived = self._store.fetch_upload(document)
        if arrived is None:
            raise ValidationFailed(ErrorCode.UPLOAD_MISSING, field="documentId")
        verify_upload(document.file, arrived, document.upload_expires_at)
        stored_version = self._store.keep(document, arrived.content)
        attached = document.attach(caller.principal.user_id, self._clock.now(), stored_version)
        self._documents.save_document(
            attached, document.version, self._audit(caller, Operation.ATTACH_DOCUMENT, document)
        )
        return attached

    def download(self, caller: Caller, document_id: str) -> DownloadLink:
        """A short-lived link; every link issued is in the audit trail before it is handed out."""
        document = self._documents.get_document(document_id)
        file = self._requests.get_file(document.owner_id) if document else None
        where = _target_of(document, document_id)
        self._authorizer.authorize(caller, Operation.DOWNLOAD_DOCUMENT, where, _readers_of(document, file))
        if document is None:
            raise NotFound(field="documentId")
        if not document.attached:
            raise Conflict(ErrorCode.DOCUMENT_STATE, field="documentId")
        expires_at = self._clock.now() + timedelta(seconds=self.limits.download_seconds)
        self._auditor.write(caller, Operation.DOWNLOAD_DOCUMENT.value, where, Outcome.ALLOWED, _details(document))
        return DownloadLink(document, self._store.download_link(document, self.limits.download_seconds), expires_at)

    def my_documents(self, caller: Caller, page: PageRequest) -> Page[Document]:
        user = caller.principal.user_id
        self._authorizer.authorize(caller, Operation.LIST_MY_DOCUMENTS, target("citizen", user), Owner(user_id=user))
        return self._documents.list_for_citizen(user, page)

    def draft_documents(self, caller: Caller, idempotency_key: str) -> list[Document]:
        """What the centre has uploaded so far for the filing it prepares under this key."""
        centre_id = caller.principal.centre_id or ""
        self._authorizer.authorize(caller, Operation.LIST_DRAFT_DOCUMENTS, target("centre", centre_id))
        owner_id = request_id_for(centre_id, checked_idempotency_key(idempotency_key))
        return self._documents.documents_of(owner_id)

    def start_retention(self) -> int:
        """The sweeper: the documents of requests that closed go to the retention rule (idempotent)."""
        closed = self._documents.closed_requests(RETENTION_BATCH)
        for request_id in closed:
            for document in self._documents.documents_of(request_id):
                if document.attached:
                    self._store.start_retention(document, Retention.CLOSED)
            self._documents.retention_started(request_id)
        return len(closed)

    def abandon_unfiled_drafts(self) -> int:
        """The sweeper: each document once, a week after its upload was asked for. A draft's that was never
        filed (no request exists) goes to the rule that deletes it; any other waits for its request."""
        due = self._documents.reviews_due(self._clock.now() - ABANDONED_AFTER, RETENTION_BATCH)
        for review in due:
            document = self._documents.get_document(review.document_id)
            if document and document.attached and self._requests.get_file(document.owner_id) is None:
                self._store.start_retention(document, Retention.ABANDONED)
            self._documents.reviewed(review)
        return len(due)

    def _upload_owner(self, caller: Caller, declaration: UploadDeclaration) -> tuple[str, str, str]:
        """(owner id, service code, centre id): a draft of the caller's centre, or its returned request."""
        operation = Operation.REQUEST_DOCUMENT_UPLOAD
        if (declaration.request_id is None) == (declaration.draft_key is None):
            raise ValidationFailed(ErrorCode.VALIDATION_FAILED, field="requestId")
        file: RequestFile | None
        if declaration.request_id is not None:
            file = self._requests.get_file(declaration.request_id)
            owner = Owner(centre_id=file.request.centre_id) if file else Owner()
            self._authorizer.authorize(caller, operation, target("request", declaration.request_id), owner)
            if file is None:
                raise NotFound(field="requestId")
            centre = serving_centre(
                caller, operation, authorizer=self._authorizer, centres=self._centres, clock=self._clock
            )
        else:
            centre = serving_centre(
                caller, operation, authorizer=self._authorizer, centres=self._centres, clock=self._clock
            )
            key = checked_idempotency_key(declaration.draft_key or "", field="draft.idempotencyKey")
            owner_id = request_id_for(centre.centre_id, key)
            file = self._requests.get_file(owner_id)
            if file is None:
                return owner_id, declaration.service_code or "", centre.centre_id
        ensure_status(file.request, RequestStatus.RETURNED_TO_CENTRE)
        return file.request.request_id, file.request.service_code, centre.centre_id

    def _service(self, code: str) -> Service:
        service = self._catalogue.get_service(code)
        if service is None:
            raise NotFound(field="serviceCode")
        return service

    def _audit(self, caller: Caller, operation: Operation, document: Document) -> AuditRecord:
        return self._auditor.record(
            caller, operation.value, target("request", document.owner_id), Outcome.ALLOWED, _details(document)
        )


def _required_document(service: Service, code: str) -> RequiredDocument:
    required = next((document for document in service.documents if document.code == code), None)
    if required is None:
        raise ValidationFailed(ErrorCode.DOCUMENT_UNKNOWN, field="documentType")
    return required


def _readers_of(document: Document | None, file: RequestFile | None) -> Owner:
    """The filing centre; once filed, the citizen and the agencies that have the request in their window."""
    if document is None:
        return Owner()
    if file is None:
        return Owner(centre_id=document.centre_id)
    return Owner(user_id=file.request.citizen_id, centre_id=document.centre_id, agency_codes=file.agencies_in_window())


def _target_of(document: Document | None, document_id: str) -> str:
    return target("request", document.owner_id) if document else target("document", document_id)


def _details(document: Document) -> dict[str, str]:
    return {"document": document.document_id, "type": document.document_type}
