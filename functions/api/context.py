"""The per-request GraphQL context: who is asking, the use cases, and request-scoped loaders.

A new context (and so new loaders and caches) is built for every request: nothing cached for one
caller can be served to another in a warm Lambda container.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from functions.domain.catalogue import Agency
from functions.domain.principal import Principal
from functions.services.agency_window import AgencyWindow
from functions.services.audit_trail import AuditTrail
from functions.services.caller import Caller
from functions.services.catalogue import CatalogueService
from functions.services.centre_desk import CentreDesk
from functions.services.citizen_records import CitizenRecords
from functions.services.notifications import Notifications
from functions.services.profiles import Profiles
from functions.services.request_documents import RequestDocuments
from functions.services.request_submission import RequestSubmission
from functions.services.request_tracking import RequestTracking
from functions.services.sign_in import SignIn
from functions.services.staff_accounts import StaffAccounts

__all__ = ["GraphQLContext", "Resolvers"]


@dataclass(frozen=True)
class Resolvers:
    """The use cases the resolvers may call; built once by the composition root."""

    catalogue: CatalogueService
    citizen_records: CitizenRecords
    sign_in: SignIn
    profiles: Profiles
    staff_accounts: StaffAccounts
    audit_trail: AuditTrail
    notifications: Notifications
    request_submission: RequestSubmission
    agency_window: AgencyWindow
    centre_desk: CentreDesk
    request_tracking: RequestTracking
    request_documents: RequestDocuments


@dataclass
class GraphQLContext:
    use_cases: Resolvers
    correlation_id: str
    principal: Principal
    agencies: DataLoader[str, Agency | None] = field(init=False)

    def __post_init__(self) -> None:
        self.agencies = DataLoader(load_fn=self._load_agencies)

    @property
    def caller(self) -> Caller:
        return Caller(self.principal, self.correlation_id)

    async def _load_agencies(self, codes: list[str]) -> list[Agency | None]:
        found = await asyncio.to_thread(self.use_cases.catalogue.get_agencies, codes)
        return [found.get(code) for code in codes]
