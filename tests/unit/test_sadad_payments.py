"""SADAD bills on the composition root over in-memory fakes: a filing paid by SADAD waits for its bill;
SADAD's signed notification pays it once, in full and in time, and only then starts the route; every
other notification is refused with its code and changes nothing; an unpaid bill expires its filing."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest

from functions.domain.errors import DomainError, ErrorCode
from functions.domain.ledger import Account, AccountKind, Channel, Figure
from functions.domain.paging import PageRequest
from functions.domain.request import PaymentMethod, RequestStatus
from functions.domain.sadad import BillStatus
from functions.domain.settlement import DiscrepancyKind, SettlementFileInvalid, parse_sadad_report
from functions.local.acquirer_simulator import SHORT_BY, Faults
from functions.local.sadad_simulator import PaidBill, end_of_day_report, notification, signed_headers
from functions.local.seeding import seed_catalogue
from functions.services.sadad_payments import PaymentOutcome
from functions.settings import UseCaseSettings
from tests.fakes.identity import NOW, TODAY, IdentityWorld
from tests.unit.test_centre_money import OPERATOR, a_citizen, file

SECRET = "sadad-test-secret"
PAID = Decimal("325.00")  # SHOP-LICENCE at MED-C01


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld(settings=UseCaseSettings(subscriptions_per_connection=3, sadad_secret=SECRET))
    seed_catalogue(world.catalogue)
    return world


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    return a_citizen(world)


def notify(world: IdentityWorld, bill: str, amount: str = "325.00", **faults: object) -> PaymentOutcome:
    body = notification(bill, amount, paid_at=world.clock.now())
    return notify_body(world, body, **faults)


def notify_body(world: IdentityWorld, body: bytes, **faults: object) -> PaymentOutcome:
    headers = signed_headers(SECRET, body, at=world.clock.now().timestamp(), **faults)  # type: ignore[arg-type]
    return world.use_cases.sadad_payments.receive(headers["x-shubbak-timestamp"], headers["x-shubbak-signature"], body)


def filed_by_sadad(world: IdentityWorld, citizen_id: str, key: str = "filing-sadad-1") -> str:
    return file(world, citizen_id, key, PaymentMethod.SADAD)


def refused(world: IdentityWorld, bill: str, code: ErrorCode, **kwargs: object) -> None:
    with pytest.raises(DomainError) as refusal:
        notify(world, bill, **kwargs)  # type: ignore[arg-type]
    assert refusal.value.code is code


def test_a_sadad_filing_waits_for_its_bill_with_no_route_no_money_and_an_sms(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = filed_by_sadad(world, citizen_id)
    stored = world.requests.get_file(request_id)
    assert stored is not None
    assert stored.request.status is RequestStatus.AWAITING_PAYMENT
    assert stored.payment is None
    bill = stored.bill
    assert bill is not None
    assert (len(bill.bill_number), bill.amount.riyals, bill.status) == (12, PAID, BillStatus.OPEN)
    assert bill.expires_at == NOW + timedelta(hours=72)
    assert world.machine.started == []
    assert world.ledger.entries == {}
    texts = [n.template.value for (_, key), n in world.notification_store.items.items() if request_id in key]
    assert texts == ["BILL_ISSUED"]


def test_a_paid_bill_starts_the_route_and_posts_the_money_once(world: IdentityWorld, citizen_id: str) -> None:
    request_id = filed_by_sadad(world, citizen_id)
    bill = world.requests.get_file(request_id).bill  # type: ignore[union-attr]
    assert bill is not None
    body = notification(bill.bill_number, "325.00", paid_at=world.clock.now())
    assert notify_body(world, body) is PaymentOutcome.PAID
    assert notify_body(world, body) is PaymentOutcome.DUPLICATE
    paid = world.requests.get_file(request_id)
    assert paid is not None
    assert paid.request.status is RequestStatus.AT_AGENCIES
    assert paid.bill is not None
    assert paid.bill.status is BillStatus.PAID
    assert paid.payment is not None
    assert (paid.payment.method, paid.payment.bill_number) == (PaymentMethod.SADAD, bill.bill_number)
    assert world.machine.started == [f"{request_id}-1"]
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.SADAD_CLEARING))] == 32500
    [day] = world.centre_money.statements(OPERATOR, None, TODAY, TODAY)
    assert (day.figure(Figure.FILINGS), day.figure(Figure.SADAD_COLLECTED)) == (1, 32500)
    events = [n.template.value for (_, key), n in world.notification_store.items.items() if request_id in key]
    assert sorted(events) == ["BILL_ISSUED", "REQUEST_SUBMITTED"]
    refused(world, bill.bill_number, ErrorCode.SADAD_BILL_PAID)


def test_bad_notifications_are_refused_with_their_code_and_change_nothing(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = filed_by_sadad(world, citizen_id)
    bill = world.requests.get_file(request_id).bill  # type: ignore[union-attr]
    assert bill is not None
    refused(world, bill.bill_number, ErrorCode.SADAD_SIGNATURE_INVALID, forged=True)
    body = notification(bill.bill_number, "325.00")
    headers = signed_headers(SECRET, body, at=(world.clock.now() - timedelta(minutes=6)).timestamp())
    with pytest.raises(DomainError) as old:
        world.use_cases.sadad_payments.receive(headers["x-shubbak-timestamp"], headers["x-shubbak-signature"], body)
    assert old.value.code is ErrorCode.SADAD_NOTIFICATION_EXPIRED
    for garbage in (b"not json", json.dumps({"billNumber": bill.bill_number}).encode()):
        with pytest.raises(DomainError) as unreadable:
            notify_body(world, garbage)
        assert unreadable.value.code is ErrorCode.SADAD_NOTIFICATION_INVALID
    refused(world, "999999999999", ErrorCode.SADAD_BILL_UNKNOWN)
    refused(world, bill.bill_number, ErrorCode.SADAD_AMOUNT_MISMATCH, amount="300.00")
    still = world.requests.get_file(request_id)
    assert still is not None
    assert (still.request.status, still.bill.status if still.bill else None) == (
        RequestStatus.AWAITING_PAYMENT,
        BillStatus.OPEN,
    )
    assert world.machine.started == []
    assert world.ledger.entries == {}


def test_an_unpaid_bill_expires_its_filing_and_a_late_payment_is_refused(world: IdentityWorld, citizen_id: str) -> None:
    request_id = filed_by_sadad(world, citizen_id)
    bill = world.requests.get_file(request_id).bill  # type: ignore[union-attr]
    assert bill is not None
    world.clock.at = NOW + timedelta(hours=71)
    assert world.use_cases.sadad_payments.expire_due() == 0
    world.clock.at = NOW + timedelta(hours=72, minutes=1)
    refused(world, bill.bill_number, ErrorCode.SADAD_BILL_EXPIRED)  # before the sweeper came by
    assert world.use_cases.sadad_payments.expire_due() == 1
    assert world.use_cases.sadad_payments.expire_due() == 0
    expired = world.requests.get_file(request_id)
    assert expired is not None
    assert expired.request.status is RequestStatus.CANCELLED
    assert expired.bill is not None
    assert expired.bill.status is BillStatus.EXPIRED
    assert world.machine.started == []
    assert world.ledger.entries == {}
    events = [n.template.value for (_, key), n in world.notification_store.items.items() if request_id in key]
    assert sorted(events) == ["BILL_EXPIRED", "BILL_ISSUED"]


def paid_bills(world: IdentityWorld, citizen_id: str, count: int) -> list[PaidBill]:
    paid = []
    for n in range(count):
        request_id = filed_by_sadad(world, citizen_id, f"filing-sadad-eod-{n}")
        bill = world.requests.get_file(request_id).bill  # type: ignore[union-attr]
        assert bill is not None
        assert notify(world, bill.bill_number) is PaymentOutcome.PAID
        paid.append(PaidBill(bill.bill_number, bill.amount, world.clock.now()))
    return paid


def test_sadads_end_of_day_report_settles_the_paid_bills_and_flags_what_disagrees(
    world: IdentityWorld, citizen_id: str
) -> None:
    paid = paid_bills(world, citizen_id, 3)
    report = end_of_day_report(TODAY, paid, Faults(drop=1, short=1, unknown=1))
    read = world.settlement_ingestion.ingest("sadad/day.csv", report.encode())
    assert (read.lines, read.settled) == (3, 2)
    assert read.discrepancies == {
        DiscrepancyKind.AMOUNT_MISMATCH: 1,
        DiscrepancyKind.MISSING_IN_LEDGER: 1,
        DiscrepancyKind.MISSING_IN_SETTLEMENT: 1,
    }
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.BANK))] == 2 * 32500 - SHORT_BY.halalas
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.SADAD_CLEARING))] == 32500 + SHORT_BY.halalas
    own = world.centre_money.discrepancies(OPERATOR, None, TODAY, TODAY, PageRequest(50)).items
    assert {(d.kind, d.reference.channel) for d in own} == {
        (DiscrepancyKind.AMOUNT_MISMATCH, Channel.SADAD),
        (DiscrepancyKind.MISSING_IN_SETTLEMENT, Channel.SADAD),
    }
    [day] = world.centre_money.statements(OPERATOR, None, TODAY, TODAY)
    assert (day.settled_lines, day.discrepancies, day.figure(Figure.SADAD_SETTLED)) == (
        2,
        2,
        2 * 32500 - SHORT_BY.halalas,
    )
    assert world.settlement_ingestion.ingest("sadad/again.csv", report.encode()).already_done


def test_a_bill_never_paid_in_the_ledger_is_missing_there_when_sadad_reports_it(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = filed_by_sadad(world, citizen_id)
    bill = world.requests.get_file(request_id).bill  # type: ignore[union-attr]
    assert bill is not None
    report = end_of_day_report(TODAY, [PaidBill(bill.bill_number, bill.amount, world.clock.now())])
    read = world.settlement_ingestion.ingest("sadad/unpaid.csv", report.encode())
    assert read.discrepancies == {DiscrepancyKind.MISSING_IN_LEDGER: 1}
    assert world.ledger.entries == {}


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("12AB,325.00,2026-11-28T12:00:00+03:00,BK1", ErrorCode.SETTLEMENT_REFERENCE),
        ("402917365518,32.505,2026-11-28T12:00:00+03:00,BK1", ErrorCode.SETTLEMENT_AMOUNT),
        ("402917365518,325.00,2026-11-28T12:00:00,BK1", ErrorCode.SETTLEMENT_FORMAT),
        ("402917365518,325.00,2026-11-28T12:00:00+03:00", ErrorCode.SETTLEMENT_COLUMNS),
    ],
)
def test_a_sadad_report_that_cannot_be_read_is_refused_with_its_line(line: str, code: ErrorCode) -> None:
    text = f"SADAD-EOD,1,2026-11-28\r\nbill_number,amount_sar,paid_at,bank_reference\r\n{line}\r\nTRAILER,1,325.00\r\n"
    with pytest.raises(SettlementFileInvalid) as refused_file:
        parse_sadad_report(text)
    assert (refused_file.value.code, refused_file.value.line) == (code, 3)
