"""Following requests: one request, the citizen's own, the centre's list, the agency's window, public tracking."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.enums.requests import HandoffStatus, RequestStatus
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem, TryLaterProblem, ValidationProblem
from functions.api.types.requests import (
    AgencyWindowItemType,
    RequestSummaryType,
    ServiceRequestType,
    TrackedRequestType,
)
from functions.api.value_lengths import Cursor

__all__ = ["RequestQueries"]

RequestResult = Annotated[ServiceRequestType | NotFoundProblem | ForbiddenProblem, strawberry.union("RequestResult")]
TrackResult = Annotated[
    TrackedRequestType | ValidationProblem | TryLaterProblem, strawberry.union("TrackRequestResult")
]


@strawberry.type
class RequestQueries:
    @strawberry.field(description="One request: its citizen, its filing centre, an agency it reached, or the monitor.")
    def request(self, info: Info[GraphQLContext, None], id: strawberry.ID) -> RequestResult:
        context = info.context
        return ServiceRequestType.of(context.use_cases.request_tracking.request(context.caller, str(id)))

    @strawberry.field(description="No sign-in: a request's status and dated history by tracking number and PIN.")
    def track_request(self, info: Info[GraphQLContext, None], tracking_number: str, pin: str) -> TrackResult:
        context = info.context
        tracking = context.use_cases.request_tracking
        return TrackedRequestType.of(tracking.track(context.caller, tracking_number, pin))

    @strawberry.field(description="The signed-in citizen's requests, newest first.")
    def my_requests(
        self, info: Info[GraphQLContext, None], first: int = DEFAULT_PAGE_SIZE, after: Cursor = None
    ) -> PageType[RequestSummaryType]:
        context = info.context
        page = context.use_cases.request_tracking.my_requests(context.caller, page_request(first, after))
        return PageType.of(page, RequestSummaryType.of)

    @strawberry.field(description="Centre operators: the centre's requests by status and date, newest first.")
    def centre_requests(
        self,
        info: Info[GraphQLContext, None],
        *,
        since: datetime,
        until: datetime,
        status: RequestStatus | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[RequestSummaryType]:
        context = info.context
        page = context.use_cases.centre_desk.centre_requests(
            context.caller, status, since, until, page_request(first, after)
        )
        return PageType.of(page, RequestSummaryType.of)

    @strawberry.field(description="Agency officers: the files in the agency's window, earliest due (overdue) first.")
    def agency_window(
        self,
        info: Info[GraphQLContext, None],
        status: HandoffStatus | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[AgencyWindowItemType]:
        context = info.context
        page = context.use_cases.agency_window.window(context.caller, status, page_request(first, after))
        return PageType.of(page, AgencyWindowItemType.of)
