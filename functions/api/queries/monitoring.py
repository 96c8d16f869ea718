"""The monitoring office's reads: centres and their notices, inspections, figures, escalations,
complaints. A centre operator reads their own centre's file, notices and inspections."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.centres import CentreNoticeType, CentreType
from functions.api.types.enums.centres import CentreStatus
from functions.api.types.enums.escalations import EscalationStatus
from functions.api.types.enums.feedback import ComplaintStatus
from functions.api.types.enums.performance import RankingMetric
from functions.api.types.inspections import InspectionType
from functions.api.types.oversight import ComplaintType, EscalationType
from functions.api.types.performance import CentrePerformanceType, RankedCentreType, RegionOverviewType
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.time import FIRST_DAY, LAST_DAY
from functions.api.value_lengths import Cursor
from functions.domain.figures import Period

__all__ = ["MonitoringQueries"]

CentreResult = Annotated[CentreType | NotFoundProblem | ForbiddenProblem, strawberry.union("CentreResult")]
CentrePerformanceResult = Annotated[
    CentrePerformanceType | NotFoundProblem | ForbiddenProblem | ValidationProblem,
    strawberry.union("CentrePerformanceResult"),
]
RegionOverviewResult = Annotated[
    RegionOverviewType | ForbiddenProblem | ValidationProblem, strawberry.union("RegionOverviewResult")
]
_IN_MINUTES = {
    RankingMetric.ACKNOWLEDGEMENT_MEDIAN,
    RankingMetric.ACKNOWLEDGEMENT_P90,
    RankingMetric.DELIVERY_MEDIAN,
}


@strawberry.type
class MonitoringQueries:
    @strawberry.field(description="A centre's licensing file: the monitor (any), an operator (their own).")
    def centre(self, info: Info[GraphQLContext, None], id: strawberry.ID) -> CentreResult:
        context = info.context
        return CentreType.of(context.use_cases.centre_licensing.centre(context.caller, str(id)))

    @strawberry.field(description="The monitoring office: every centre, optionally by status.")
    def centres(
        self,
        info: Info[GraphQLContext, None],
        status: CentreStatus | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[CentreType]:
        context = info.context
        page = context.use_cases.centre_licensing.centres(context.caller, status, page_request(first, after))
        return PageType.of(page, CentreType.of)

    @strawberry.field(description="What the monitoring office told a centre, newest first.")
    def centre_notices(
        self,
        info: Info[GraphQLContext, None],
        centre_id: strawberry.ID,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[CentreNoticeType]:
        context = info.context
        page = context.use_cases.centre_licensing.notices(context.caller, str(centre_id), page_request(first, after))
        return PageType.of(page, CentreNoticeType.of)

    @strawberry.field(description="A centre's field inspections, newest visit first, with their open findings.")
    def inspections(
        self,
        info: Info[GraphQLContext, None],
        centre_id: strawberry.ID,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[InspectionType]:
        context = info.context
        page = context.use_cases.inspections.inspections(context.caller, str(centre_id), page_request(first, after))
        return PageType.of(page, InspectionType.of)

    @strawberry.field(description="The monitoring office: one centre's figures over a period (at most 92 days).")
    def centre_performance(
        self,
        info: Info[GraphQLContext, None],
        centre_id: strawberry.ID,
        from_: Annotated[date, strawberry.argument(name="from", description=FIRST_DAY)],
        to: Annotated[date, strawberry.argument(description=LAST_DAY)],
    ) -> CentrePerformanceResult:
        context = info.context
        return CentrePerformanceType.of(
            context.use_cases.performance.centre_performance(context.caller, str(centre_id), Period(from_, to))
        )

    @strawberry.field(description="The monitoring office: the region's figures, by agency and by centre, and flags.")
    def region_overview(
        self,
        info: Info[GraphQLContext, None],
        from_: Annotated[date, strawberry.argument(name="from", description=FIRST_DAY)],
        to: Annotated[date, strawberry.argument(description=LAST_DAY)],
    ) -> RegionOverviewResult:
        context = info.context
        return RegionOverviewType.of(context.use_cases.performance.region_overview(context.caller, Period(from_, to)))

    @strawberry.field(description="The monitoring office: centres ranked on one figure, best first.")
    def centre_ranking(
        self,
        info: Info[GraphQLContext, None],
        metric: RankingMetric,
        from_: Annotated[date, strawberry.argument(name="from", description=FIRST_DAY)],
        to: Annotated[date, strawberry.argument(description=LAST_DAY)],
    ) -> list[RankedCentreType]:
        context = info.context
        ranked = context.use_cases.performance.centre_ranking(context.caller, metric, Period(from_, to))
        return [RankedCentreType.of(r, metric in _IN_MINUTES) for r in ranked]

    @strawberry.field(description="The monitoring office: escalations by status, most recently raised first.")
    def escalations(
        self,
        info: Info[GraphQLContext, None],
        status: EscalationStatus = EscalationStatus.OPEN,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[EscalationType]:
        context = info.context
        page = context.use_cases.escalations.escalations(context.caller, status, page_request(first, after))
        return PageType.of(page, EscalationType.of)

    @strawberry.field(description="The monitoring office: citizens' complaints by status, newest first.")
    def complaints(
        self,
        info: Info[GraphQLContext, None],
        status: ComplaintStatus = ComplaintStatus.OPEN,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[ComplaintType]:
        context = info.context
        page = context.use_cases.citizen_feedback.complaints(context.caller, status, page_request(first, after))
        return PageType.of(page, ComplaintType.of)
