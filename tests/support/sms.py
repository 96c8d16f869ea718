"""SMS helpers for the tests: the carrier's word on an SMS that went out (docs/sms.md)."""

from __future__ import annotations

from datetime import UTC, datetime

from functions.bootstrap import Container
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms_delivery import DeliveryReceipt, ReceiptOutcome, call_id_of
from functions.local.simulated_carrier import SimulatedCarrier


def fail_permanently(container: Container, sms: Notification) -> str:
    """The carrier says the number does not exist: the SMS lands on its centre's call list (the call's id)."""
    assert sms.provider is not None
    assert sms.provider_message_id is not None
    receipt = DeliveryReceipt(
        sms.provider,
        sms.provider_message_id,
        DeliveryStatus.PERMANENT_FAILURE,
        "Invalid phone number",
        datetime.now(UTC),
    )
    container.use_cases.sms_delivery.record_receipt(receipt)
    return call_id_of(sms.citizen_id, sms.event_key)


def carrier_answers(container: Container, carrier: SimulatedCarrier, sms: Notification, to: str) -> ReceiptOutcome:
    """The simulated carrier's word on the SMS's latest attempt to ``to`` (E.164), applied as its receipt."""
    assert sms.provider is not None
    assert sms.provider_message_id is not None
    outcome = carrier.outcome(to)
    receipt = DeliveryReceipt(sms.provider, sms.provider_message_id, outcome.status, outcome.reason, datetime.now(UTC))
    return container.use_cases.sms_delivery.record_receipt(receipt)
