"""The request item every change rewrites stays under 1 KB (docs/data-model.md, docs/performance.md).

Each change to a request writes its item in a transaction (twice its started KBs) and in three indexes
(once each): under 1 KB that is 5 write units per change, from 1 KB on 10. The worst case here has every
code at the longest a catalogue code may be (32 characters), the longest status, every optional time
set and numbers at their widest; what was filed (answers, documents, route, hashes) is the filing item's.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from bench.lifecycle_prices import item_size
from functions.adapters.dynamodb.request_items import FilingItem, RequestItem, filing_changed
from functions.domain.catalogue import LocalizedText, RouteStage, StageStep
from functions.domain.money import Money
from functions.domain.request import PaymentMethod, RequestStatus, ServiceRequest

LONGEST_CODE = 32
AT = datetime(2026, 12, 4, 15, 39, 48, 735634, tzinfo=UTC)


def widest_request() -> ServiceRequest:
    status = max(RequestStatus, key=lambda s: len(s.value))
    step = StageStep("A" * LONGEST_CODE, LocalizedText("فحص السلامة والتحقق من السجل", "Safety inspection"), 8, 72)
    return ServiceRequest(
        request_id=str(uuid.uuid4()),
        tracking_number="MED-2612-999999",
        pin_hash="a" * 64,
        citizen_id=uuid.uuid4().hex,
        service_code="S" * LONGEST_CODE,
        centre_id="C" * LONGEST_CODE,
        operator_id=uuid.uuid4().hex,
        answers={f"field{n}": "x" * 200 for n in range(10)},
        documents=tuple(uuid.uuid4().hex for _ in range(10)),
        identity_document="NATIONAL_ID_CARD:2029-05-22",
        fee=Money(99_999_999),
        service_charge=Money(99_999_999),
        payment_method=max(PaymentMethod, key=lambda m: len(m.value)),
        receipt_number="R-MED-2612-999999",
        route=(RouteStage((step, step)), RouteStage((step, step, step))),
        status=status,
        version=999_999,
        created_at=AT,
        updated_at=AT,
        fingerprint="f" * 64,
        citizen_language="ar",
        citizen_masked_mobile="+9665*****64",
        refunded_at=AT,
        delivered_at=AT,
        completed_at=AT,
    )


def test_the_request_item_stays_under_one_kilobyte_at_its_widest() -> None:
    item = RequestItem.from_domain(widest_request())
    item.last_change = uuid.uuid4().hex
    item.version = 999_999
    assert item_size(item.serialize()) < 1024  # DynamoDB's write unit


def test_what_was_filed_lives_in_the_filing_item_and_comes_back_whole() -> None:
    request = widest_request()
    hot, filing = RequestItem.from_domain(request), FilingItem.from_domain(request)
    assert item_size(filing.serialize()) > 1024  # the bulk left the request item
    hot.version = request.version  # the repository carries the version read (conditions the write on it)
    assert hot.to_domain(filing) == request


def test_only_a_change_of_what_was_filed_rewrites_the_filing_item() -> None:
    request = widest_request()
    assert not filing_changed(replace(request, status=RequestStatus.SUBMITTED, version=2), request)
    assert filing_changed(replace(request, answers={"floors": "3"}), request)
    assert filing_changed(replace(request, documents=request.documents[:1]), request)
