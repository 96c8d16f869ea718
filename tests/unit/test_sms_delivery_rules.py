"""The rules a delivery receipt follows (functions/domain/sms_delivery.py): statuses only move forward,
receipts of other attempts and repeats change nothing, retries back off within their window."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms import SmsTemplate
from functions.domain.sms_delivery import (
    CallListEntry,
    DeliveryReceipt,
    ReceiptOutcome,
    call_id_of,
    decide_receipt,
    decide_send_failure,
    sending,
)
from functions.domain.sms_retry import RetryPolicy

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
POLICY = RetryPolicy(window=timedelta(hours=1), first_delay=timedelta(minutes=1), longest_delay=timedelta(minutes=8))
S = DeliveryStatus


def sent(**changes: object) -> Notification:
    recorded = Notification("cit-1", "REQ#r1#SUBMITTED", SmsTemplate.REQUEST_SUBMITTED, {"tracking": "T-1"}, T0)
    return replace(sending(recorded, "text", "sns", "m-1", T0), centre_id="MED-C01", **changes)  # type: ignore[arg-type]


def receipt(status: DeliveryStatus, message_id: str = "m-1", provider: str = "sns") -> DeliveryReceipt:
    return DeliveryReceipt(provider, message_id, status, f"said {status.value}", T0 + timedelta(seconds=5))


def test_a_delivered_receipt_delivers_with_the_providers_reason_and_time() -> None:
    decision = decide_receipt(sent(), receipt(S.DELIVERED), POLICY, T0)
    assert decision.outcome is ReceiptOutcome.DELIVERED
    assert decision.notification is not None
    assert (decision.notification.status, decision.notification.status_reason) == (S.DELIVERED, "said DELIVERED")
    assert decision.notification.status_at == T0 + timedelta(seconds=5)


def test_a_receipt_for_an_unknown_message_changes_nothing() -> None:
    assert decide_receipt(None, receipt(S.DELIVERED), POLICY, T0).outcome is ReceiptOutcome.UNKNOWN_MESSAGE


@pytest.mark.parametrize(("message_id", "provider"), [("m-0", "sns"), ("m-1", "aggregator")])
def test_a_receipt_for_another_attempt_or_provider_is_superseded(message_id: str, provider: str) -> None:
    decision = decide_receipt(sent(), receipt(S.PERMANENT_FAILURE, message_id, provider), POLICY, T0)
    assert (decision.outcome, decision.changes) == (ReceiptOutcome.SUPERSEDED, False)


@pytest.mark.parametrize(
    ("current", "late"),
    [
        (S.DELIVERED, S.SENDING),
        (S.DELIVERED, S.TEMPORARY_FAILURE),
        (S.DELIVERED, S.PERMANENT_FAILURE),
        (S.PERMANENT_FAILURE, S.DELIVERED),
        (S.TEMPORARY_FAILURE, S.SENDING),
        (S.TECHNICAL_FAILURE, S.TEMPORARY_FAILURE),
    ],
)
def test_a_late_or_out_of_order_receipt_changes_nothing(current: DeliveryStatus, late: DeliveryStatus) -> None:
    decision = decide_receipt(sent(status=current), receipt(late), POLICY, T0)
    assert (decision.outcome, decision.changes) == (ReceiptOutcome.STALE, False)


@pytest.mark.parametrize("status", [S.SENDING, S.DELIVERED, S.PERMANENT_FAILURE, S.TEMPORARY_FAILURE])
def test_the_same_receipt_twice_is_a_duplicate(status: DeliveryStatus) -> None:
    first = decide_receipt(sent(), receipt(status), POLICY, T0)
    again = decide_receipt(first.notification or sent(), receipt(status), POLICY, T0)
    assert (again.outcome, again.changes) == (ReceiptOutcome.DUPLICATE, False)


def test_a_temporary_failure_is_retried_after_a_doubling_backoff() -> None:
    first = decide_receipt(sent(), receipt(S.TEMPORARY_FAILURE), POLICY, T0)
    assert first.outcome is ReceiptOutcome.RETRY_SCHEDULED
    assert first.notification is not None
    assert first.notification.next_attempt_at == T0 + timedelta(minutes=1)
    third = decide_receipt(sent(attempts=3), receipt(S.TEMPORARY_FAILURE), POLICY, T0)
    assert third.notification is not None
    assert third.notification.next_attempt_at == T0 + timedelta(minutes=4)
    assert POLICY.delay_after(10) == timedelta(minutes=8)


def test_a_later_delivery_of_the_same_attempt_cancels_its_retry() -> None:
    failed = decide_receipt(sent(), receipt(S.TEMPORARY_FAILURE), POLICY, T0).notification
    assert failed is not None
    delivered = decide_receipt(failed, receipt(S.DELIVERED), POLICY, T0)
    assert delivered.notification is not None
    assert (delivered.notification.status, delivered.notification.next_attempt_at) == (S.DELIVERED, None)


def test_a_temporary_failure_past_the_window_goes_on_the_call_list() -> None:
    late = T0 + timedelta(minutes=59, seconds=30)
    decision = decide_receipt(sent(), receipt(S.TEMPORARY_FAILURE), POLICY, late)
    assert decision.outcome is ReceiptOutcome.CALL_LIST
    assert decision.notification is not None
    assert (decision.notification.on_call_list, decision.notification.next_attempt_at) == (True, None)


def test_a_permanent_failure_goes_on_the_call_list_at_once() -> None:
    decision = decide_receipt(sent(), receipt(S.PERMANENT_FAILURE), POLICY, T0)
    assert decision.outcome is ReceiptOutcome.CALL_LIST
    assert decision.notification is not None
    call = CallListEntry.of(decision.notification, T0)
    assert (call.centre_id, call.tracking_number, call.status, call.reason) == (
        "MED-C01",
        "T-1",
        S.PERMANENT_FAILURE,
        "said PERMANENT_FAILURE",
    )
    assert call.call_id == call_id_of("cit-1", "REQ#r1#SUBMITTED") != call_id_of("cit-1", "REQ#r1#COMPLETED")


def test_a_retry_no_provider_takes_is_a_technical_failure_retried_in_the_window() -> None:
    failed = sent(status=S.TEMPORARY_FAILURE, next_attempt_at=T0)
    decision = decide_send_failure(failed, "no provider", POLICY, T0)
    assert decision.outcome is ReceiptOutcome.RETRY_SCHEDULED
    assert decision.notification is not None
    assert decision.notification.status is S.TECHNICAL_FAILURE
    assert (
        decide_send_failure(failed, "no provider", POLICY, T0 + timedelta(hours=2)).outcome is ReceiptOutcome.CALL_LIST
    )
