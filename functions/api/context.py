"""The per-request GraphQL context: who is asking, the use cases, and request-scoped loaders.

A new context (and so new loaders and caches) is built for every request: nothing cached for one
caller can be served to another in a warm Lambda container.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from strawberry.dataloader import DataLoader

from functions.domain.principal import Principal
from functions.services.caller import Caller

if TYPE_CHECKING:
    from functions.domain.catalogue import Agency
    from functions.services.agency_window import AgencyWindow
    from functions.services.audit_trail import AuditTrail
    from functions.services.business_calendars import BusinessCalendars
    from functions.services.call_list import CallList
    from functions.services.catalogue import CatalogueService
    from functions.services.centre_desk import CentreDesk
    from functions.services.centre_licensing import CentreLicensing
    from functions.services.centre_money import CentreMoney
    from functions.services.citizen_feedback import CitizenFeedback
    from functions.services.citizen_records import CitizenRecords
    from functions.services.escalations import Escalations
    from functions.services.inspections import Inspections
    from functions.services.notifications import Notifications
    from functions.services.performance import Performance
    from functions.services.profiles import Profiles
    from functions.services.request_documents import RequestDocuments
    from functions.services.request_submission import RequestSubmission
    from functions.services.request_tracking import RequestTracking
    from functions.services.sign_in import SignIn
    from functions.services.staff_accounts import StaffAccounts

__all__ = ["GraphQLContext", "Resolvers"]


class Resolvers(Protocol):
    """The use cases the resolvers may call, and nothing else of the composition root. Its ``UseCases``
    (``functions/bootstrap.py``) provide each one when first used, so a request builds only what it
    needs (a cold start pays for the catalogue, not for Cognito's client)."""

    @property
    def catalogue(self) -> CatalogueService: ...

    @property
    def citizen_records(self) -> CitizenRecords: ...

    @property
    def business_calendars(self) -> BusinessCalendars: ...

    @property
    def sign_in(self) -> SignIn: ...

    @property
    def profiles(self) -> Profiles: ...

    @property
    def staff_accounts(self) -> StaffAccounts: ...

    @property
    def audit_trail(self) -> AuditTrail: ...

    @property
    def notifications(self) -> Notifications: ...

    @property
    def call_list(self) -> CallList: ...

    @property
    def centre_money(self) -> CentreMoney: ...

    @property
    def request_submission(self) -> RequestSubmission: ...

    @property
    def agency_window(self) -> AgencyWindow: ...

    @property
    def centre_desk(self) -> CentreDesk: ...

    @property
    def request_tracking(self) -> RequestTracking: ...

    @property
    def centre_licensing(self) -> CentreLicensing: ...

    @property
    def inspections(self) -> Inspections: ...

    @property
    def performance(self) -> Performance: ...

    @property
    def escalations(self) -> Escalations: ...

    @property
    def citizen_feedback(self) -> CitizenFeedback: ...

    @property
    def request_documents(self) -> RequestDocuments: ...


@dataclass
class GraphQLContext:
    use_cases: Resolvers
    correlation_id: str
    principal: Principal
    session: str | None = field(default=None, repr=False)
    """The caller's verified access token (see ``Caller.session``); never returned nor logged."""
    source: str | None = None
    """The client's address as the server saw it (see ``Caller.source``)."""
    served_alone: bool = False
    """Served alone on its event loop (Lambda, through Mangum: one invocation at a time): a root field with
    no other beside it runs on the loop, not in a worker thread (``functions/api/root_fields.py``)."""
    agencies: DataLoader[str, Agency | None] = field(init=False)

    def __post_init__(self) -> None:
        self.agencies = DataLoader(load_fn=self._load_agencies)

    @property
    def caller(self) -> Caller:
        return Caller(self.principal, self.correlation_id, self.session, self.source)

    async def _load_agencies(self, codes: list[str]) -> list[Agency | None]:
        found = await asyncio.to_thread(self.use_cases.catalogue.get_agencies, codes)
        return [found.get(code) for code in codes]
