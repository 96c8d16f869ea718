"""Documents: the files (PDF, JPEG, PNG) a centre uploads for a request, verified before they count.

Life of a document::

    AWAITING_UPLOAD --attach: arrived before the link expired, with the declared size, SHA-256 and
                     type (by its magic numbers)--> ATTACHED

A document belongs to an *owner*: a filed request, or a draft, which is the id the request will get
(see ``request_ids``). Only ATTACHED documents count toward a service's required documents. A request
records the ids of the documents it was filed (or last resubmitted) with; every other document
attached to it stays in its history. Nothing is ever deleted by the application: storage lifecycle
rules do that once the request is closed.

Declared file names are for display only: storage keys are random ids, never names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from functions.domain.catalogue import LocalizedText, RequiredDocument
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.upload_limits import UploadLimits

__all__ = [
    "ABANDONED_AFTER",
    "DRAFT_LIFETIME",
    "FILE_KINDS",
    "ArrivedUpload",
    "DeclaredFile",
    "Document",
    "DocumentStatus",
    "FileKind",
    "Retention",
    "UploadForm",
    "UploadLimits",
    "choose_documents",
    "ensure_fresh",
    "newest_attached",
    "verify_upload",
]

MAX_FILE_NAME_LENGTH = 120
DRAFT_LIFETIME = timedelta(days=3)
"""A draft's documents may be filed for this long after their upload was asked for."""
ABANDONED_AFTER = timedelta(days=7)
"""Documents of a draft that was never filed are handed to the retention rule after this long (by then
none of them can be filed any more, so the sweeper never races a filing)."""
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# Path separators, and what Windows refuses in names (":" also opens NTFS alternate data streams).
_FORBIDDEN_IN_NAMES = set('/\\:*?"<>|')
# Control, format (e.g. U+202E, which shows "fdp.exe" as "exe.pdf"), surrogate, private, unassigned.
_FORBIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


@dataclass(frozen=True)
class FileKind:
    """A file type the programme accepts, told apart by its first bytes (its magic number)."""

    name: str
    content_type: str
    extensions: tuple[str, ...]
    signature: bytes

    def matches(self, content: bytes) -> bool:
        return content.startswith(self.signature)


FILE_KINDS: dict[str, FileKind] = {
    kind.content_type: kind
    for kind in (
        FileKind("PDF", "application/pdf", (".pdf",), b"%PDF-"),
        FileKind("JPEG", "image/jpeg", (".jpg", ".jpeg"), b"\xff\xd8\xff"),
        FileKind("PNG", "image/png", (".png",), b"\x89PNG\r\n\x1a\n"),
    )
}


@dataclass(frozen=True)
class DeclaredFile:
    """What the centre says it will upload; the bytes must match it exactly to be attached."""

    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    """Hexadecimal, lower case."""

    @property
    def kind(self) -> FileKind:
        return FILE_KINDS[self.content_type]

    @classmethod
    def of(cls, file_name: str, content_type: str, size_bytes: int, sha256: str, max_bytes: int) -> DeclaredFile:
        kind = FILE_KINDS.get(content_type.strip().lower())
        if kind is None:
            raise ValidationFailed(ErrorCode.CONTENT_TYPE_NOT_ALLOWED, field="contentType")
        if size_bytes <= 0:
            raise ValidationFailed(ErrorCode.DOCUMENT_EMPTY, field="sizeBytes")
        if size_bytes > max_bytes:
            raise ValidationFailed(ErrorCode.DOCUMENT_TOO_LARGE, field="sizeBytes")
        digest = sha256.strip().lower()
        if not _SHA256_HEX.fullmatch(digest):
            raise ValidationFailed(ErrorCode.CHECKSUM_INVALID, field="sha256")
        return cls(_checked_file_name(file_name, kind), kind.content_type, size_bytes, digest)


def _checked_file_name(file_name: str, kind: FileKind) -> str:
    """A plain name with an extension of its kind: no paths, no hidden or control characters."""
    name = unicodedata.normalize("NFC", file_name.strip())
    stem, dot, extension = name.rpartition(".")
    if (
        not 0 < len(name) <= MAX_FILE_NAME_LENGTH
        or name.startswith(".")
        or ".." in name
        or any(char in _FORBIDDEN_IN_NAMES or unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in name)
        or not (stem and dot)
        or f".{extension.lower()}" not in kind.extensions
    ):
        raise ValidationFailed(ErrorCode.FILE_NAME_INVALID, field="fileName")
    return name


@dataclass(frozen=True)
class ArrivedUpload:
    """What storage holds under an upload's key. ``content`` is empty when the size already differs."""

    size_bytes: int
    uploaded_at: datetime
    content: bytes


