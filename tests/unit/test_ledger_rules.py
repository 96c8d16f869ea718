"""The ledger's rules, property-tested: every entry balances, a refund undoes its filing to the halala,
the statement's figures agree with the lines, and nothing is made of an unbalanced or empty entry."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.ledger import (
    Account,
    AccountKind,
    Channel,
    EntryKind,
    Figure,
    JournalEntry,
    Line,
    PosSlip,
    UnbalancedEntry,
    filing_entry,
    refund_entry,
    remittance_entry,
    remittance_reference,
)
from functions.domain.money import Money
from functions.domain.statement import CSV_COLUMNS, DayStatement, statements_csv

START = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)

halalas = st.integers(min_value=0, max_value=10_000_000)
instants = st.integers(min_value=0, max_value=60 * 24 * 60).map(lambda minutes: START + timedelta(minutes=minutes))
channels = st.sampled_from(list(Channel))
agencies = st.sampled_from(["COMMERCE", "MUNICIPALITY", "CIVIL-AFFAIRS"])


def balances(entries: list[JournalEntry]) -> Counter[Account]:
    total: Counter[Account] = Counter()
    for entry in entries:
        for line in entry.lines:
            total[line.account] += line.halalas
    return total


@st.composite
def filings(draw: st.DrawFn) -> JournalEntry:
    fee, charge = draw(halalas), draw(halalas)
    if fee + charge == 0:
        charge = 1
    return filing_entry(
        centre_id="MED-C01",
        request_id=draw(st.uuids()).hex,
        fee_agency=draw(agencies),
        fee=Money(fee),
        charge=Money(charge),
        channel=draw(channels),
        posted_at=draw(instants),
    )


@given(filings())
def test_every_filing_balances_and_its_figures_say_what_its_lines_say(entry: JournalEntry) -> None:
    assert sum(line.halalas for line in entry.lines) == 0
    collected = entry.figures.get(Figure.FEES_COLLECTED, 0) + entry.figures.get(Figure.CHARGES_COLLECTED, 0)
    channel_in = sum(line.halalas for line in entry.lines if line.halalas > 0)
    assert collected == channel_in == entry.amount.halalas
    fees_owed = -sum(line.halalas for line in entry.lines if line.account.kind is AccountKind.FEES_PAYABLE)
    assert fees_owed == entry.figures.get(Figure.FEES_COLLECTED, 0)
    assert entry.figures[Figure.FILINGS] == 1


@given(filings(), instants)
def test_a_refund_undoes_its_filing_on_every_account(filing: JournalEntry, later: datetime) -> None:
    refund = refund_entry(filing, later)
    assert refund.corrects == filing.entry_id
    assert refund.kind is EntryKind.REFUND
    assert all(value == 0 for value in balances([filing, refund]).values())
    assert refund.figures.get(Figure.FEES_REFUNDED, 0) == filing.figures.get(Figure.FEES_COLLECTED, 0)
    assert refund.figures.get(Figure.CASH_FEES_REFUNDED, 0) == filing.figures.get(Figure.CASH_FEES_COLLECTED, 0)


@given(st.lists(filings(), min_size=1, max_size=30))
def test_a_centres_accounts_always_sum_to_zero(entries: list[JournalEntry]) -> None:
    assert sum(balances(entries).values()) == 0


@given(st.integers(min_value=1, max_value=10**9))
def test_a_remittance_moves_cash_from_the_drawer_to_the_treasury(amount: int) -> None:
    entry = remittance_entry(centre_id="MED-C01", amount=Money(amount), reference="DEP-0001", posted_at=START)
    assert balances([entry]) == Counter(
        {Account(AccountKind.TREASURY): amount, Account(AccountKind.CASH_DRAWER): -amount}
    )
    assert entry.figures == {Figure.REMITTED: amount}


def test_an_entry_that_does_not_balance_or_is_empty_cannot_be_made() -> None:
    cash = Account(AccountKind.CASH_DRAWER)
    with pytest.raises(UnbalancedEntry):
        JournalEntry("MED-C01", "x", EntryKind.FILING, date(2026, 12, 1), START, (Line(cash, 100),))
    with pytest.raises(UnbalancedEntry):
        JournalEntry("MED-C01", "x", EntryKind.FILING, date(2026, 12, 1), START, ())
    with pytest.raises(UnbalancedEntry):
        JournalEntry("MED-C01", "x", EntryKind.FILING, date(2026, 12, 1), START, (Line(cash, 0),))


def test_a_filing_belongs_to_the_madinah_day_it_was_made_on() -> None:
    late_evening_utc = datetime(2026, 12, 3, 22, 30, tzinfo=UTC)  # 01:30 on 4 December in Madinah
    entry = filing_entry(
        centre_id="MED-C01",
        request_id="r",
        fee_agency="COMMERCE",
        fee=Money(30000),
        charge=Money(2500),
        channel=Channel.CASH,
        posted_at=late_evening_utc,
    )
    assert entry.day == date(2026, 12, 4)


def test_zero_amounts_and_bad_references_are_typed_errors() -> None:
    with pytest.raises(ValidationFailed) as zero:
        remittance_entry(centre_id="MED-C01", amount=Money(0), reference="DEP-1", posted_at=START)
    assert zero.value.code is ErrorCode.AMOUNT_INVALID
    for bad in ("", "ab", "has space", "x" * 33, "DEP#1"):
        with pytest.raises(ValidationFailed) as refused:
            remittance_reference(bad)
        assert refused.value.code is ErrorCode.REMITTANCE_REFERENCE_INVALID
    assert remittance_reference(" dep-0042 ") == "DEP-0042"


@pytest.mark.parametrize(
    ("terminal", "rrn"),
    [
        ("MEDT001", "123456789012"),
        ("MEDT00011", "123456789012"),
        ("MEDT0001", "12345678901"),
        ("MEDT0001", "12345678901A"),
        ("MEDT-001", "123456789012"),
    ],
)
def test_a_slip_is_an_eight_character_terminal_and_a_twelve_digit_rrn(terminal: str, rrn: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        PosSlip.read(terminal, rrn)
    assert refused.value.code is ErrorCode.POS_SLIP_INVALID
    assert PosSlip.read(" medt0001 ", "123456789012") == PosSlip("MEDT0001", "123456789012")


def test_the_statement_file_has_its_versioned_columns_and_riyal_amounts() -> None:
    statement = DayStatement(
        "MED-C01",
        date(2026, 12, 1),
        {Figure.FILINGS: 2, Figure.CASH_COLLECTED: 32500, Figure.CASH_FEES_COLLECTED: 30000, Figure.REMITTED: 10000},
    )
    lines = statements_csv([statement]).splitlines()
    assert lines[0].split(",") == list(CSV_COLUMNS)
    row = dict(zip(CSV_COLUMNS, lines[1].split(","), strict=True))
    assert row["day"] == "2026-12-01"
    assert row["filings"] == "2"
    assert row["cash_collected_sar"] == "325.00"
    assert row["expected_remittance_sar"] == "300.00"
    assert row["remitted_sar"] == "100.00"
    assert row["closed_at"] == ""
