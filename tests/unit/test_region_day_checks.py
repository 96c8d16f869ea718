"""The load bench's "nothing lost" judgements (bench/region_day_checks.py) find what is lost: a receipt
not delivered, figures that moved by more or less than the run did, a subscriber that missed an event."""

from __future__ import annotations

from datetime import UTC, datetime

from bench.region_day_cast import Filing
from bench.region_day_checks import (
    Subscriber,
    delivered_since,
    figures_off,
    heard_differently,
    receipt_sent_after,
    receipts_missing,
)

SAFETY = Filing("r1", "T-1", "123456", "op1", "MED-C01", "SAFETY-CERT", "CIVIL-DEFENCE")
PERMIT = Filing("r2", "T-2", "654321", "op2", "MED-C02", "BUILDING-PERMIT", "MUNICIPALITY")
RECEIPT = {"template": "REQUEST_SUBMITTED", "status": "DELIVERED"}
ACKNOWLEDGED = {"template": "REQUEST_RECEIVED", "status": "DELIVERED"}
OFFICERS = {"MUNICIPALITY": "t1", "CIVIL-DEFENCE": "t2"}


def test_a_receipt_not_delivered_is_lost() -> None:
    found = [(SAFETY, [RECEIPT, ACKNOWLEDGED]), (PERMIT, [{"template": "REQUEST_SUBMITTED", "status": "SENT"}])]
    assert receipts_missing(found) == [f"T-2: receipt SMS not delivered ({found[1][1]})"]
    assert receipts_missing(found[:1]) == []


def test_only_what_was_delivered_during_the_run_counts() -> None:
    since = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    sms = [
        {"status": "DELIVERED", "statusAt": "2026-12-04T09:59:59+00:00"},
        {"status": "DELIVERED", "statusAt": "2026-12-04T10:00:00+00:00"},
        {"status": "SENT", "statusAt": "2026-12-04T10:05:00+00:00"},
        {"status": "DELIVERED", "statusAt": "2026-12-04T13:01:00+03:00"},
    ]
    assert delivered_since(sms, since) == 2


def test_figures_must_move_by_exactly_what_the_run_did() -> None:
    before = {"MED-C01": (10, 40), "MED-C02": (3, 7)}
    filed, delivered = {"MED-C01": 1, "MED-C02": 1}, {"MED-C01": 2, "MED-C02": 1}
    assert figures_off(before, {"MED-C01": (11, 42), "MED-C02": (4, 8)}, filed, delivered) == []
    counted_twice = figures_off(before, {"MED-C01": (11, 43), "MED-C02": (4, 8)}, filed, delivered)
    assert counted_twice == [
        "MED-C01: figures moved by 1 filings and 3 delivered SMS; the run filed 1 and its requests show 2 delivered SMS"
    ]
    not_counted = figures_off(before, {"MED-C01": (10, 42), "MED-C02": (4, 8)}, filed, delivered)
    assert len(not_counted) == 1


def test_every_subscriber_of_an_agency_hears_what_the_others_heard_and_each_arrival() -> None:
    heard = {("T-1", "FORWARDED"), ("T-1", "RECEIVED")}
    alike = [Subscriber("CIVIL-DEFENCE", set(heard)), Subscriber("CIVIL-DEFENCE", set(heard))]
    municipality = [Subscriber("MUNICIPALITY", {("T-2", "FORWARDED")})]
    assert heard_differently(OFFICERS, [SAFETY, PERMIT], alike + municipality) == []
    missed = [Subscriber("CIVIL-DEFENCE", set(heard)), Subscriber("CIVIL-DEFENCE", {("T-1", "FORWARDED")})]
    assert heard_differently(OFFICERS, [SAFETY, PERMIT], missed + municipality) == [
        "a CIVIL-DEFENCE subscriber missed 1 events"
    ]
    assert heard_differently(OFFICERS, [SAFETY, PERMIT], [*alike, Subscriber("MUNICIPALITY")]) == [
        "MUNICIPALITY's subscribers never heard 1 filings arrive"
    ]


def test_the_receipts_wait_is_from_its_writing_to_its_hand_over_to_the_provider() -> None:
    receipt = {
        "template": "REQUEST_SUBMITTED",
        "status": "DELIVERED",
        "createdAt": "2026-12-04T10:00:00+00:00",
        "sentAt": "2026-12-04T10:00:00.450000+00:00",
    }
    unsent = {"template": "REQUEST_SUBMITTED", "status": "PENDING", "createdAt": "2026-12-04T10:00:00+00:00"}
    assert receipt_sent_after([(SAFETY, [receipt, ACKNOWLEDGED]), (PERMIT, [unsent])]) == [450.0]
