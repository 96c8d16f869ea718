"""Centre operators: a call on the call list made (audited; the same call twice changes nothing)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.types.sms import CallListEntryType
from functions.api.value_lengths import OptionalFreeText

__all__ = ["CallListMutations"]

MarkCallDoneResult = Annotated[
    CallListEntryType | NotFoundProblem | ForbiddenProblem | ValidationProblem, strawberry.union("MarkCallDoneResult")
]


@strawberry.type
class CallListMutations:
    @strawberry.mutation(
        description="Centre operators: you called the citizen (reached or not: say so in the note); the call "
        "leaves your open list. Another centre's call is NOT_FOUND; marking it again returns it unchanged."
    )
    def mark_call_done(
        self, info: Info[GraphQLContext, None], call_id: strawberry.ID, note: OptionalFreeText = None
    ) -> MarkCallDoneResult:
        context = info.context
        return CallListEntryType.of(context.use_cases.call_list.mark_done(context.caller, str(call_id), note))
