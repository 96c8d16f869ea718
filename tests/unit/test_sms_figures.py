"""The monitoring office's citizen SMS figures on the fakes (docs/sms.md, "Figures for the monitoring
office"): each SMS counted once when a provider first takes it and once when it reaches its end, for its
centre, its agency, its kind and the region, however its receipts come (twice, late, out of order, for an
earlier attempt); time to delivery from the first attempt; read back as rates by the office."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType
from functions.domain.figures import SMS_BUCKET_BOUNDS_SECONDS, Duration, DurationSummary, FigureKey, Period
from functions.domain.notification import RETRYABLE_STATUSES, DeliveryStatus, Notification
from functions.domain.principal import Principal, Role
from functions.domain.sms_delivery import DeliveryReceipt, ReceiptOutcome
from functions.domain.sms_figures import SmsSummary
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm
from functions.settings import UseCaseSettings
from tests.fakes.identity import NOW, TODAY, IdentityWorld
from tests.support.people import unique_national_id
from tests.unit.test_identity_use_cases import OPERATOR, form
from tests.unit.test_monitoring_office import MONITOR, file_request, officer
from tests.unit.test_sms_delivery import POLICY, opened_and_sent, receipt_for, stored

S = DeliveryStatus
CENTRE, REGION, OPENED = FigureKey.centre("MED-C01"), FigureKey.region(), FigureKey.message("RECORD_OPENED")
SCOPES = (CENTRE, REGION, OPENED)
FAR = TODAY + timedelta(days=400)


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld(settings=UseCaseSettings(subscriptions_per_connection=3, sms_retry=POLICY))
    seed_catalogue(world.catalogue)
    return world


def sms_figures(world: IdentityWorld, key: FigureKey) -> dict[str, int]:
    """Every SMS counter of one scope, summed over its days (zeros dropped)."""
    totals: dict[str, int] = {}
    for (scope, _), counts in world.figures.day_counts.items():
        if scope != key:
            continue
        for name, value in counts.items():
            if name.startswith("sms"):
                totals[name] = totals.get(name, 0) + value
    return {name: value for name, value in totals.items() if value}


def everywhere(world: IdentityWorld, expected: dict[str, int]) -> None:
    for key in SCOPES:
        assert sms_figures(world, key) == expected, key


def delivered_after(seconds: int) -> dict[str, int]:
    smsd = Duration.SMS_DELIVERY
    bucket = smsd.bucket_name(bisect_bucket(seconds))
    return {"sms_sent": 1, "sms_delivered": 1, smsd.count_name: 1, smsd.total_name: seconds, bucket: 1}


def bisect_bucket(seconds: int) -> int:
    return sum(1 for bound in SMS_BUCKET_BOUNDS_SECONDS if bound <= seconds)


def at(sms: Notification, after: timedelta, status: DeliveryStatus, reason: str = "carrier") -> DeliveryReceipt:
    """The carrier's word on ``sms``'s latest attempt, ``after`` its first attempt."""
    receipt = receipt_for(sms, status, reason)
    first = sms.first_sent_at or sms.created_at
    return DeliveryReceipt(receipt.provider, receipt.message_id, status, reason, first + after)


def test_a_sent_sms_counts_once_for_its_centre_its_kind_and_the_region(world: IdentityWorld) -> None:
    opened_and_sent(world)
    everywhere(world, {"sms_sent": 1})
    assert sms_figures(world, FigureKey.agency("CIVIL-AFFAIRS")) == {}


def test_a_delivery_counts_once_whatever_comes_after_it(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    assert world.sms_delivery.record_receipt(at(sms, timedelta(seconds=40), S.DELIVERED)) is ReceiptOutcome.DELIVERED
    everywhere(world, delivered_after(40))
    again = [
        (at(sms, timedelta(seconds=40), S.DELIVERED), ReceiptOutcome.DUPLICATE),
        (at(sms, timedelta(seconds=90), S.DELIVERED), ReceiptOutcome.DUPLICATE),
        (at(sms, timedelta(seconds=5), S.SENDING), ReceiptOutcome.STALE),
        (at(sms, timedelta(seconds=50), S.TEMPORARY_FAILURE), ReceiptOutcome.STALE),
        (at(sms, timedelta(seconds=60), S.PERMANENT_FAILURE), ReceiptOutcome.STALE),
    ]
    for receipt, outcome in again:
        assert world.sms_delivery.record_receipt(receipt) is outcome
    everywhere(world, delivered_after(40))


def test_a_permanent_failure_counts_once_as_failed_and_on_the_call_list(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    failed = at(sms, timedelta(seconds=3), S.PERMANENT_FAILURE, "Invalid phone number")
    assert world.sms_delivery.record_receipt(failed) is ReceiptOutcome.CALL_LIST
    assert world.sms_delivery.record_receipt(failed) is ReceiptOutcome.DUPLICATE
    assert world.sms_delivery.record_receipt(at(sms, timedelta(seconds=9), S.DELIVERED)) is ReceiptOutcome.STALE
    everywhere(world, {"sms_sent": 1, "sms_failed": 1, "sms_call_list": 1})


def test_a_retry_is_not_another_sent_sms_and_delivery_is_timed_from_the_first_attempt(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(at(sms, timedelta(seconds=20), S.TEMPORARY_FAILURE))
    world.clock.at += timedelta(minutes=1, seconds=1)
    assert world.sms_delivery.retry_due() == 1
    retried = stored(world, sms)
    assert (retried.attempts, retried.first_sent_at) == (2, sms.sent_at)
    superseded = at(sms, timedelta(seconds=30), S.DELIVERED)
    assert world.sms_delivery.record_receipt(superseded) is ReceiptOutcome.SUPERSEDED
    everywhere(world, {"sms_sent": 1})
    delivered = at(retried, timedelta(seconds=75), S.DELIVERED)
    assert world.sms_delivery.record_receipt(delivered) is ReceiptOutcome.DELIVERED
    everywhere(world, delivered_after(75))


def test_an_expired_window_counts_once_and_a_late_delivery_takes_it_back(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(at(sms, timedelta(seconds=20), S.TEMPORARY_FAILURE))
    world.sms.failing = True
    world.clock.at += timedelta(minutes=2)
    world.sms_delivery.retry_due()  # no provider takes it: a technical failure, retried later
    world.clock.at += timedelta(hours=1)
    world.sms_delivery.retry_due()  # past the window: on the call list
    expired_day = world.clock.at.date()
    everywhere(world, {"sms_sent": 1, "sms_expired": 1, "sms_call_list": 1})
    world.sms_delivery.retry_due()
    everywhere(world, {"sms_sent": 1, "sms_expired": 1, "sms_call_list": 1})

    listed = stored(world, sms)
    late = at(listed, timedelta(days=1), S.DELIVERED)
    assert world.sms_delivery.record_receipt(late) is ReceiptOutcome.DELIVERED
    everywhere(world, {**delivered_after(86_400), "sms_call_list": 1})
    assert world.figures.day(REGION, expired_day)["sms_expired"] == 0  # taken back on the day it was counted


def test_of_two_final_receipts_the_first_counts(world: IdentityWorld) -> None:
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(at(sms, timedelta(seconds=3), S.PERMANENT_FAILURE))
    world.sms_delivery.record_receipt(at(sms, timedelta(seconds=4), S.DELIVERED))
    everywhere(world, {"sms_sent": 1, "sms_failed": 1, "sms_call_list": 1})


def test_an_sms_counts_on_the_madinah_day_its_carrier_gives(world: IdentityWorld) -> None:
    world.clock.at = datetime(2026, 11, 28, 20, 59, 30, tzinfo=UTC)  # 23:59:30 in Madinah
    sms = opened_and_sent(world)
    world.sms_delivery.record_receipt(at(sms, timedelta(seconds=45), S.DELIVERED))  # 00:00:15 the next day
    assert world.figures.day(REGION, datetime(2026, 11, 28).date()) == {"sms_sent": 1}
    assert world.figures.day(REGION, datetime(2026, 11, 29).date())["sms_delivered"] == 1


def test_an_sms_about_an_agencys_step_counts_for_that_agency(world: IdentityWorld) -> None:
    opened = opened_and_sent(world)
    world.sms_delivery.record_receipt(at(opened, timedelta(seconds=8), S.DELIVERED))
    citizen = Caller(Principal(opened.citizen_id, Role.CITIZEN), "corr")
    request_id = file_request(world, citizen, "agency-sms-0001")
    world.window.acknowledge_receipt(officer("CIVIL-AFFAIRS"), request_id)
    received = f"REQ#{request_id}#RECEIVED#1#CIVIL-AFFAIRS#1"
    assert stored_event(world, opened.citizen_id, received).agency_code == "CIVIL-AFFAIRS"
    for event in (f"REQ#{request_id}#SUBMITTED", received):
        sent = world.notifications.deliver(opened.citizen_id, event)
        assert sent is not None, event
        world.sms_delivery.record_receipt(at(sent, timedelta(seconds=8), S.DELIVERED))
    agency = sms_figures(world, FigureKey.agency("CIVIL-AFFAIRS"))
    assert (agency["sms_sent"], agency["sms_delivered"]) == (1, 1)
    kind = sms_figures(world, FigureKey.message("RECEIVED_BY_AGENCY"))
    assert (kind["sms_sent"], kind["sms_delivered"]) == (1, 1)
    assert sms_figures(world, REGION)["sms_delivered"] == 3


def test_the_office_reads_rates_and_times_by_centre_agency_and_kind(world: IdentityWorld) -> None:
    delivered, failed = opened_and_sent(world), second_citizens_sms(world)
    world.sms_delivery.record_receipt(at(delivered, timedelta(seconds=12), S.DELIVERED))
    world.sms_delivery.record_receipt(at(failed, timedelta(seconds=2), S.PERMANENT_FAILURE))
    period = Period(world.clock.at.date() - timedelta(days=1), world.clock.at.date() + timedelta(days=1))

    centre = SmsSummary.of(world.performance.centre_performance(MONITOR, "MED-C01", period).figures)
    assert (centre.sent, centre.delivered, centre.permanently_failed, centre.on_call_list) == (2, 1, 1, 1)
    assert (centre.final_outcomes, centre.delivery_rate, centre.permanent_failure_rate) == (2, 50.0, 50.0)
    assert centre.time_to_delivery.median_seconds == centre.time_to_delivery.p90_seconds == 12
    region = world.performance.region_overview(MONITOR, period)
    assert SmsSummary.of(region.figures) == centre
    assert list(region.by_message) == ["RECORD_OPENED"]
    assert SmsSummary.of(region.by_message["RECORD_OPENED"]) == centre
    assert SmsSummary.of(region.by_centre["MED-C01"]) == centre


def test_no_final_outcome_no_rate() -> None:
    nothing = DurationSummary(0, None, None, None)
    summary = SmsSummary(sent=3, delivered=0, permanently_failed=0, expired=0, on_call_list=0, time_to_delivery=nothing)
    assert (summary.delivery_rate, summary.permanent_failure_rate) == (None, None)


def test_sms_buckets_resolve_seconds_and_stay_within_two_and_a_half_times() -> None:
    assert all(b / a <= 2.5 for a, b in itertools.pairwise(SMS_BUCKET_BOUNDS_SECONDS))
    assert SMS_BUCKET_BOUNDS_SECONDS[:3] == (1, 2, 5)


RECEIPT_STATUSES = [S.SENDING, S.DELIVERED, S.TEMPORARY_FAILURE, S.TECHNICAL_FAILURE, S.PERMANENT_FAILURE]
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("receipt"), st.sampled_from(RECEIPT_STATUSES), st.integers(0, 3)),
        st.tuples(st.just("wait"), st.sampled_from([30, 61, 600, 3_600]), st.just(0)),
        st.tuples(st.just("providers"), st.booleans(), st.just(0)),
    ),
    max_size=14,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_whatever_the_receipts_the_figures_say_what_became_of_the_sms(steps: list[tuple[str, object, int]]) -> None:
    """Receipts for any attempt so far (0: the latest), in any order and number, retries, failing providers:
    the figures always hold exactly one sent SMS and at most one end, the one the SMS is at."""
    world = IdentityWorld(settings=UseCaseSettings(subscriptions_per_connection=3, sms_retry=POLICY))
    sms = opened_and_sent(world)
    attempts = [sms]
    for kind, value, back in steps:
        if kind == "receipt":
            assert isinstance(value, DeliveryStatus)
            target = attempts[max(0, len(attempts) - 1 - back)]
            world.sms_delivery.record_receipt(at(target, world.clock.at - (sms.sent_at or NOW), value))
        elif kind == "wait":
            assert isinstance(value, int)
            world.clock.at += timedelta(seconds=value)
            world.sms_delivery.retry_due()
        else:
            world.sms.failing = bool(value)
        latest = stored(world, sms)
        if latest.provider_message_id != attempts[-1].provider_message_id:
            attempts.append(latest)
    final = stored(world, sms)
    expected = {
        "sms_sent": 1,
        "sms_delivered": int(final.status is S.DELIVERED),
        "sms_failed": int(final.status is S.PERMANENT_FAILURE),
        "sms_expired": int(final.on_call_list and final.status in RETRYABLE_STATUSES),
        "sms_call_list": int(final.on_call_list),
        Duration.SMS_DELIVERY.count_name: int(final.status is S.DELIVERED),
    }
    for key in SCOPES:
        counts = sms_figures(world, key)
        assert {name: counts.get(name, 0) for name in expected} == expected, key
    assert all(value >= 0 for value in world.figures.day(REGION, world.clock.at.date()).values())


def second_citizens_sms(world: IdentityWorld) -> Notification:
    national_id = unique_national_id()
    evidence = EvidenceForm(IdentityDocumentType.NATIONAL_ID_CARD, national_id, DateEntry.gregorian(FAR))
    citizen = world.records.open_citizen_record(
        OPERATOR, form(national_id=national_id, mobile="0512345679", evidence=evidence)
    ).citizen
    sent = world.notifications.deliver(citizen.citizen_id, "RECORD_OPENED")
    assert sent is not None
    return sent


def stored_event(world: IdentityWorld, citizen_id: str, event_key: str) -> Notification:
    found = world.notification_store.get_notification(citizen_id, event_key)
    assert found is not None
    return found
