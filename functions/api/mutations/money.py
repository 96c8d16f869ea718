"""A centre's cash handed to the treasury, and a business day closed to postings (docs/money.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.money import DayStatementType, JournalEntryType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem

__all__ = ["MoneyMutations"]

RecordRemittanceResult = Annotated[
    JournalEntryType | ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem,
    strawberry.union("RecordRemittanceResult"),
]
CloseBusinessDayResult = Annotated[
    DayStatementType | ValidationProblem | ForbiddenProblem | NotFoundProblem,
    strawberry.union("CloseBusinessDayResult"),
]


@strawberry.input(name="RecordRemittanceInput")
class RecordRemittanceInput:
    amount: Decimal = strawberry.field(description="SAR handed over, from the centre's cash drawer.")
    reference: str = strawberry.field(description="The treasury's deposit slip number (4-32 letters, digits, -).")


@strawberry.type
class MoneyMutations:
    @strawberry.mutation(
        description="Centre staff: cash from your drawer handed to the treasury, under its deposit slip. The same "
        "slip again answers the first remittance; more than the drawer holds is REMITTANCE_EXCEEDS_CASH."
    )
    def record_remittance(
        self, info: Info[GraphQLContext, None], input: RecordRemittanceInput
    ) -> RecordRemittanceResult:
        context = info.context
        entry = context.use_cases.centre_money.record_remittance(context.caller, input.amount, input.reference)
        return JournalEntryType.of(entry)

    @strawberry.mutation(
        description="Close a Madinah business day that has ended to postings (corrections go on a later day). "
        "Centre staff close their own; the monitoring office any. Closing it again changes nothing."
    )
    def close_business_day(
        self, info: Info[GraphQLContext, None], day: date, centre_id: strawberry.ID | None = None
    ) -> CloseBusinessDayResult:
        context = info.context
        statement = context.use_cases.centre_money.close_day(context.caller, str(centre_id) if centre_id else None, day)
        return DayStatementType.of(statement)
