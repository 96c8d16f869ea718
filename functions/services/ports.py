"""Ports: what the use cases need from the outside world, as Protocols.

Adapters in ``functions.adapters`` implement them on AWS; unit tests use small recording fakes.
"""

from __future__ import annotations

from typing import Protocol

from functions.domain.catalogue import Agency, Service
from functions.domain.paging import Page, PageRequest

__all__ = ["CatalogueRepository"]


class CatalogueRepository(Protocol):
    def get_agency(self, code: str) -> Agency | None: ...

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]: ...

    def list_agencies(self, page: PageRequest) -> Page[Agency]: ...

    def get_service(self, code: str) -> Service | None: ...

    def get_services(self, codes: list[str]) -> dict[str, Service]: ...

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]: ...

    def put_agency(self, agency: Agency) -> None: ...

    def put_service(self, service: Service) -> None: ...
