"""SADAD bills in the main table (docs/money.md, docs/data-model.md):

* bill:   pk ``REQUEST#<id>`` sk ``BILL`` (read with the request's file); gsi1 ``SADAD#OPEN`` /
          ``<expires at>#<id>`` while it is open (the sweeper's list of bills to expire)
* claim:  pk ``SADADBILL#<number>`` sk ``BILL``: the request a bill number belongs to (unique)
"""

from __future__ import annotations

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from functions.adapters.dynamodb.main_table import MainTableItem
from functions.domain.money import Money
from functions.domain.sadad import BillStatus, SadadBill

__all__ = ["OPEN_BILLS", "BillClaimItem", "BillItem", "bill_claim_key"]

OPEN_BILLS = "SADAD#OPEN"


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

    @classmethod
    def from_domain(cls, bill: SadadBill) -> BillItem:
        is_open = bill.status is BillStatus.OPEN
        return cls(
            pk=f"REQUEST#{bill.request_id}",
            sk="BILL",
            gsi1pk=OPEN_BILLS if is_open else None,
            gsi1sk=f"{bill.expires_at.isoformat()}#{bill.request_id}" if is_open else None,
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
