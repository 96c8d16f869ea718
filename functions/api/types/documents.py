"""Document types: what a document is (never its bytes), upload forms and download links."""

from __future__ import annotations

from datetime import datetime

import strawberry

from functions.api.types.enums.requests import DocumentStatus
from functions.api.types.localized_text import LocalizedTextType
from functions.api.types.time import MadinahTimeType, madinah
from functions.domain.documents import Document
from functions.domain.principal import Principal, Role
from functions.services.request_documents import DownloadLink, IssuedUpload

__all__ = ["DocumentDownloadType", "DocumentUploadType", "RequestDocumentType"]


@strawberry.type(
    name="RequestDocument",
    description="A document uploaded for a request: what it is (documentDownload for its bytes).",
)
class RequestDocumentType:
    id: strawberry.ID
    request_id: strawberry.ID = strawberry.field(
        description="The request it belongs to (before filing: the id the request will get)."
    )
    document_type: str = strawberry.field(description="The code of the service's document it stands for.")
    type_name: LocalizedTextType
    file_name: str | None = strawberry.field(description="As declared at upload; not shown to the monitoring office.")
    content_type: str
    size_bytes: int
    sha256: str = strawberry.field(description="SHA-256 as declared, hexadecimal (the bytes' own once ATTACHED).")
    status: DocumentStatus
    requested_at: datetime
    upload_expires_at: datetime
    attached_at: datetime | None
    filed: bool | None = strawberry.field(
        description="Filed with the request now; false: replaced or never chosen (history); null outside a request."
    )

    @strawberry.field(description="Asked for, on Madinah's wall clock.")
    def requested_at_madinah(self) -> MadinahTimeType:
        return MadinahTimeType.of(self.requested_at)

    @strawberry.field(description="Verified and attached, on Madinah's wall clock.")
    def attached_at_madinah(self) -> MadinahTimeType | None:
        return madinah(self.attached_at)

    @classmethod
    def of(cls, document: Document, principal: Principal, filed: tuple[str, ...] | None = None) -> RequestDocumentType:
        return cls(
            id=strawberry.ID(document.document_id),
            request_id=strawberry.ID(document.owner_id),
            document_type=document.document_type,
            type_name=LocalizedTextType.of(document.type_name),
            file_name=None if principal.role is Role.MONITOR else document.file.file_name,
            content_type=document.file.content_type,
            size_bytes=document.file.size_bytes,
            sha256=document.file.sha256,
            status=document.status,
            requested_at=document.requested_at,
            upload_expires_at=document.upload_expires_at,
            attached_at=document.attached_at,
            filed=None if filed is None else document.document_id in filed,
        )


@strawberry.type(name="UploadFormField")
class UploadFormFieldType:
    name: str
    value: str


@strawberry.type(
    name="DocumentUpload",
    description="POST the file to `url` as multipart/form-data: every field in `fields`, then `file` last, "
    "before `expiresAt`. Then call attachDocument.",
)
class DocumentUploadType:
    document: RequestDocumentType
    url: str
    fields: list[UploadFormFieldType]
    expires_at: datetime

    @classmethod
    def of(cls, issued: IssuedUpload, principal: Principal) -> DocumentUploadType:
        return cls(
            document=RequestDocumentType.of(issued.document, principal),
            url=issued.form.url,
            fields=[UploadFormFieldType(name=name, value=value) for name, value in issued.form.fields.items()],
            expires_at=issued.form.expires_at,
        )


@strawberry.type(name="DocumentDownload", description="A short-lived link to the document's verified bytes.")
class DocumentDownloadType:
    document: RequestDocumentType
    url: str
    expires_at: datetime

    @classmethod
    def of(cls, link: DownloadLink, principal: Principal) -> DocumentDownloadType:
        return cls(document=RequestDocumentType.of(link.document, principal), url=link.url, expires_at=link.expires_at)
