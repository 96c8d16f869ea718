"""SADAD bills in the main table (docs/money.md, docs/data-model.md):

* bill:   pk ``REQUEST#<id>`` sk ``BILL`` (read with the request's file); gsi1 ``SADAD#OPEN`` /
          ``<expires at>#<id>`` while it is open (the sweeper's list of bills to expire), then
          ``SADAD#PAID#<day paid>`` / ``<centre>#<id>`` once paid (the day's bills, for SADAD's report)
* claim:  pk ``SADADBILL#<number>`` sk ``BILL``: the request a bill number belongs to (unique)
"""

from __future__ import annotations

from datetime import date

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.madinah_time import business_day
from functions.domain.money import Money
from functions.domain.sadad import BillStatus, SadadBill
from functions.domain.settlement import BillClaim

__all__ = ["OPEN_BILLS", "BillClaimItem", "BillItem", "bill_claim_key", "paid_bills_of"]

OPEN_BILLS = "SADAD#OPEN"


def paid_bills_of(day: date) -> str:
    return f"SADAD#PAID#{day.isoformat()}"


def bill_claim_key(bill_number: str) -> str:
    return f"SADADBILL#{bill_number}"


class BillItem(MainTableItem):
    bill_number = UnicodeAttribute()
    request_id = UnicodeAttribute()
    centre_id = UnicodeAttribute()
    halalas = NumberAttribute()
    issued_at = UTCDateTimeAttribute()
    bill_expires_at = UTCDateTimeAttribute()
    status = UnicodeAttribute()
    paid_at = UTCDateTimeAttribute(null=True)
    bank_reference = UnicodeAttribute(null=True)
    settled_on = UnicodeAttribute(null=True)
    """The day of SADAD's end-of-day report that settled it (set by the reconciliation only)."""

    @classmethod
    def from_domain(cls, bill: SadadBill) -> BillItem:
        index: tuple[str | None, str | None] = (None, None)
        if bill.status is BillStatus.OPEN:
            index = (OPEN_BILLS, f"{bill.expires_at.isoformat()}#{bill.request_id}")
        elif bill.status is BillStatus.PAID and bill.paid_at is not None:
            index = (paid_bills_of(business_day(bill.paid_at)), f"{bill.centre_id}#{bill.request_id}")
        return cls(
            pk=f"REQUEST#{bill.request_id}",
            sk="BILL",
            gsi1pk=index[0],
            gsi1sk=index[1],
            bill_number=bill.bill_number,
            request_id=bill.request_id,
            centre_id=bill.centre_id,
            halalas=bill.amount.halalas,
            issued_at=bill.issued_at,
            bill_expires_at=bill.expires_at,
            status=bill.status.value,
            paid_at=bill.paid_at,
            bank_reference=bill.bank_reference,
        )

    def claim(self) -> BillClaim | None:
        """The bill as the reconciliation sees it: only a paid bill is in the ledger."""
        if self.status != BillStatus.PAID.value or self.paid_at is None:
            return None
        return BillClaim(
            bill_number=self.bill_number,
            centre_id=self.centre_id,
            request_id=self.request_id,
            amount=Money(int(self.halalas)),
            day=business_day(self.paid_at),
            settled_on=date.fromisoformat(self.settled_on) if self.settled_on else None,
        )

    def to_domain(self) -> SadadBill:
        return SadadBill(
            bill_number=self.bill_number,
            request_id=self.request_id,
            centre_id=self.centre_id,
            amount=Money(int(self.halalas)),
            issued_at=self.issued_at,
            expires_at=self.bill_expires_at,
            status=BillStatus(self.status),
            paid_at=self.paid_at,
            bank_reference=self.bank_reference,
        )


class BillClaimItem(MainTableItem):
    request_id = UnicodeAttribute()
