"""Identity queries: `me`, a citizen's record, the operator's audited look-up, SMS, the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.identity import (
    AuditRecordType,
    CitizenRecordType,
    StaffProfileType,
)
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.sms import SmsMessageType
from functions.api.value_lengths import Cursor
from functions.domain.citizen import Citizen
from functions.domain.visibility import view_of

__all__ = ["IdentityQueries"]

MeResult = Annotated[
    CitizenRecordType | StaffProfileType | ForbiddenProblem | NotFoundProblem, strawberry.union("MeResult")
]
CitizenResult = Annotated[
    CitizenRecordType | NotFoundProblem | ForbiddenProblem | ValidationProblem, strawberry.union("CitizenResult")
]


@strawberry.type
class IdentityQueries:
    @strawberry.field(description="The signed-in person's own record (citizen) or profile (staff).")
    def me(self, info: Info[GraphQLContext, None]) -> MeResult:
        context = info.context
        record = context.use_cases.profiles.me(context.caller)
        if isinstance(record, Citizen):
            return CitizenRecordType.of(view_of(context.principal, record))
        return StaffProfileType.of(record)

    @strawberry.field(description="A citizen's record: the citizen, an operator of the opening centre, the monitor.")
    def citizen(self, info: Info[GraphQLContext, None], id: strawberry.ID) -> CitizenResult:
        context = info.context
        return CitizenRecordType.of(
            view_of(context.principal, context.use_cases.citizen_records.read_citizen(context.caller, str(id)))
        )

    @strawberry.field(description="Centre operators: find a citizen by ID number (every look-up is audited).")
    def lookup_citizen(self, info: Info[GraphQLContext, None], national_id: str) -> CitizenResult:
        context = info.context
        return CitizenRecordType.of(
            view_of(context.principal, context.use_cases.citizen_records.look_up_citizen(context.caller, national_id))
        )

    @strawberry.field(description="The signed-in citizen's SMS, newest first.")
    def my_notifications(
        self, info: Info[GraphQLContext, None], first: int = DEFAULT_PAGE_SIZE, after: Cursor = None
    ) -> PageType[SmsMessageType]:
        context = info.context
        page = context.use_cases.notifications.my_notifications(context.caller, page_request(first, after))
        return PageType.of(page, SmsMessageType.of)

    @strawberry.field(description="The monitoring office: audit records of one target or one actor, newest first.")
    def audit_trail(
        self,
        info: Info[GraphQLContext, None],
        *,
        since: datetime,
        until: datetime,
        target: str | None = None,
        actor: str | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[AuditRecordType]:
        context = info.context
        page = context.use_cases.audit_trail.read(
            context.caller, target_of=target, actor=actor, since=since, until=until, page=page_request(first, after)
        )
        return PageType.of(page, AuditRecordType.of)
