"""Settlement files on the local AWS (in-process moto): put in the settlements bucket as the acquirer
would, handed to the settlementFiles handler as EventBridge's "Object Created" (the local stand-in,
functions/local/bucket_events.py), reconciled against slips filed through the request repository."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from functions import bootstrap
from functions.bootstrap import Container
from functions.domain.ledger import AccountKind, PosSlip
from functions.domain.paging import PageRequest
from functions.domain.settlement import DiscrepancyKind
from functions.local.acquirer_simulator import SHORT_BY, Faults, Processed, put_settlement, settlement_file
from functions.local.bucket_events import BucketEvents, object_created
from functions.local.lambda_context import FakeLambdaContext
from functions.local.provision import ProvisionedStack
from tests.integration.test_ledger_repository import card_filing, request

NOW = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
DAY = date(2026, 12, 1)


@pytest.fixture
def handler_environment(stack: ProvisionedStack) -> Iterator[None]:
    """The handler builds its container from the environment, as on AWS."""
    with pytest.MonkeyPatch.context() as patch:
        for key, value in stack.environment.items():
            patch.setitem(os.environ, key, value)
        bootstrap.container.cache_clear()
        yield
    bootstrap.container.cache_clear()


def card_payments(container: Container, centre_id: str, count: int) -> list[Processed]:
    processed = []
    for _ in range(count):
        filed = request(centre_id)
        slip = PosSlip("MEDT0001", f"{uuid.uuid4().int % 10**12:012d}")
        container.adapters.requests.apply(card_filing(filed, slip))
        processed.append(Processed(slip, filed.fee + filed.service_charge, DAY))
    return processed


def test_a_settlement_file_put_in_the_bucket_is_reconciled_once(
    container: Container, stack: ProvisionedStack, handler_environment: None
) -> None:
    from functions.handlers import settlement_files

    centre_id = f"SETTLE-{uuid.uuid4().hex[:6]}"
    processed = card_payments(container, centre_id, 3)
    s3, bucket = container.adapters.client("s3"), stack.resources["SettlementsBucket"].ref
    replies: list[dict[str, object]] = []
    events = BucketEvents(
        s3,
        bucket,
        ("mada/", "sadad/"),
        lambda event, context: replies.append(settlement_files.handler(event, context)),
        stack.region,
    )
    events.deliver_new()  # whatever earlier tests left
    replies.clear()

    text = settlement_file(DAY, processed, Faults(drop=1, short=1))
    put_settlement(s3, bucket, DAY, text, name=f"{centre_id}-1")
    put_settlement(s3, bucket, DAY, text, name=f"{centre_id}-copy")  # the same bytes under another name
    assert events.deliver_new() == 2
    first, copy = replies
    assert first["settled"] == 2
    assert first["alreadyDone"] is False
    assert copy["alreadyDone"] is True
    discrepancies = container.adapters.settlements.discrepancies(centre_id, DAY, DAY, PageRequest(50)).items
    assert sorted(d.kind for d in discrepancies) == [
        DiscrepancyKind.AMOUNT_MISMATCH,
        DiscrepancyKind.MISSING_IN_SETTLEMENT,
    ]
    [statement] = container.adapters.ledger.statements(centre_id, DAY, DAY)
    assert (statement.settled_lines, statement.discrepancies) == (2, 2)
    balances = {b.account.kind: b.halalas for b in container.adapters.ledger.balances(centre_id)}
    paid = processed[0].amount.halalas
    assert balances[AccountKind.BANK] == 2 * paid - SHORT_BY.halalas
    assert balances[AccountKind.MADA_CLEARING] == paid + SHORT_BY.halalas
    assert sum(balances.values()) == 0


def test_a_truncated_file_is_refused_and_the_complete_one_then_settles(
    container: Container, stack: ProvisionedStack, handler_environment: None
) -> None:
    from functions.handlers import settlement_files

    centre_id = f"SETTLE-{uuid.uuid4().hex[:6]}"
    processed = card_payments(container, centre_id, 2)
    s3, bucket = container.adapters.client("s3"), stack.resources["SettlementsBucket"].ref
    cut = put_settlement(
        s3, bucket, DAY, settlement_file(DAY, processed, Faults(truncate=True)), name=f"{centre_id}-cut"
    )

    refused = settlement_files.handler(object_created(bucket, cut, 1, stack.region), FakeLambdaContext())
    assert refused["refused"] == "SETTLEMENT_TRUNCATED"
    assert all(c.settled_on is None for c in container.adapters.settlements.unsettled(DAY) if c.centre_id == centre_id)
    whole = put_settlement(s3, bucket, DAY, settlement_file(DAY, processed), name=f"{centre_id}-whole")
    settled = settlement_files.handler(object_created(bucket, whole, 1, stack.region), FakeLambdaContext())
    assert settled["settled"] == 2
    assert [b.halalas for b in container.adapters.ledger.balances(centre_id) if b.account.kind is AccountKind.BANK] == [
        sum(p.amount.halalas for p in processed)
    ]
