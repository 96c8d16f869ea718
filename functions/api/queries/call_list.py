"""Centre operators: the citizens to call because an SMS never reached them (docs/sms.md)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem
from functions.api.types.sms import CallListEntryType, CallNumberType
from functions.api.value_lengths import Cursor

__all__ = ["CallListQueries"]

CallNumberResult = Annotated[CallNumberType | NotFoundProblem | ForbiddenProblem, strawberry.union("CallNumberResult")]


@strawberry.type
class CallListQueries:
    @strawberry.field(
        description="Centre operators: your centre's call list, oldest first: the open calls (or, with "
        "`done: true`, those made)."
    )
    def call_list(
        self, info: Info[GraphQLContext, None], done: bool = False, first: int = DEFAULT_PAGE_SIZE, after: Cursor = None
    ) -> PageType[CallListEntryType]:
        context = info.context
        page = context.use_cases.call_list.calls(context.caller, done, page_request(first, after))
        return PageType.of(page, CallListEntryType.of)

    @strawberry.field(
        description="Centre operators: the full number of a citizen on your call list, to call them now (audited)."
    )
    def call_number(self, info: Info[GraphQLContext, None], call_id: strawberry.ID) -> CallNumberResult:
        context = info.context
        mobile = context.use_cases.call_list.number(context.caller, str(call_id))
        return CallNumberType(call_id=call_id, mobile=mobile.e164)
