"""Documents: a centre asks for an upload form, uploads the file straight to storage, then attaches it."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.documents import DocumentUploadType, RequestDocumentType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.services.request_documents import UploadDeclaration

__all__ = ["DocumentMutations"]


@strawberry.input(description="The filing being prepared: the idempotency key its submission will carry.")
class DraftInput:
    idempotency_key: str
    service_code: str


@strawberry.input
class RequestDocumentUploadInput:
    document_type: str = strawberry.field(description="The code of one of the service's documents.")
    file_name: str = strawberry.field(description="For display only: a plain name with its extension.")
    content_type: str = strawberry.field(description="application/pdf, image/jpeg or image/png.")
    size_bytes: int
    sha256: str = strawberry.field(description="SHA-256 of the file, 64 hexadecimal characters.")
    request_id: strawberry.ID | None = strawberry.field(
        default=None, description="A request of your centre returned for missing items (or give `draft`)."
    )
    draft: DraftInput | None = strawberry.field(default=None, description="A filing not submitted yet.")

    def to_declaration(self) -> UploadDeclaration:
        return UploadDeclaration(
            document_type=self.document_type,
            file_name=self.file_name,
            content_type=self.content_type,
            size_bytes=self.size_bytes,
            sha256=self.sha256,
            request_id=str(self.request_id) if self.request_id is not None else None,
            draft_key=self.draft.idempotency_key if self.draft else None,
            service_code=self.draft.service_code if self.draft else None,
        )


Problems = ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem
UploadResult = Annotated[DocumentUploadType | Problems, strawberry.union("RequestDocumentUploadResult")]
AttachResult = Annotated[RequestDocumentType | Problems, strawberry.union("AttachDocumentResult")]


@strawberry.type
class DocumentMutations:
    @strawberry.mutation(
        description="Centre operators: a short-lived form to upload one document (PDF, JPEG or PNG) for a "
        "filing being prepared or a request returned for missing items."
    )
    def request_document_upload(
        self, info: Info[GraphQLContext, None], input: RequestDocumentUploadInput
    ) -> UploadResult:
        context = info.context
        return DocumentUploadType.of(
            context.use_cases.request_documents.request_upload(context.caller, input.to_declaration()),
            context.principal,
        )

    @strawberry.mutation(
        description="Centre operators: after the upload, verify the file (size, checksum, type) and attach it; "
        "only attached documents count toward the service's documents."
    )
    def attach_document(self, info: Info[GraphQLContext, None], document_id: strawberry.ID) -> AttachResult:
        context = info.context
        return RequestDocumentType.of(
            context.use_cases.request_documents.attach(context.caller, str(document_id)), context.principal
        )
