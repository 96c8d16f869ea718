"""Reconciling the acquirer's settlement files on the composition root over in-memory fakes: matched
slips are settled and posted once, every kind of discrepancy is found once, a file is read once, a bad
file is refused whole, and a file that stopped halfway completes when read again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from functions.domain.errors import ErrorCode
from functions.domain.ledger import Account, AccountKind, PosSlip
from functions.domain.money import Money
from functions.domain.paging import PageRequest
from functions.domain.request import PaymentMethod
from functions.domain.settlement import DiscrepancyKind, SettlementFileInvalid, parse_settlement
from functions.local.acquirer_simulator import SHORT_BY, Faults, Processed, settlement_file
from functions.local.pos_terminal import slip_for
from tests.fakes.identity import NOW, TODAY, IdentityWorld
from tests.unit.test_centre_money import MONITOR, OPERATOR, a_citizen, file, seeded_world

PAID = Money(32500)  # SHOP-LICENCE at MED-C01


@pytest.fixture
def world() -> IdentityWorld:
    return seeded_world()


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    return a_citizen(world)


def card_filings(world: IdentityWorld, citizen_id: str, count: int) -> list[Processed]:
    processed = []
    for n in range(count):
        key = f"filing-settle-{n}"
        file(world, citizen_id, key, PaymentMethod.MADA, slip_for(key))
        processed.append(Processed(PosSlip(*slip_for(key)), PAID, TODAY))
    return processed


def kinds(world: IdentityWorld) -> list[DiscrepancyKind]:
    return sorted(d.kind for d in world.settlements.found.values())


def test_a_clean_day_settles_every_slip_into_the_bank_once(world: IdentityWorld, citizen_id: str) -> None:
    processed = card_filings(world, citizen_id, 3)
    world.clock.at = NOW + timedelta(hours=20)
    text = settlement_file(TODAY, processed)
    report = world.settlement_ingestion.ingest("mada/day.csv", text.encode())
    assert (report.lines, report.settled, report.discrepancies) == (3, 3, {})
    clearing = world.ledger.accounts[("MED-C01", Account(AccountKind.MADA_CLEARING))]
    assert clearing == 0
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.BANK))] == 3 * PAID.halalas
    [day] = world.centre_money.statements(OPERATOR, None, TODAY, TODAY)
    assert (day.settled_lines, day.settled, day.discrepancies) == (3, Money(3 * PAID.halalas), 0)
    again = world.settlement_ingestion.ingest("mada/day-copy.csv", text.encode())
    assert again.already_done
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.BANK))] == 3 * PAID.halalas


def test_a_missing_line_and_a_short_one_are_flagged_for_the_centre_and_the_monitor(
    world: IdentityWorld, citizen_id: str
) -> None:
    processed = card_filings(world, citizen_id, 4)
    report = world.settlement_ingestion.ingest(
        "mada/faulty.csv", settlement_file(TODAY, processed, Faults(drop=1, short=1, unknown=1)).encode()
    )
    assert report.discrepancies == {
        DiscrepancyKind.AMOUNT_MISMATCH: 1,
        DiscrepancyKind.MISSING_IN_LEDGER: 1,
        DiscrepancyKind.MISSING_IN_SETTLEMENT: 1,
    }
    [day] = world.centre_money.statements(OPERATOR, None, TODAY, TODAY)
    assert (day.settled_lines, day.discrepancies) == (3, 2)
    own = world.centre_money.discrepancies(OPERATOR, None, TODAY, TODAY, PageRequest(50)).items
    assert sorted(d.kind for d in own) == [DiscrepancyKind.AMOUNT_MISMATCH, DiscrepancyKind.MISSING_IN_SETTLEMENT]
    short = next(d for d in own if d.kind is DiscrepancyKind.AMOUNT_MISMATCH)
    assert (short.ledger_amount, short.settled_amount) == (PAID, Money(PAID.halalas - SHORT_BY.halalas))
    assert short.request_id is not None
    region = world.centre_money.discrepancies(MONITOR, None, TODAY, TODAY, PageRequest(50)).items
    assert len(region) == 3
    assert [d.centre_id for d in region if d.kind is DiscrepancyKind.MISSING_IN_LEDGER] == [None]
    clearing = world.ledger.accounts[("MED-C01", Account(AccountKind.MADA_CLEARING))]
    assert clearing == PAID.halalas + SHORT_BY.halalas  # the lost payment and the 5 SAR short, in plain sight


def test_a_slip_settled_by_a_later_days_file_is_late(world: IdentityWorld, citizen_id: str) -> None:
    processed = card_filings(world, citizen_id, 1)
    later = TODAY + timedelta(days=2)
    report = world.settlement_ingestion.ingest("mada/late.csv", settlement_file(later, processed).encode())
    assert report.discrepancies == {DiscrepancyKind.LATE_SETTLEMENT: 1}
    assert report.settled == 1


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", ErrorCode.SETTLEMENT_FORMAT, 1),
        ("MADA-SETTLEMENT,2,2026-11-28\r\n", ErrorCode.SETTLEMENT_FORMAT, 1),
        (
            "MADA-SETTLEMENT,1,2026-11-28\r\nterminal,rrn,amount,date\r\nTRAILER,0,0.00\r\n",
            ErrorCode.SETTLEMENT_COLUMNS,
            2,
        ),
        (
            "MADA-SETTLEMENT,1,2026-11-28\r\nterminal_id,rrn,amount_sar,transaction_date\r\n"
            "MEDT0001,123456789012,12.345,2026-11-28\r\nTRAILER,1,12.35\r\n",
            ErrorCode.SETTLEMENT_AMOUNT,
            3,
        ),
        (
            "MADA-SETTLEMENT,1,2026-11-28\r\nterminal_id,rrn,amount_sar,transaction_date\r\n"
            "MEDT0001,1234,12.00,2026-11-28\r\nTRAILER,1,12.00\r\n",
            ErrorCode.SETTLEMENT_REFERENCE,
            3,
        ),
        (
            "MADA-SETTLEMENT,1,2026-11-28\r\nterminal_id,rrn,amount_sar,transaction_date\r\n"
            "MEDT0001,123456789012,12.00,2026-11-28\r\n",
            ErrorCode.SETTLEMENT_TRUNCATED,
            4,
        ),
        (
            "MADA-SETTLEMENT,1,2026-11-28\r\nterminal_id,rrn,amount_sar,transaction_date\r\n"
            "MEDT0001,123456789012,12.00,2026-11-28\r\nTRAILER,1,13.00\r\n",
            ErrorCode.SETTLEMENT_TRUNCATED,
            4,
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole_with_its_line(text: str, code: ErrorCode, line: int) -> None:
    with pytest.raises(SettlementFileInvalid) as refused:
        parse_settlement(text)
    assert (refused.value.code, refused.value.line) == (code, line)


def test_a_refused_file_changes_nothing(world: IdentityWorld, citizen_id: str) -> None:
    processed = card_filings(world, citizen_id, 2)
    truncated = settlement_file(TODAY, processed, Faults(truncate=True))
    report = world.settlement_ingestion.ingest("mada/cut.csv", truncated.encode())
    assert report.refused is ErrorCode.SETTLEMENT_TRUNCATED
    assert world.settlements.found == {}
    assert all(claim.settled_on is None for claim in world.ledger.slips.values())
    garbled = world.settlement_ingestion.ingest("mada/garbled.csv", b"\xff\xfe not text")
    assert garbled.refused is ErrorCode.SETTLEMENT_FORMAT


def test_a_file_that_stopped_halfway_completes_when_read_again(world: IdentityWorld, citizen_id: str) -> None:
    processed = card_filings(world, citizen_id, 3)
    text = settlement_file(TODAY, processed, Faults(short=1))
    settle = world.settlements.settle
    calls = 0

    def crash_on_the_second_line(*args: object, **kwargs: object) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("the function timed out")
        return settle(*args, **kwargs)  # type: ignore[arg-type]

    world.settlements.settle = crash_on_the_second_line  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        world.settlement_ingestion.ingest("mada/day.csv", text.encode())
    world.settlements.settle = settle  # type: ignore[method-assign]
    report = world.settlement_ingestion.ingest("mada/day.csv", text.encode())
    assert (report.settled, report.taken_before) == (2, 1)
    assert world.ledger.accounts[("MED-C01", Account(AccountKind.BANK))] == 3 * PAID.halalas - SHORT_BY.halalas
    assert kinds(world) == [DiscrepancyKind.AMOUNT_MISMATCH]
    assert world.settlement_ingestion.ingest("mada/day.csv", text.encode()).already_done
