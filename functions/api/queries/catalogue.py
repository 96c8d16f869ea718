"""Catalogue queries: open to everyone, signed in or not (the catalogue is public information)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, page_request
from functions.api.types.catalogue import AgencyType, ServiceType
from functions.api.types.problem import NotFoundProblem

__all__ = ["CatalogueQueries"]

AgencyResult = Annotated[AgencyType | NotFoundProblem, strawberry.union("AgencyResult")]
ServiceResult = Annotated[ServiceType | NotFoundProblem, strawberry.union("ServiceResult")]

_AFTER_CODE = "Continue after this code (the last code of the previous page)."


@strawberry.type
class CatalogueQueries:
    @strawberry.field(description="Agencies ordered by code, at most 100 a page.")
    def agencies(
        self,
        info: Info[GraphQLContext, None],
        first: int = DEFAULT_PAGE_SIZE,
        after: Annotated[str | None, strawberry.argument(description=_AFTER_CODE)] = None,
    ) -> list[AgencyType]:
        page = info.context.use_cases.catalogue.list_agencies(page_request(first, after))
        return [AgencyType.of(agency) for agency in page.items]

    @strawberry.field(description="One agency by its code.")
    def agency(self, info: Info[GraphQLContext, None], code: str) -> AgencyResult:
        return AgencyType.of(info.context.use_cases.catalogue.get_agency(code))

    @strawberry.field(
        description="Services ordered by code, at most 100 a page; with `agencyCode`, those on its route."
    )
    def services(
        self,
        info: Info[GraphQLContext, None],
        agency_code: str | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Annotated[str | None, strawberry.argument(description=_AFTER_CODE)] = None,
    ) -> list[ServiceType]:
        page = info.context.use_cases.catalogue.list_services(page_request(first, after), agency_code)
        return [ServiceType.of(service) for service in page.items]

    @strawberry.field(description="One service by its code, with its form, documents, fee and route.")
    def service(self, info: Info[GraphQLContext, None], code: str) -> ServiceResult:
        return ServiceType.of(info.context.use_cases.catalogue.get_service(code))
