"""The centres' money: statements, balances and the day's journal for the centre and the monitoring
office; remittances to the treasury; closing a day (docs/money.md).

Filings and refunds post themselves, in their own transactions (``request_updates``, ``centre_desk``);
here is what a person asks of the ledger. A centre reads its own; another centre's reads as not found.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from functions.domain.audit import Outcome, target
from functions.domain.errors import Conflict, ErrorCode, NotFound, ValidationFailed
from functions.domain.figures import Period
from functions.domain.ledger import AccountBalance, JournalEntry, remittance_entry, remittance_reference
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.domain.paging import Page, PageRequest
from functions.domain.policy import Operation, Owner
from functions.domain.principal import Role
from functions.domain.settlement import Discrepancy
from functions.domain.statement import DayStatement
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import Caller
from functions.services.money_ports import Ledger, Settlements
from functions.services.ports import CentreRepository, Clock

__all__ = ["CentreMoney"]


class CentreMoney:
    def __init__(
        self,
        *,
        ledger: Ledger,
        settlements: Settlements,
        centres: CentreRepository,
        auditor: Auditor,
        authorizer: Authorizer,
        clock: Clock,
    ) -> None:
        self._ledger = ledger
        self._settlements = settlements
        self._centres = centres
        self._auditor = auditor
        self._authorizer = authorizer
        self._clock = clock

    def statements(self, caller: Caller, centre_id: str | None, since: date, until: date) -> list[DayStatement]:
        """Every day of the period, in order; a day nothing was posted on reads as zeros."""
        centre = self._readable(caller, Operation.READ_CENTRE_MONEY, centre_id)
        period = Period(since, until)
        kept = {statement.day: statement for statement in self._ledger.statements(centre, since, until)}
        return [kept.get(day, DayStatement(centre, day)) for day in period.days_in()]

    def balances(self, caller: Caller, centre_id: str | None) -> list[AccountBalance]:
        centre = self._readable(caller, Operation.READ_CENTRE_MONEY, centre_id)
        return sorted(self._ledger.balances(centre), key=lambda balance: balance.account.key)

    def journal(self, caller: Caller, centre_id: str | None, day: date, page: PageRequest) -> Page[JournalEntry]:
        centre = self._readable(caller, Operation.READ_CENTRE_MONEY, centre_id)
        return self._ledger.journal(centre, day, page)

    def discrepancies(
        self, caller: Caller, centre_id: str | None, since: date, until: date, page: PageRequest
    ) -> Page[Discrepancy]:
        """What reconciling the settlement files found: one centre's, or (the monitoring office, no centre
        named) the region's, slips in no ledger included."""
        Period(since, until)
        if centre_id is None and caller.principal.role is Role.MONITOR:
            self._authorizer.authorize(caller, Operation.READ_CENTRE_MONEY, target("region", "MADINAH"))
            return self._settlements.discrepancies(None, since, until, page)
        centre = self._readable(caller, Operation.READ_CENTRE_MONEY, centre_id)
        return self._settlements.discrepancies(centre, since, until, page)

    def record_remittance(self, caller: Caller, amount: Decimal, reference: str) -> JournalEntry:
        """Cash from the drawer handed to the treasury under its deposit slip; the same slip twice is one
        remittance (the first one is answered)."""
        centre = self._readable(caller, Operation.RECORD_REMITTANCE, None)
        entry = remittance_entry(
            centre_id=centre,
            amount=_amount(amount),
            reference=remittance_reference(reference),
            posted_at=self._clock.now(),
        )
        earlier = self._ledger.entry(centre, entry.entry_id)
        if earlier is not None:
            return _same_remittance(earlier, entry)
        audit = self._auditor.record(
            caller,
            Operation.RECORD_REMITTANCE.value,
            target("centre", centre),
            Outcome.ALLOWED,
            {"reference": entry.reference or "", "halalas": str(entry.amount.halalas)},
        )
        if not self._ledger.post(entry, audit):
            return _same_remittance(self._ledger.entry(centre, entry.entry_id) or entry, entry)
        return entry

    def close_day(self, caller: Caller, centre_id: str | None, day: date) -> DayStatement:
        """A day that has ended in Madinah closes to postings; corrections go on a later day."""
        centre = self._readable(caller, Operation.CLOSE_BUSINESS_DAY, centre_id)
        now = self._clock.now()
        if day >= business_day(now):
            raise ValidationFailed(ErrorCode.DAY_NOT_OVER, field="day")
        audit = self._auditor.record(
            caller,
            Operation.CLOSE_BUSINESS_DAY.value,
            target("centre", centre),
            Outcome.ALLOWED,
            {"day": day.isoformat()},
        )
        return self._ledger.close_day(centre, day, caller.principal.user_id, now, audit)

    def _readable(self, caller: Caller, operation: Operation, centre_id: str | None) -> str:
        """The centre asked about (an operator's own, when none is named), once the caller may act on it."""
        centre = centre_id or caller.principal.centre_id or ""
        self._authorizer.authorize(caller, operation, target("centre", centre), Owner(centre_id=centre))
        if self._centres.get_centre(centre) is None:
            raise NotFound(field="centreId")
        return centre


def _amount(amount: Decimal) -> Money:
    try:
        return Money.sar(amount)
    except ValidationFailed as error:
        raise ValidationFailed(ErrorCode.AMOUNT_INVALID, field="amount") from error


def _same_remittance(earlier: JournalEntry, asked: JournalEntry) -> JournalEntry:
    if earlier.amount != asked.amount:
        raise Conflict(ErrorCode.REMITTANCE_REFERENCE_USED, field="reference")
    return earlier
