"""Reading documents: a short-lived download link (audited), the citizen's documents, a draft's."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.documents import DocumentDownloadType, RequestDocumentType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem
from functions.api.value_lengths import Cursor

__all__ = ["DocumentQueries"]

DownloadResult = Annotated[
    DocumentDownloadType | NotFoundProblem | ForbiddenProblem | ConflictProblem,
    strawberry.union("DocumentDownloadResult"),
]


@strawberry.type
class DocumentQueries:
    @strawberry.field(
        description="A short-lived link to a document (audited): the citizen's own, the filing centre's, or an "
        "agency's while the request is in its window."
    )
    def document_download(self, info: Info[GraphQLContext, None], document_id: strawberry.ID) -> DownloadResult:
        context = info.context
        return DocumentDownloadType.of(
            context.use_cases.request_documents.download(context.caller, str(document_id)), context.principal
        )

    @strawberry.field(description="The signed-in citizen's documents (of filed requests), newest first.")
    def my_documents(
        self, info: Info[GraphQLContext, None], first: int = DEFAULT_PAGE_SIZE, after: Cursor = None
    ) -> PageType[RequestDocumentType]:
        context = info.context
        page = context.use_cases.request_documents.my_documents(context.caller, page_request(first, after))
        return PageType.of(page, lambda document: RequestDocumentType.of(document, context.principal))

    @strawberry.field(description="Centre operators: the documents uploaded so far for a filing being prepared.")
    def draft_documents(self, info: Info[GraphQLContext, None], idempotency_key: str) -> list[RequestDocumentType]:
        context = info.context
        documents = context.use_cases.request_documents.draft_documents(context.caller, idempotency_key)
        return [RequestDocumentType.of(d, context.principal) for d in documents]
