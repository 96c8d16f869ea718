"""SMS after they went, on the fakes: receipts applied once, temporary failures retried with backoff,
failures on the centre's call list (read and cleared by its own operators only), and the aggregator's
signed delivery reports (docs/sms.md)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from functions.domain.errors import ErrorCode, Forbidden, NotFound, Unauthenticated, ValidationFailed
from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.sms_delivery import DeliveryReceipt, ReceiptOutcome
from functions.domain.sms_retry import RetryPolicy
from functions.local.fake_aggregator import FakeAggregator
from functions.services.caller import Caller
from functions.settings import UseCaseSettings
from tests.fakes.identity import IdentityWorld
from tests.unit.test_identity_use_cases import OPERATOR, OTHER_OPERATOR, form

SECRET = "shared-report-secret"
POLICY = RetryPolicy(window=timedelta(hours=1), first_delay=timedelta(minutes=1), longest_delay=timedelta(minutes=8))
S = DeliveryStatus


@pytest.fixture
def world() -> IdentityWorld:
    return IdentityWorld(
        settings=UseCaseSettings(subscriptions_per_connection=3, sms_retry=POLICY, sms_report_secret=SECRET)
    )


def opened_and_sent(world: IdentityWorld) -> Notification:
    citizen = world.records.open_citizen_record(OPERATOR, form()).citizen
    sent = world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert sent is not None
    assert sent.status is S.SENDING
    return sent


def stored(world: IdentityWorld, sms: Notification) -> Notification:
    current = world.notification_store.get_notification(sms.citizen_id, sms.event_key)
    assert current is not None
    return current


def receipt_for(sms: Notification, status: DeliveryStatus, reason: str = "carrier says so") -> DeliveryReceipt:
    assert sms.provider is not None
    assert sms.provider_message_id is not None
    return DeliveryReceipt(sms.provider, sms.provider_message_id, status, reason, sms.sent_at or sms.created_at)


def test_a_delivered_receipt_is_applied_once(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    assert world.sms_delivery.record_receipt(receipt_for(sms, S.DELIVERED)) is ReceiptOutcome.DELIVERED
    assert world.sms_delivery.record_receipt(receipt_for(sms, S.DELIVERED)) is ReceiptOutcome.DUPLICATE
    assert world.sms_delivery.record_receipt(receipt_for(sms, S.SENDING)) is ReceiptOutcome.STALE
    assert stored(world, sms).status is S.DELIVERED
    assert world.notification_store.calls.calls == {}


def test_a_receipt_nobody_sent_changes_nothing(world: IdentityWorld) -> None:
    opened_and_sent(world)
    before = dict(world.notification_store.items)
    unknown = DeliveryReceipt("sns", "never-sent", S.PERMANENT_FAILURE, "Invalid phone number", world.clock.at)
    assert world.sms_delivery.record_receipt(unknown) is ReceiptOutcome.UNKNOWN_MESSAGE
    assert world.notification_store.items == before


def test_a_temporary_failure_is_sent_again_after_its_backoff_and_then_delivered(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    assert world.sms_delivery.record_receipt(receipt_for(sms, S.TEMPORARY_FAILURE)) is ReceiptOutcome.RETRY_SCHEDULED
    assert world.sms_delivery.retry_due() == 0  # not yet: the first backoff is a minute
    world.clock.at += timedelta(minutes=1, seconds=1)
    assert world.sms_delivery.retry_due() == 1
    again = stored(world, sms)
    assert (again.status, again.attempts, len(world.sms.sent)) == (S.SENDING, 2, 2)
    assert again.provider_message_id != sms.provider_message_id
    assert world.sms_delivery.record_receipt(receipt_for(sms, S.DELIVERED)) is ReceiptOutcome.SUPERSEDED
    assert world.sms_delivery.record_receipt(receipt_for(again, S.DELIVERED)) is ReceiptOutcome.DELIVERED
    assert world.sms_delivery.retry_due() == 0
    assert stored(world, sms).status is S.DELIVERED


def test_a_retry_no_provider_takes_waits_longer_and_ends_on_the_call_list(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(receipt_for(sms, S.TEMPORARY_FAILURE))
    world.sms.failing = True
    world.clock.at += timedelta(minutes=2)
    assert world.sms_delivery.retry_due() == 1
    assert (stored(world, sms).status, stored(world, sms).attempts) == (S.TECHNICAL_FAILURE, 1)
    world.clock.at += timedelta(hours=1)
    world.sms_delivery.retry_due()
    assert stored(world, sms).on_call_list
    assert [c.status for c in world.notification_store.calls.calls.values()] == [S.TECHNICAL_FAILURE]


def test_a_permanent_failure_lands_on_the_centres_call_list_once(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    failed = receipt_for(sms, S.PERMANENT_FAILURE, "Invalid phone number")
    assert world.sms_delivery.record_receipt(failed) is ReceiptOutcome.CALL_LIST
    assert world.sms_delivery.record_receipt(failed) is ReceiptOutcome.DUPLICATE
    calls = world.call_list.calls(OPERATOR, False, PageRequest(10)).items
    assert [(c.centre_id, c.template, c.reason, c.masked_mobile) for c in calls] == [
        ("MED-C01", "RECORD_OPENED", "Invalid phone number", "+9665*****78")
    ]
    assert world.call_list.calls(OTHER_OPERATOR, False, PageRequest(10)).items == []


def test_only_the_centres_own_operators_mark_a_call_done_audited_once(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(receipt_for(sms, S.PERMANENT_FAILURE))
    call = world.call_list.calls(OPERATOR, False, PageRequest(10)).items[0]
    with pytest.raises(NotFound):
        world.call_list.mark_done(OTHER_OPERATOR, call.call_id, "not mine")
    citizen = Caller(Principal(sms.citizen_id, Role.CITIZEN), "c")
    with pytest.raises(Forbidden):
        world.call_list.mark_done(citizen, call.call_id, None)
    with pytest.raises(NotFound):
        world.call_list.mark_done(OPERATOR, "no-such-call", None)
    assert world.notification_store.calls.audits == []
    assert [r.outcome.value for r in world.log.records if r.action == "markCallDone"] == ["DENIED"] * 3

    done = world.call_list.mark_done(OPERATOR, call.call_id, "reached by phone")
    again = world.call_list.mark_done(OPERATOR, call.call_id, "a second click")
    assert (done.done_by, done.note) == ("op-1", "reached by phone")
    assert again == done
    assert [a.target for a in world.notification_store.calls.audits] == [f"call:{call.call_id}"]
    assert world.call_list.calls(OPERATOR, False, PageRequest(10)).items == []
    assert world.call_list.calls(OPERATOR, True, PageRequest(10)).items == [done]


class TestSignedDeliveryReports:
    @pytest.fixture
    def fake(self) -> FakeAggregator:
        return FakeAggregator(api_key="k", report_secret=SECRET)

    def report(self, fake: FakeAggregator, sms: Notification, state: str, report_id: str = "rep-1") -> dict[str, str]:
        return {
            "reportId": report_id,
            "messageId": sms.provider_message_id or "",
            "status": state,
            "description": "Delivered to handset",
            "doneAt": world_time(sms),
        }

    def test_a_signed_report_is_applied_once_and_its_replay_is_a_duplicate(
        self, world: IdentityWorld, fake: FakeAggregator
    ) -> None:
        world.sms.provider = "aggregator"
        sms = opened_and_sent(world)
        signed = fake.sign(self.report(fake, sms, "DELIVRD"), at=world.clock.at.timestamp())
        reports = world.delivery_reports
        assert reports.receive(signed.timestamp, signed.signature, signed.body) is ReceiptOutcome.DELIVERED
        assert reports.receive(signed.timestamp, signed.signature, signed.body) is ReceiptOutcome.DUPLICATE
        assert stored(world, sms).status is S.DELIVERED

    @pytest.mark.parametrize(
        ("tamper", "code"),
        [
            ("signature", ErrorCode.REPORT_SIGNATURE_INVALID),
            ("body", ErrorCode.REPORT_SIGNATURE_INVALID),
            ("secret", ErrorCode.REPORT_SIGNATURE_INVALID),
            ("old", ErrorCode.REPORT_EXPIRED),
        ],
    )
    def test_a_report_that_fails_its_check_is_refused_and_changes_nothing(
        self, world: IdentityWorld, fake: FakeAggregator, tamper: str, code: ErrorCode
    ) -> None:
        world.sms.provider = "aggregator"
        sms = opened_and_sent(world)
        signer = FakeAggregator(api_key="k", report_secret="another secret") if tamper == "secret" else fake
        at = world.clock.at - timedelta(minutes=10) if tamper == "old" else world.clock.at
        signed = signer.sign(self.report(fake, sms, "UNDELIV"), at=at.timestamp())
        body = signed.body.replace(b"UNDELIV", b"DELIVRD") if tamper == "body" else signed.body
        signature = "sha256=" + "0" * 64 if tamper == "signature" else signed.signature
        with pytest.raises(Unauthenticated) as refused:
            world.delivery_reports.receive(signed.timestamp, signature, body)
        assert refused.value.code is code
        assert stored(world, sms) == sms
        assert world.report_ledger.taken == {}

    def test_a_signed_report_that_is_not_one_is_invalid(self, world: IdentityWorld, fake: FakeAggregator) -> None:
        signed = fake.sign({"status": "DELIVRD"}, at=world.clock.at.timestamp())
        with pytest.raises(ValidationFailed) as refused:
            world.delivery_reports.receive(signed.timestamp, signed.signature, signed.body)
        assert refused.value.code is ErrorCode.REPORT_INVALID

    def test_without_a_configured_secret_every_report_is_refused(self, fake: FakeAggregator) -> None:
        world = IdentityWorld()
        signed = fake.sign({"reportId": "r"}, at=world.clock.at.timestamp())
        with pytest.raises(Unauthenticated):
            world.delivery_reports.receive(signed.timestamp, signed.signature, json.dumps({}).encode())


def world_time(sms: Notification) -> str:
    return (sms.sent_at or sms.created_at).isoformat()
