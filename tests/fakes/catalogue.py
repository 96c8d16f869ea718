"""An in-memory catalogue repository that records what was written and read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from functions.domain.audit import AuditRecord
from functions.domain.catalogue import Agency, Service
from functions.domain.paging import Page, PageRequest

T = TypeVar("T")


@dataclass
class InMemoryCatalogueRepository:
    agencies: dict[str, Agency] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    writes: list[str] = field(default_factory=list)
    reads: int = 0

    def get_agency(self, code: str) -> Agency | None:
        self.reads += 1
        return self.agencies.get(code)

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]:
        self.reads += 1
        return {code: self.agencies[code] for code in codes if code in self.agencies}

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        self.reads += 1
        return _page(sorted(self.agencies.values(), key=lambda a: a.code), page, lambda a: a.code)

    def get_service(self, code: str) -> Service | None:
        self.reads += 1
        return self.services.get(code)

    def get_services(self, codes: list[str]) -> dict[str, Service]:
        self.reads += 1
        return {code: self.services[code] for code in codes if code in self.services}

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]:
        self.reads += 1
        services = sorted(self.services.values(), key=lambda s: s.code)
        if agency_code is not None:
            services = [s for s in services if agency_code in s.agency_codes]
        return _page(services, page, lambda s: s.code)

    def put_agency(self, agency: Agency, audit: AuditRecord) -> None:
        self.writes.append(f"agency:{agency.code}")
        self.agencies[agency.code] = agency

    def put_service(self, service: Service, audit: AuditRecord) -> None:
        self.writes.append(f"service:{service.code}")
        self.services[service.code] = service


def _page(items: list[T], page: PageRequest, code_of: Callable[[T], str]) -> Page[T]:
    if page.after is not None:
        items = [item for item in items if code_of(item) > page.after]
    chosen = items[: page.size]
    more = len(items) > page.size
    return Page(chosen, code_of(chosen[-1]) if more and chosen else None)
