"""The centres' money on the composition root over in-memory fakes: what a filing, a refund and a
remittance post, what the statements and balances say, and what is refused with nothing written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.errors import Conflict, DomainError, ErrorCode, NotFound, ValidationFailed
from functions.domain.ledger import Account, AccountKind, Figure
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod
from functions.local.pos_terminal import slip_for
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import filed_documents
from tests.fakes.identity import ADULT_BIRTH, NOW, TODAY, IdentityWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
OTHER_CENTRE = Caller(Principal("op-2", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "corr")
MONITOR = Caller(Principal("mon-1", Role.MONITOR), "corr")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)
FEE, CHARGE = 30000, 2500  # SHOP-LICENCE's fee and MED-C01's posted charge, halalas


def seeded_world() -> IdentityWorld:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    return world


def a_citizen(world: IdentityWorld) -> str:
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
    return world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id


@pytest.fixture
def world() -> IdentityWorld:
    return seeded_world()


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    return a_citizen(world)


def file(
    world: IdentityWorld,
    citizen_id: str,
    key: str,
    method: PaymentMethod = PaymentMethod.CASH,
    slip: tuple[str, str] | None = None,
) -> str:
    form = SubmissionForm(
        citizen_id=citizen_id,
        service_code="SHOP-LICENCE",
        answers={"activity": "RETAIL", "shopAreaSqm": "40"},
        documents=filed_documents(world, OPERATOR, "SHOP-LICENCE", key),
        amount=Decimal("325.00"),
        payment_method=method,
        identity_check=EVIDENCE,
        idempotency_key=key,
        pos_slip=slip,
    )
    return world.submission.submit_service_request(OPERATOR, form).file.request.request_id


def balance(world: IdentityWorld, kind: AccountKind, agency: str | None = None) -> int:
    return world.ledger.accounts.get(("MED-C01", Account(kind, agency)), 0)


def test_a_cash_filing_posts_the_fee_owed_and_the_charge_earned_against_the_drawer(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = file(world, citizen_id, "filing-cash-1")
    assert balance(world, AccountKind.CASH_DRAWER) == FEE + CHARGE
    assert balance(world, AccountKind.FEES_PAYABLE, "COMMERCE") == -FEE
    assert balance(world, AccountKind.SERVICE_CHARGES) == -CHARGE
    [day] = world.centre_money.statements(OPERATOR, None, TODAY, TODAY)
    assert day.figure(Figure.FILINGS) == 1
    assert day.figure(Figure.CASH_COLLECTED) == FEE + CHARGE
    assert day.expected_remittance.halalas == FEE
    journal = world.centre_money.journal(OPERATOR, None, TODAY, PageRequest(10)).items
    assert [(entry.entry_id, entry.request_id) for entry in journal] == [(f"{request_id}#FILING", request_id)]


def test_a_card_filing_needs_its_slip_and_posts_to_the_acquirers_clearing(
    world: IdentityWorld, citizen_id: str
) -> None:
    with pytest.raises(ValidationFailed) as missing:
        file(world, citizen_id, "filing-card-1", PaymentMethod.MADA)
    assert (missing.value.code, missing.value.field) == (ErrorCode.POS_SLIP_REQUIRED, "posSlip")
    with pytest.raises(ValidationFailed) as cash_with_slip:
        file(world, citizen_id, "filing-card-1", PaymentMethod.CASH, slip_for("x"))
    assert cash_with_slip.value.code is ErrorCode.POS_SLIP_NOT_EXPECTED
    with pytest.raises(ValidationFailed) as garbled:
        file(world, citizen_id, "filing-card-1", PaymentMethod.MADA, ("MEDT0001", "12345"))
    assert garbled.value.code is ErrorCode.POS_SLIP_INVALID
    assert world.requests.files == {}
    assert world.ledger.entries == {}
    file(world, citizen_id, "filing-card-1", PaymentMethod.CARD, slip_for("filing-card-1"))
    assert balance(world, AccountKind.MADA_CLEARING) == FEE + CHARGE
    assert balance(world, AccountKind.CASH_DRAWER) == 0
    [payment] = [stored.payment for stored in world.requests.files.values()]
    assert payment is not None
    assert (payment.terminal_id, payment.retrieval_reference) == slip_for("filing-card-1")


def test_one_slip_pays_for_one_request_and_the_second_filing_writes_nothing(
    world: IdentityWorld, citizen_id: str
) -> None:
    slip = slip_for("the-one-slip")
    file(world, citizen_id, "filing-slip-1", PaymentMethod.MADA, slip)
    files, entries, sms = len(world.requests.files), len(world.ledger.entries), len(world.notification_store.items)
    with pytest.raises(Conflict) as used:
        file(world, citizen_id, "filing-slip-2", PaymentMethod.MADA, slip)
    assert used.value.code is ErrorCode.POS_SLIP_USED
    assert (len(world.requests.files), len(world.ledger.entries), len(world.notification_store.items)) == (
        files,
        entries,
        sms,
    )
    assert len(world.machine.started) == 1


def test_a_repeated_filing_posts_nothing_twice(world: IdentityWorld, citizen_id: str) -> None:
    file(world, citizen_id, "filing-again-1", PaymentMethod.MADA, slip_for("filing-again-1"))
    file(world, citizen_id, "filing-again-1", PaymentMethod.MADA, slip_for("filing-again-1"))
    assert len(world.ledger.entries) == 1
    assert balance(world, AccountKind.MADA_CLEARING) == FEE + CHARGE


def test_a_cancellation_refunds_on_its_own_day_and_the_request_nets_to_zero(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = file(world, citizen_id, "filing-refund-1")
    world.clock.at = NOW + timedelta(days=1)
    world.centre_money.close_day(OPERATOR, None, TODAY)
    world.desk.cancel_request(OPERATOR, request_id, "changed their mind")
    assert all(halalas == 0 for halalas in world.ledger.accounts.values())
    refund = world.ledger.entry("MED-C01", f"{request_id}#REFUND")
    assert refund is not None
    assert (refund.day, refund.corrects) == (TODAY + timedelta(days=1), f"{request_id}#FILING")
    filed, refunded = world.centre_money.statements(OPERATOR, None, TODAY, TODAY + timedelta(days=1))
    assert (filed.figure(Figure.CASH_COLLECTED), filed.figure(Figure.CASH_REFUNDED)) == (FEE + CHARGE, 0)
    assert (refunded.figure(Figure.CASH_REFUNDED), refunded.figure(Figure.REFUNDS)) == (FEE + CHARGE, 1)
    assert refunded.expected_remittance.halalas == -FEE


def test_a_remittance_takes_cash_from_the_drawer_once_per_deposit_slip(world: IdentityWorld, citizen_id: str) -> None:
    file(world, citizen_id, "filing-remit-1")
    with pytest.raises(Conflict) as too_much:
        world.centre_money.record_remittance(OPERATOR, Decimal("325.01"), "DEP-1")
    assert too_much.value.code is ErrorCode.REMITTANCE_EXCEEDS_CASH
    entry = world.centre_money.record_remittance(OPERATOR, Decimal("300"), "dep-1")
    again = world.centre_money.record_remittance(OPERATOR, Decimal("300.00"), "DEP-1")
    assert again == entry
    assert balance(world, AccountKind.CASH_DRAWER) == CHARGE
    assert balance(world, AccountKind.TREASURY) == FEE
    with pytest.raises(Conflict) as other_amount:
        world.centre_money.record_remittance(OPERATOR, Decimal("10"), "DEP-1")
    assert other_amount.value.code is ErrorCode.REMITTANCE_REFERENCE_USED
    for amount, code in ((Decimal("0"), ErrorCode.AMOUNT_INVALID), (Decimal("1.005"), ErrorCode.AMOUNT_INVALID)):
        with pytest.raises(ValidationFailed) as refused:
            world.centre_money.record_remittance(OPERATOR, amount, "DEP-2")
        assert refused.value.code is code
    audits = [r for r in world.log.records if r.action == "recordRemittance" and r.outcome is Outcome.ALLOWED]
    assert len(audits) == 1


def test_a_day_closes_only_once_it_is_over_and_then_takes_no_postings(world: IdentityWorld, citizen_id: str) -> None:
    with pytest.raises(ValidationFailed) as early:
        world.centre_money.close_day(OPERATOR, None, TODAY)
    assert early.value.code is ErrorCode.DAY_NOT_OVER
    file(world, citizen_id, "filing-close-1")
    world.clock.at = NOW + timedelta(days=1)
    closed = world.centre_money.close_day(MONITOR, "MED-C01", TODAY)
    assert closed.closed
    assert closed.closed_by == "mon-1"
    assert world.centre_money.close_day(OPERATOR, None, TODAY).closed_at == closed.closed_at
    world.clock.at = NOW  # a clock that went back cannot post into the closed day
    entries = len(world.ledger.entries)
    with pytest.raises(Conflict) as refused:
        file(world, citizen_id, "filing-close-2")
    assert refused.value.code is ErrorCode.DAY_CLOSED
    assert len(world.ledger.entries) == entries


def test_a_centre_reads_only_its_own_money_and_the_monitor_reads_any(world: IdentityWorld, citizen_id: str) -> None:
    file(world, citizen_id, "filing-read-1")
    with pytest.raises(NotFound):
        world.centre_money.statements(OTHER_CENTRE, "MED-C01", TODAY, TODAY)
    with pytest.raises(NotFound):
        world.centre_money.balances(OTHER_CENTRE, "MED-C01")
    assert [day.figure(Figure.FILINGS) for day in world.centre_money.statements(MONITOR, "MED-C01", TODAY, TODAY)] == [
        1
    ]
    assert world.centre_money.statements(OTHER_CENTRE, None, TODAY, TODAY)[0].figure(Figure.FILINGS) == 0
    with pytest.raises(DomainError) as forbidden:
        world.centre_money.record_remittance(MONITOR, Decimal("1"), "DEP-9")
    assert forbidden.value.code is ErrorCode.FORBIDDEN
    with pytest.raises(ValidationFailed) as too_long:
        world.centre_money.statements(MONITOR, "MED-C01", TODAY - timedelta(days=92), TODAY)
    assert too_long.value.code is ErrorCode.DATE_RANGE_INVALID


def test_a_month_of_statements_lists_every_day_in_order(world: IdentityWorld, citizen_id: str) -> None:
    file(world, citizen_id, "filing-month-1")
    days = world.centre_money.statements(OPERATOR, None, date(2026, 11, 1), date(2026, 11, 30))
    assert [day.day for day in days] == [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    assert sum(day.figure(Figure.FILINGS) for day in days) == 1
