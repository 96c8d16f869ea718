"""The centres' ledgers on DynamoDB (in-process moto): balances and day figures kept as entries are
written and equal to what the journal says; a replay posts nothing; a closed day, an overdrawn drawer
and a slip used twice are refused with nothing written, including the filing that carried them."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from functions.bootstrap import Container
from functions.domain.audit import AuditRecord, Outcome
from functions.domain.catalogue import LocalizedText, RouteStage, StageStep
from functions.domain.errors import Conflict, ErrorCode
from functions.domain.ledger import (
    Account,
    AccountKind,
    Channel,
    Figure,
    JournalEntry,
    PosSlip,
    filing_entry,
    refund_entry,
    remittance_entry,
)
from functions.domain.money import Money
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod, RequestStatus, ServiceRequest
from functions.local.provision import ProvisionedStack
from functions.services.request_ports import RequestChange
from tests.support.aws import item_count

NOW = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
DAY = date(2026, 12, 1)
OPERATOR = Principal("op", Role.CENTRE_OPERATOR, centre_id="MED-C01")


def audit() -> AuditRecord:
    return AuditRecord.of(
        record_id=uuid.uuid4().hex,
        at=NOW,
        principal=OPERATOR,
        action="recordRemittance",
        target="centre:x",
        outcome=Outcome.ALLOWED,
        correlation_id="it",
    )


def centre() -> str:
    return f"LEDGER-{uuid.uuid4().hex[:8]}"


def filing(centre_id: str, rng: random.Random, at: datetime = NOW) -> JournalEntry:
    return filing_entry(
        centre_id=centre_id,
        request_id=uuid.uuid4().hex,
        fee_agency=rng.choice(["COMMERCE", "MUNICIPALITY"]),
        fee=Money(rng.randrange(0, 200_000)),
        charge=Money(rng.randrange(1, 5_000)),
        channel=rng.choice(list(Channel)),
        posted_at=at,
    )


def test_balances_and_day_figures_equal_what_the_journal_says(container: Container) -> None:
    ledger = container.adapters.ledger
    centre_id, rng = centre(), random.Random(17)
    entries = [filing(centre_id, rng, NOW + timedelta(hours=rng.randrange(0, 30))) for _ in range(12)]
    entries += [
        refund_entry(entries[0], NOW + timedelta(hours=30)),
        refund_entry(entries[5], NOW + timedelta(hours=31)),
    ]
    for entry in entries:
        assert ledger.post(entry, audit())
    journal = [e for day in {e.day for e in entries} for e in ledger.journal(centre_id, day, PageRequest(100)).items]
    assert sorted(e.entry_id for e in journal) == sorted(e.entry_id for e in entries)
    expected: Counter[Account] = Counter()
    for entry in journal:
        for line in entry.lines:
            expected[line.account] += line.halalas
    assert {b.account: b.halalas for b in ledger.balances(centre_id)} == dict(expected)
    assert sum(b.halalas for b in ledger.balances(centre_id)) == 0
    for statement in ledger.statements(centre_id, DAY, DAY + timedelta(days=3)):
        posted = [e for e in journal if e.day == statement.day]
        for figure in Figure:
            assert statement.figure(figure) == sum(e.figures.get(figure, 0) for e in posted), figure


def test_the_same_entry_twice_posts_once(container: Container, stack: ProvisionedStack) -> None:
    ledger = container.adapters.ledger
    centre_id = centre()
    entry = filing(centre_id, random.Random(3))
    assert ledger.post(entry, audit())
    items = item_count(stack)
    before = ledger.balances(centre_id)
    assert not ledger.post(entry, audit())
    assert ledger.balances(centre_id) == before
    assert item_count(stack) == items


def test_a_closed_day_and_an_overdrawn_drawer_are_refused_with_nothing_written(
    container: Container, stack: ProvisionedStack
) -> None:
    ledger = container.adapters.ledger
    centre_id = centre()
    cash = filing_entry(
        centre_id=centre_id,
        request_id="r-cash",
        fee_agency="COMMERCE",
        fee=Money(10_000),
        charge=Money(1_000),
        channel=Channel.CASH,
        posted_at=NOW,
    )
    ledger.post(cash, audit())
    items = item_count(stack)
    over = remittance_entry(centre_id=centre_id, amount=Money(11_001), reference="DEP-OVER", posted_at=NOW)
    with pytest.raises(Conflict) as overdrawn:
        ledger.post(over, audit())
    assert overdrawn.value.code is ErrorCode.REMITTANCE_EXCEEDS_CASH
    assert item_count(stack) == items
    assert ledger.post(
        remittance_entry(centre_id=centre_id, amount=Money(11_000), reference="DEP-ALL", posted_at=NOW), audit()
    )
    closed = ledger.close_day(centre_id, DAY, "mon", NOW + timedelta(days=1), audit())
    assert closed.closed_by == "mon"
    assert closed.figure(Figure.REMITTED) == 11_000
    again = ledger.close_day(centre_id, DAY, "other", NOW + timedelta(days=2), audit())
    assert (again.closed_by, again.closed_at) == ("mon", closed.closed_at)
    items, balances = item_count(stack), ledger.balances(centre_id)
    with pytest.raises(Conflict) as late:
        ledger.post(filing(centre_id, random.Random(5)), audit())
    assert late.value.code is ErrorCode.DAY_CLOSED
    assert (item_count(stack), ledger.balances(centre_id)) == (items, balances)


def request(centre_id: str) -> ServiceRequest:
    return ServiceRequest(
        request_id=uuid.uuid4().hex,
        tracking_number=f"MED-2612-{uuid.uuid4().int % 10**6:06d}",
        pin_hash="-",
        citizen_id="citizen-1",
        service_code="SHOP-LICENCE",
        centre_id=centre_id,
        operator_id="op",
        answers={},
        documents=(),
        identity_document="NATIONAL_ID_CARD:2030-01-01",
        fee=Money(30000),
        service_charge=Money(2500),
        payment_method=PaymentMethod.MADA,
        receipt_number="R-1",
        route=(RouteStage((StageStep("COMMERCE", LocalizedText("مراجعة", "Review"), 4, 24),)),),
        status=RequestStatus.SUBMITTED,
        version=1,
        created_at=NOW,
        updated_at=NOW,
        fingerprint="-",
    )


def card_filing(filed: ServiceRequest, slip: PosSlip) -> RequestChange:
    """A new request paid by card, with its filing's ledger entry and its slip's claim."""
    entry = filing_entry(
        centre_id=filed.centre_id,
        request_id=filed.request_id,
        fee_agency="COMMERCE",
        fee=filed.fee,
        charge=filed.service_charge,
        channel=Channel.MADA,
        posted_at=NOW,
        reference=slip.retrieval_reference,
    )
    return RequestChange(request=filed, expected_version=None, ledger=entry, pos_slip=slip)


def test_a_slip_used_twice_refuses_the_second_filing_whole(container: Container, stack: ProvisionedStack) -> None:
    requests, ledger = container.adapters.requests, container.adapters.ledger
    centre_id = centre()
    slip = PosSlip("MEDT0001", f"{uuid.uuid4().int % 10**12:012d}")

    def change(filed: ServiceRequest) -> RequestChange:
        return card_filing(filed, slip)

    first = request(centre_id)
    requests.apply(change(first))
    assert ledger.entry(centre_id, f"{first.request_id}#FILING") is not None
    items = item_count(stack)
    with pytest.raises(Conflict) as again:  # the same filing again: the request exists, its slip is its own
        requests.apply(change(first))
    assert again.value.code is ErrorCode.ALREADY_EXISTS
    assert item_count(stack) == items
    second = request(centre_id)
    with pytest.raises(Conflict) as used:
        requests.apply(change(second))
    assert (used.value.code, used.value.field) == (ErrorCode.POS_SLIP_USED, "posSlip")
    assert item_count(stack) == items
    assert requests.get_file(second.request_id) is None
    assert {b.account.kind: b.halalas for b in ledger.balances(centre_id)}[AccountKind.MADA_CLEARING] == 32500
