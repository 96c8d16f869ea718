"""The catalogue on DynamoDB: agencies and services by code, lists through gsi1, never a Scan."""

from __future__ import annotations

from collections.abc import Callable

from pynamodb.exceptions import DoesNotExist
from pynamodb.transactions import TransactWrite

from functions.adapters.dynamodb.audit_log import DynamoAuditLog
from functions.adapters.dynamodb.catalogue_items import (
    AGENCIES_PARTITION,
    AGENCY_SORT,
    LINK_PREFIX,
    SERVICE_SORT,
    SERVICES_PARTITION,
    AgencyItem,
    AgencyServiceLink,
    ServiceItem,
    agency_key,
    service_key,
)
from functions.adapters.dynamodb.table import TableBinding
from functions.domain.audit import AuditRecord
from functions.domain.catalogue import Agency, Service, is_code
from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.paging import Page, PageRequest

__all__ = ["DynamoCatalogueRepository"]


class DynamoCatalogueRepository:
    def __init__(self, table: TableBinding, audit: DynamoAuditLog) -> None:
        self._table = table
        self._audit = audit
        self._agencies = table.bind(AgencyItem)
        self._services = table.bind(ServiceItem)
        self._links = table.bind(AgencyServiceLink)

    def get_agency(self, code: str) -> Agency | None:
        try:
            return self._agencies.get(agency_key(code), AGENCY_SORT).to_domain()
        except DoesNotExist:
            return None

    def get_agencies(self, codes: list[str]) -> dict[str, Agency]:
        keys = [(agency_key(code), AGENCY_SORT) for code in dict.fromkeys(codes)]
        found = (item.to_domain() for item in self._agencies.batch_get(keys))
        return {agency.code: agency for agency in found}

    def list_agencies(self, page: PageRequest) -> Page[Agency]:
        start = _listing_key(agency_key, AGENCY_SORT, AGENCIES_PARTITION, page.after)
        results = self._agencies.gsi1.query(AGENCIES_PARTITION, limit=page.size, last_evaluated_key=start)
        items = [item.to_domain() for item in results]
        return Page(items, items[-1].code if results.last_evaluated_key else None)

    def get_service(self, code: str) -> Service | None:
        try:
            return self._services.get(service_key(code), SERVICE_SORT).to_domain()
        except DoesNotExist:
            return None

    def get_services(self, codes: list[str]) -> dict[str, Service]:
        keys = [(service_key(code), SERVICE_SORT) for code in dict.fromkeys(codes)]
        found = (item.to_domain() for item in self._services.batch_get(keys))
        return {service.code: service for service in found}

    def list_services(self, page: PageRequest, agency_code: str | None = None) -> Page[Service]:
        if agency_code is None:
            start = _listing_key(service_key, SERVICE_SORT, SERVICES_PARTITION, page.after)
            results = self._services.gsi1.query(SERVICES_PARTITION, limit=page.size, last_evaluated_key=start)
            items = [item.to_domain() for item in results]
            return Page(items, items[-1].code if results.last_evaluated_key else None)
        partition = agency_key(agency_code)
        links = self._links.query(
            partition,
            self._links.sk.startswith(LINK_PREFIX),
            limit=page.size,
            last_evaluated_key=_link_key(partition, page.after),
        )
        codes = [link.service_code for link in links]
        services = self.get_services(codes)
        next_code = codes[-1] if codes and links.last_evaluated_key else None
        return Page([services[code] for code in codes if code in services], next_code)

    def put_agency(self, agency: Agency, audit: AuditRecord) -> None:
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.save(self._agencies.from_domain(agency))
            self._audit.add_to(transaction, audit)

    def put_service(self, service: Service, audit: AuditRecord) -> None:
        """The service and its agency links change together: a route edit never leaves stale links."""
        previous = self.get_service(service.code)
        stale = set(previous.agency_codes if previous else ()) - set(service.agency_codes)
        with TransactWrite(connection=self._table.connection()) as transaction:
            transaction.save(self._services.from_domain(service))
            for code in service.agency_codes:
                transaction.save(self._links.for_pair(code, service.code))
            for code in stale:
                transaction.delete(self._links.for_pair(code, service.code))
            self._audit.add_to(transaction, audit)


def _checked(after: str) -> str:
    if not is_code(after):
        raise ValidationFailed(ErrorCode.BAD_CURSOR, field="after")
    return after


def _listing_key(
    item_key: Callable[[str], str], sort: str, partition: str, after: str | None
) -> dict[str, dict[str, str]] | None:
    """Catalogue lists page by code: the start key of the item with that code in gsi1."""
    if after is None:
        return None
    code = _checked(after)
    return {"pk": {"S": item_key(code)}, "sk": {"S": sort}, "gsi1pk": {"S": partition}, "gsi1sk": {"S": code}}


def _link_key(partition: str, after: str | None) -> dict[str, dict[str, str]] | None:
    if after is None:
        return None
    return {"pk": {"S": partition}, "sk": {"S": f"{LINK_PREFIX}{_checked(after)}"}}
