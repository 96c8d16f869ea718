"""Reading and defining the service catalogue."""

from __future__ import annotations

from functions.domain.catalogue import Agency, Service, validate_agency, validate_service
from functions.domain.errors import NotFound
from functions.domain.paging import Page, PageRequest
from functions.services.ports import CatalogueRepository

__all__ = ["CatalogueService"]


class CatalogueService:
    def __init__(self, repository: CatalogueRepository) -> None:
        self._repository = repository

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        return self._repository.list_agencies(page)

    def get_agency(self, code: str) -> Agency:
        agency = self._repository.get_agency(code)
        if agency is None:
            raise NotFound(field="code")
        return agency

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]:
        if agency_code is not None and self._repository.get_agency(agency_code) is None:
            raise NotFound(field="agencyCode")
        return self._repository.list_services(page, agency_code)

    def get_service(self, code: str) -> Service:
        service = self._repository.get_service(code)
        if service is None:
            raise NotFound(field="code")
        return service

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]:
        """Agencies by code, for a route's steps; unknown codes are simply absent."""
        return self._repository.get_agencies(codes)

    def define_agency(self, agency: Agency) -> Agency:
        validate_agency(agency)
        self._repository.put_agency(agency)
        return agency

    def define_service(self, service: Service) -> Service:
        known_agencies = self._repository.get_agencies(list(service.agency_codes))
        validate_service(service, known_agencies.keys())
        self._repository.put_service(service)
        return service
