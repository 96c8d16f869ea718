"""The SMS budget: no more than the hourly limit to one number, no more than the day's quota in all; a
message over either is held, not lost, and goes out on a retry once its hour (or day) has passed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from functions.domain.notification import DeliveryStatus, Notification
from functions.domain.sms import SmsTemplate
from functions.domain.sms_budget import DAY_QUOTA_SPENT, NUMBER_LIMIT_SPENT, SmsLimits
from functions.services.citizen_records import OpenRecordForm
from functions.settings import UseCaseSettings
from tests.fakes.identity import NOW, IdentityWorld
from tests.unit.test_identity_use_cases import OPERATOR, form, resident


def world_with(limits: SmsLimits) -> IdentityWorld:
    return IdentityWorld(settings=UseCaseSettings(subscriptions_per_connection=3, sms_limits=limits))


def queue(world: IdentityWorld, citizen_id: str, event: str) -> None:
    world.notification_store.add(
        Notification(citizen_id, event, SmsTemplate.COMPLAINT_RESOLVED, {"tracking": "MED-2611-000001"}, NOW)
    )


def opened(world: IdentityWorld, record: OpenRecordForm) -> str:
    return world.records.open_citizen_record(OPERATOR, record).citizen.citizen_id


def test_a_number_gets_no_more_than_its_hourly_limit_and_the_rest_goes_out_later() -> None:
    world = world_with(SmsLimits(per_number_per_hour=2))
    citizen = opened(world, form())
    for event in ("E1", "E2"):
        queue(world, citizen, event)
    assert world.notifications.deliver(citizen, "RECORD_OPENED") is not None
    assert world.notifications.deliver(citizen, "E1") is not None
    sent = len(world.sms.sent)
    assert world.notifications.deliver(citizen, "E2") is None
    held = world.notification_store.get_notification(citizen, "E2")
    assert held is not None
    assert (held.status, held.status_reason, held.attempts) == (
        DeliveryStatus.TECHNICAL_FAILURE,
        NUMBER_LIMIT_SPENT,
        0,
    )
    assert held.next_attempt_at is not None
    assert len(world.sms.sent) == sent
    world.clock.at = NOW + timedelta(minutes=1, seconds=5)  # the retry is due, the hour is not over
    world.sms_delivery.retry_due()
    assert len(world.sms.sent) == sent
    world.clock.at = NOW + timedelta(hours=1, minutes=1)  # the next hour: it goes
    world.sms_delivery.retry_due()
    again = world.notification_store.get_notification(citizen, "E2")
    assert again is not None
    assert again.status is DeliveryStatus.SENDING
    assert len(world.sms.sent) == sent + 1


def test_one_numbers_limit_holds_no_other_number_and_the_days_quota_holds_them_all() -> None:
    world = world_with(SmsLimits(per_number_per_hour=1, daily_quota=2))
    first = opened(world, form())
    sister = opened(world, resident("2000000006", "فاطمة علي", None))  # the same phone
    neighbour = opened(world, replace(resident("2000000014", "سارة علي", None), mobile="0598765432"))
    late = opened(world, replace(resident("2000000022", "نورة علي", None), mobile="0598765433"))
    assert world.notifications.deliver(first, "RECORD_OPENED") is not None
    assert world.notifications.deliver(sister, "RECORD_OPENED") is None  # its number's hour is spent
    assert world.notifications.deliver(neighbour, "RECORD_OPENED") is not None  # another number
    assert world.notifications.deliver(late, "RECORD_OPENED") is None  # the day's two are spent
    reasons = {
        who: world.notification_store.get_notification(who, "RECORD_OPENED").status_reason  # type: ignore[union-attr]
        for who in (sister, late)
    }
    assert reasons == {sister: NUMBER_LIMIT_SPENT, late: DAY_QUOTA_SPENT}
    assert len(world.sms.sent) == 2


def test_a_message_held_past_its_retry_window_lands_on_the_call_list() -> None:
    world = world_with(SmsLimits(per_number_per_hour=10, daily_quota=1))
    citizen = opened(world, form())
    queue(world, citizen, "E1")
    assert world.notifications.deliver(citizen, "RECORD_OPENED") is not None
    assert world.notifications.deliver(citizen, "E1") is None
    for hours in range(1, 8):  # the quota is the day's: every retry within the 6-hour window is held too
        world.clock.at = NOW + timedelta(hours=hours)
        world.sms_delivery.retry_due()
    held = world.notification_store.get_notification(citizen, "E1")
    assert held is not None
    assert held.on_call_list
    assert held.status_reason == DAY_QUOTA_SPENT
    assert len(world.sms.sent) == 1
