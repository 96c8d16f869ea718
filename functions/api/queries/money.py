"""The centres' money: a centre reads its own statements, balances and journal; the monitoring office
reads any centre's (docs/money.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.paging import DEFAULT_PAGE_SIZE, PageType, page_request
from functions.api.types.money import AccountBalanceType, DayStatementType, DiscrepancyType, JournalEntryType
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.value_lengths import Cursor
from functions.domain.ledger import AccountKind
from functions.domain.statement import statements_csv

__all__ = ["MoneyQueries"]

CENTRE = "The centre (a centre's staff may leave it out: their own)."


@strawberry.type(name="CentreStatements", description="A centre's day statements over a period, day by day.")
class CentreStatementsType:
    centre_id: strawberry.ID
    days: list[DayStatementType]
    csv: str = strawberry.field(
        description="The same days as a CSV file (version 1, docs/money.md): one row per day, SAR amounts."
    )


@strawberry.type(name="CentreLedger", description="A centre's ledger accounts and their balances, read in one go.")
class CentreLedgerType:
    centre_id: strawberry.ID
    accounts: list[AccountBalanceType]
    cash_in_drawer: Decimal = strawberry.field(description="What the cash drawer should hold now, SAR.")


CentreStatementsResult = Annotated[
    CentreStatementsType | NotFoundProblem | ForbiddenProblem | ValidationProblem,
    strawberry.union("CentreStatementsResult"),
]
CentreLedgerResult = Annotated[
    CentreLedgerType | NotFoundProblem | ForbiddenProblem, strawberry.union("CentreLedgerResult")
]


@strawberry.type
class MoneyQueries:
    @strawberry.field(
        description="A centre's statement for each Madinah business day of a period (at most 92 days), with the "
        "CSV to download."
    )
    def centre_statements(
        self,
        info: Info[GraphQLContext, None],
        from_: Annotated[date, strawberry.argument(name="from", description="The first day, Madinah's.")],
        to: Annotated[date, strawberry.argument(description="The last day, included.")],
        centre_id: Annotated[strawberry.ID | None, strawberry.argument(description=CENTRE)] = None,
    ) -> CentreStatementsResult:
        context = info.context
        days = context.use_cases.centre_money.statements(
            context.caller, str(centre_id) if centre_id else None, from_, to
        )
        centre = days[0].centre_id
        return CentreStatementsType(
            centre_id=strawberry.ID(centre), days=[DayStatementType.of(day) for day in days], csv=statements_csv(days)
        )

    @strawberry.field(description="A centre's ledger accounts with their balances.")
    def centre_ledger(
        self,
        info: Info[GraphQLContext, None],
        centre_id: Annotated[strawberry.ID | None, strawberry.argument(description=CENTRE)] = None,
    ) -> CentreLedgerResult:
        context = info.context
        chosen = str(centre_id) if centre_id else None
        balances = context.use_cases.centre_money.balances(context.caller, chosen)
        drawer = sum(b.halalas for b in balances if b.account.kind is AccountKind.CASH_DRAWER)
        return CentreLedgerType(
            centre_id=strawberry.ID(chosen or context.caller.principal.centre_id or ""),
            accounts=[AccountBalanceType.of(balance) for balance in balances],
            cash_in_drawer=(Decimal(drawer) / 100).quantize(Decimal("0.01")),
        )

    @strawberry.field(description="A centre's journal of one business day, in the order it was posted.")
    def centre_journal(
        self,
        info: Info[GraphQLContext, None],
        day: date,
        centre_id: Annotated[strawberry.ID | None, strawberry.argument(description=CENTRE)] = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[JournalEntryType]:
        context = info.context
        page = context.use_cases.centre_money.journal(
            context.caller, str(centre_id) if centre_id else None, day, page_request(first, after)
        )
        return PageType.of(page, JournalEntryType.of)

    @strawberry.field(
        description="What reconciling the acquirer's settlement files found, by the slips' day (at most 92 days): "
        "a centre's own; the monitoring office names a centre, or none for the whole region."
    )
    def settlement_discrepancies(
        self,
        info: Info[GraphQLContext, None],
        from_: Annotated[date, strawberry.argument(name="from", description="The first day, Madinah's.")],
        to: Annotated[date, strawberry.argument(description="The last day, included.")],
        centre_id: Annotated[strawberry.ID | None, strawberry.argument(description=CENTRE)] = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: Cursor = None,
    ) -> PageType[DiscrepancyType]:
        context = info.context
        page = context.use_cases.centre_money.discrepancies(
            context.caller, str(centre_id) if centre_id else None, from_, to, page_request(first, after)
        )
        return PageType.of(page, DiscrepancyType.of)