def verify_upload(declared: DeclaredFile, arrived: ArrivedUpload, expires_at: datetime) -> None:
    """The real guarantee, whatever the storage enforced on the upload: time, size, checksum, type."""
    if arrived.uploaded_at > expires_at:
        raise ValidationFailed(ErrorCode.UPLOAD_EXPIRED, field="documentId")
    if arrived.size_bytes != declared.size_bytes or len(arrived.content) != declared.size_bytes:
        raise ValidationFailed(ErrorCode.UPLOAD_SIZE_MISMATCH, field="documentId")
    if hashlib.sha256(arrived.content).hexdigest() != declared.sha256:
        raise ValidationFailed(ErrorCode.UPLOAD_CHECKSUM_MISMATCH, field="documentId")
    if not declared.kind.matches(arrived.content):
        raise ValidationFailed(ErrorCode.UPLOAD_CONTENT_MISMATCH, field="documentId")


class DocumentStatus(StrEnum):
    AWAITING_UPLOAD = "AWAITING_UPLOAD"
    ATTACHED = "ATTACHED"


class Retention(StrEnum):
    """Why kept bytes go to the storage's lifecycle rules (each reason has its own rule)."""

    CLOSED = "closed"
    """The request closed: kept for the retention period, then deleted."""
    ABANDONED = "abandoned"
    """A draft that was never filed: deleted at once."""


@dataclass(frozen=True)
class Document:
    document_id: str
    owner_id: str
    """The request it belongs to (before filing: the id the request will get)."""
    centre_id: str
    service_code: str
    document_type: str
    """The code of the service's required document it stands for (DEED, PHOTO, ...)."""
    type_name: LocalizedText
    file: DeclaredFile
    status: DocumentStatus
    requested_by: str
    requested_at: datetime
    upload_expires_at: datetime
    version: int = 0
    attached_by: str | None = None
    attached_at: datetime | None = None
    stored_version: str | None = None
    """The storage's version id of the verified bytes."""
    citizen_id: str | None = None
    """Set once a filed request uses it: from then on the citizen sees it among their documents."""
    linked_at: datetime | None = None

    @property
    def attached(self) -> bool:
        return self.status is DocumentStatus.ATTACHED

    @property
    def download_name(self) -> str:
        """The name a download is saved under: the type and extension only (no personal data in URLs)."""
        return f"{self.document_type}{self.file.kind.extensions[0]}"

    def attach(self, by: str, at: datetime, stored_version: str) -> Document:
        return replace(
            self,
            status=DocumentStatus.ATTACHED,
            attached_by=by,
            attached_at=at,
            stored_version=stored_version,
            version=self.version + 1,
        )

    def link(self, citizen_id: str, at: datetime) -> Document:
        """Filed with a request: the citizen's document from now on (linking again changes nothing)."""
        if self.citizen_id is not None:
            return self
        return replace(self, citizen_id=citizen_id, linked_at=at, version=self.version + 1)


@dataclass(frozen=True)
class UploadForm:
    """A short-lived form to POST the file to storage with: the fields go before the file."""

    url: str
    fields: dict[str, str]
    expires_at: datetime


def choose_documents(
    required: tuple[RequiredDocument, ...], chosen_ids: list[str], available: Iterable[Document]
) -> tuple[Document, ...]:
    """The documents named, one attached document for each document the service lists, in its order."""
    attached = {document.document_id: document for document in available if document.attached}
    codes = [document.code for document in required]
    by_type: dict[str, Document] = {}
    for document_id in chosen_ids:
        document = attached.get(document_id)
        if document is None:
            raise ValidationFailed(ErrorCode.DOCUMENT_NOT_ATTACHED, field="documents")
        if document.document_type not in codes:
            raise ValidationFailed(ErrorCode.DOCUMENT_UNKNOWN, field="documents")
        if document.document_type in by_type:
            raise ValidationFailed(ErrorCode.DOCUMENT_DUPLICATE, field="documents")
        by_type[document.document_type] = document
    return _every_listed(codes, by_type)


def newest_attached(required: tuple[RequiredDocument, ...], available: Iterable[Document]) -> tuple[Document, ...]:
    """For each document the service lists, the one attached last (a re-upload replaces the one before)."""
    codes = [document.code for document in required]
    by_type: dict[str, Document] = {}
    for document in sorted(
        (d for d in available if d.attached), key=lambda d: (d.attached_at or d.requested_at, d.document_id)
    ):
        if document.document_type in codes:
            by_type[document.document_type] = document
    return _every_listed(codes, by_type)


def ensure_fresh(documents: Iterable[Document], now: datetime) -> None:
    """A filing takes a draft's documents only while they are young enough (see ``DRAFT_LIFETIME``)."""
    if any(document.requested_at + DRAFT_LIFETIME < now for document in documents):
        raise ValidationFailed(ErrorCode.DOCUMENT_TOO_OLD, field="documents")


def _every_listed(codes: list[str], by_type: dict[str, Document]) -> tuple[Document, ...]:
    for code in codes:
        if code not in by_type:
            raise ValidationFailed(ErrorCode.DOCUMENT_MISSING, field=f"documents.{code}")
    return tuple(by_type[code] for code in codes)
