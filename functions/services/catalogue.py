"""Reading the service catalogue (public) and defining it (administrators, audited)."""

from __future__ import annotations

from functions.domain.audit import Outcome, target
from functions.domain.catalogue import Agency, Service, validate_agency, validate_service
from functions.domain.errors import NotFound
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.ports import CatalogueRepository

__all__ = ["CatalogueService"]


class CatalogueService:
    def __init__(self, repository: CatalogueRepository, auditor: Auditor, authorizer: Authorizer) -> None:
        self._repository = repository
        self._auditor = auditor
        self._authorizer = authorizer

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

    def get_services(self, codes: list[str]) -> dict[str, Service]:
        """Services by code (one batch read); unknown codes are simply absent."""
        return self._repository.get_services(codes)

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]:
        """Agencies by code, for a route's steps; unknown codes are simply absent."""
        return self._repository.get_agencies(codes)

    def define_agency(self, caller: Caller, agency: Agency) -> Agency:
        self._authorizer.authorize(caller, Operation.DEFINE_AGENCY, target("agency", agency.code))
        validate_agency(agency)
        audit = self._auditor.record(
            caller, Operation.DEFINE_AGENCY.value, target("agency", agency.code), Outcome.ALLOWED
        )
        self._repository.put_agency(agency, audit)
        return agency

    def define_service(self, caller: Caller, service: Service) -> Service:
        self._authorizer.authorize(caller, Operation.DEFINE_SERVICE, target("service", service.code))
        known_agencies = self._repository.get_agencies(list(service.agency_codes))
        validate_service(service, known_agencies.keys())
        audit = self._auditor.record(
            caller, Operation.DEFINE_SERVICE.value, target("service", service.code), Outcome.ALLOWED
        )
        self._repository.put_service(service, audit)
        return service
