"""Ports for documents: their records, and the storage that holds their bytes.

Kept apart from ``ports`` so other owners of files (inspection photos, later) can reuse them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from functions.domain.audit import AuditRecord
from functions.domain.documents import ArrivedUpload, Document, Retention, UploadForm
from functions.domain.paging import Page, PageRequest

__all__ = ["DocumentRepository", "DocumentStore", "ReviewDue"]


@dataclass(frozen=True)
class ReviewDue:
    """A document the sweeper has to look at once: was its draft ever filed?"""

    document_id: str
    requested_at: datetime


class DocumentRepository(Protocol):
    def get_document(self, document_id: str) -> Document | None: ...

    def documents_of(self, owner_id: str) -> list[Document]:
        """Every document of a request or draft, read consistently."""
        ...

    def add_document(self, document: Document, audit: AuditRecord) -> None:
        """A new document awaiting its upload (forgotten after a day if it never gets attached), and the
        sweeper's note to review it once it is old enough (``reviews_due``)."""
        ...

    def save_document(self, document: Document, expected_version: int, audit: AuditRecord) -> None:
        """All or nothing; ``Conflict`` when the document moved on since it was read."""
        ...

    def list_for_citizen(self, citizen_id: str, page: PageRequest) -> Page[Document]:
        """Documents of the citizen's filed requests, newest first."""
        ...

    def closed_requests(self, limit: int) -> list[str]:
        """Requests that closed and whose documents still wait to be handed to the retention rule."""
        ...

    def retention_started(self, request_id: str) -> None: ...

    def reviews_due(self, requested_before: datetime, limit: int) -> list[ReviewDue]: ...

    def reviewed(self, due: ReviewDue) -> None: ...


class DocumentStore(Protocol):
    """Where the bytes live. Uploads arrive under one key per document; verified bytes are kept apart."""

    def upload_form(self, document: Document, expires_in_seconds: int, expires_at: datetime) -> UploadForm:
        """A presigned form whose conditions carry the declared type, size and checksum."""
        ...

    def fetch_upload(self, document: Document) -> ArrivedUpload | None:
        """What arrived for the document (None: nothing); the bytes are read only if the size is right."""
        ...

    def keep(self, document: Document, content: bytes) -> str:
        """Keep verified bytes where downloads are served from; returns the stored version's id."""
        ...

    def download_link(self, document: Document, expires_in_seconds: int) -> str: ...

    def start_retention(self, document: Document, reason: Retention) -> None:
        """Hand the kept bytes to the storage's lifecycle rule for ``reason``."""
        ...
