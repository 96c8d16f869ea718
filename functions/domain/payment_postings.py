"""What a request's payment posts to its centre's ledger: the filing, and the refund that reverses it.

The fee is owed to the treasury for the service's responsible agency: the first agency of its route
(the route snapshot the request carries, so a later catalogue edit never moves a posted fee).
"""

from __future__ import annotations

from datetime import datetime

from functions.domain.ledger import Channel, JournalEntry, PosSlip, filing_entry, refund_entry
from functions.domain.request import Payment, PaymentMethod, ServiceRequest

__all__ = ["channel_of", "filing_posting", "refund_posting", "slip_of"]

_CHANNELS = {
    PaymentMethod.CASH: Channel.CASH,
    PaymentMethod.MADA: Channel.MADA,
    PaymentMethod.CARD: Channel.MADA,
    PaymentMethod.SADAD: Channel.SADAD,
}


def channel_of(method: PaymentMethod) -> Channel:
    """Cards other than Mada are taken on the same terminal and settled by the same acquirer."""
    return _CHANNELS[method]


def slip_of(payment: Payment) -> PosSlip | None:
    if payment.terminal_id is None or payment.retrieval_reference is None:
        return None
    return PosSlip(payment.terminal_id, payment.retrieval_reference)


def filing_posting(request: ServiceRequest, payment: Payment) -> JournalEntry:
    slip = slip_of(payment)
    return filing_entry(
        centre_id=request.centre_id,
        request_id=request.request_id,
        fee_agency=request.route[0].steps[0].agency_code,
        fee=payment.fee,
        charge=payment.service_charge,
        channel=channel_of(payment.method),
        posted_at=payment.collected_at,
        reference=slip.retrieval_reference if slip else payment.bill_number,
    )


def refund_posting(request: ServiceRequest, payment: Payment, at: datetime) -> JournalEntry:
    return refund_entry(filing_posting(request, payment), at)
