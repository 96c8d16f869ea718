"""Document records on DynamoDB (in-process moto): found by id alone, versioned, audited in the same
transaction, listed for the citizen, part of the request's file, and queued for retention on closing."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import boto3
import pytest

from functions.bootstrap import Container
from functions.domain.audit import AuditRecord, Outcome
from functions.domain.catalogue import LocalizedText
from functions.domain.documents import DeclaredFile, Document, DocumentStatus
from functions.domain.errors import Conflict
from functions.domain.money import Money
from functions.domain.paging import PageRequest
from functions.domain.principal import Principal, Role
from functions.domain.request import PaymentMethod, RequestStatus, ServiceRequest
from functions.local.provision import ProvisionedStack
from functions.local.sample_documents import SAMPLES
from functions.services.request_ports import DocumentWrite, RequestChange
from tests.support.aws import item_count

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
OPERATOR = Principal("op", Role.CENTRE_OPERATOR, centre_id="MED-C01")


def audit(action: str = "attachDocument") -> AuditRecord:
    return AuditRecord.of(
        record_id=uuid.uuid4().hex,
        at=NOW,
        principal=OPERATOR,
        action=action,
        target="request:r",
        outcome=Outcome.ALLOWED,
        correlation_id="it",
    )


def pending(owner_id: str, document_type: str = "DEED") -> Document:
    sample = SAMPLES[0]
    return Document(
        document_id=uuid.uuid4().hex,
        owner_id=owner_id,
        centre_id="MED-C01",
        service_code="BUILDING-PERMIT",
        document_type=document_type,
        type_name=LocalizedText("صك", "Deed"),
        file=DeclaredFile(sample.file_name, sample.content_type, sample.size_bytes, sample.sha256),
        status=DocumentStatus.AWAITING_UPLOAD,
        requested_by="op",
        requested_at=NOW,
        upload_expires_at=NOW + timedelta(minutes=5),
    )


def raw_item(stack: ProvisionedStack, document: Document) -> dict[str, object]:
    ddb = boto3.client("dynamodb", region_name=stack.region)
    item: dict[str, object] = ddb.get_item(
        TableName=stack.resources["MainTable"].ref,
        Key={"pk": {"S": f"REQUEST#{document.owner_id}"}, "sk": {"S": f"DOCUMENT#{document.document_id}"}},
    )["Item"]
    return item


def test_a_document_is_found_by_its_id_alone_and_listed_with_its_owner(
    container: Container, stack: ProvisionedStack
) -> None:
    repository = container.adapters.document_repository
    owner = str(uuid.uuid4())
    first, second = pending(owner), pending(owner, "PLANS")
    audits = item_count(stack, "AuditTable")
    repository.add_document(first, audit("requestDocumentUpload"))
    repository.add_document(second, audit("requestDocumentUpload"))
    assert item_count(stack, "AuditTable") == audits + 2
    found = repository.get_document(first.document_id)
    assert found == replace(first, version=1)
    assert {d.document_id for d in repository.documents_of(owner)} == {first.document_id, second.document_id}
    assert repository.get_document("no-such-document") is None


def test_a_pending_document_expires_and_an_attached_one_does_not(container: Container, stack: ProvisionedStack) -> None:
    repository = container.adapters.document_repository
    document = pending(str(uuid.uuid4()))
    repository.add_document(document, audit())
    assert "expires_at" in raw_item(stack, document)
    stored = repository.get_document(document.document_id)
    assert stored is not None
    repository.save_document(stored.attach("op", NOW, "v1"), stored.version, audit())
    assert "expires_at" not in raw_item(stack, document)
    attached = repository.get_document(document.document_id)
    assert attached is not None
    assert (attached.status, attached.stored_version, attached.version) == (DocumentStatus.ATTACHED, "v1", 2)


def test_a_stale_write_is_a_conflict_and_writes_nothing_not_even_its_audit(
    container: Container, stack: ProvisionedStack
) -> None:
    repository = container.adapters.document_repository
    document = pending(str(uuid.uuid4()))
    repository.add_document(document, audit())
    stored = repository.get_document(document.document_id)
    assert stored is not None
    repository.save_document(stored.attach("op", NOW, "v1"), stored.version, audit())
    audits = item_count(stack, "AuditTable")
    with pytest.raises(Conflict):
        repository.save_document(stored.attach("someone-else", NOW, "v2"), stored.version, audit())
    with pytest.raises(Conflict):
        repository.add_document(document, audit())
    assert item_count(stack, "AuditTable") == audits
    assert repository.get_document(document.document_id).stored_version == "v1"  # type: ignore[union-attr]


def test_a_citizen_sees_the_documents_linked_to_them_newest_first_page_by_page(container: Container) -> None:
    repository = container.adapters.document_repository
    citizen = uuid.uuid4().hex
    linked = []
    for minutes in range(3):
        document = pending(str(uuid.uuid4()))
        repository.add_document(document, audit())
        stored = repository.get_document(document.document_id)
        assert stored is not None
        attached = stored.attach("op", NOW, "v1")
        repository.save_document(attached, stored.version, audit())
        link = attached.link(citizen, NOW + timedelta(minutes=minutes))
        repository.save_document(link, attached.version, audit())
        linked.append(link.document_id)
    repository.add_document(pending(str(uuid.uuid4())), audit())  # never linked: not theirs to see
    first = repository.list_for_citizen(citizen, PageRequest(first=2))
    assert [d.document_id for d in first.items] == linked[::-1][:2]
    rest = repository.list_for_citizen(citizen, PageRequest(first=2, after=first.next_cursor))
    assert [d.document_id for d in rest.items] == linked[:1]


def filed_request(request_id: str, status: RequestStatus, documents: tuple[str, ...], version: int) -> ServiceRequest:
    return ServiceRequest(
        request_id=request_id,
        tracking_number=f"MED-2611-{uuid.uuid4().int % 10**6:06d}",
        pin_hash="-",
        citizen_id="citizen-1",
        service_code="BUILDING-PERMIT",
        centre_id="MED-C01",
        operator_id="op",
        answers={},
        documents=documents,
        identity_document="NATIONAL_ID_CARD:2030-01-01",
        fee=Money(100000),
        service_charge=Money(2500),
        payment_method=PaymentMethod.CASH,
        receipt_number="R-1",
        route=(),
        status=status,
        version=version,
        created_at=NOW,
        updated_at=NOW,
        fingerprint="-",
    )


def test_documents_travel_with_the_request_file_and_only_a_closing_change_queues_them(container: Container) -> None:
    request_id = str(uuid.uuid4())
    document = pending(request_id)
    container.adapters.document_repository.add_document(document, audit())
    stored = container.adapters.document_repository.get_document(document.document_id)
    assert stored is not None
    attached = stored.attach("op", NOW, "v1")
    container.adapters.document_repository.save_document(attached, stored.version, audit())
    filed = filed_request(request_id, RequestStatus.SUBMITTED, (document.document_id,), 1)
    link = DocumentWrite(attached.link("citizen-1", NOW), attached.version)
    container.adapters.requests.apply(RequestChange(request=filed, expected_version=None, documents=(link,)))
    file = container.adapters.requests.get_file(request_id)
    assert file is not None
    assert [(d.document_id, d.citizen_id) for d in file.documents] == [(document.document_id, "citizen-1")]
    assert request_id not in container.adapters.document_repository.closed_requests(100)

    cancelled = replace(filed, status=RequestStatus.CANCELLED, version=2)
    container.adapters.requests.apply(RequestChange(request=cancelled, expected_version=1, close_documents=True))
    assert request_id in container.adapters.document_repository.closed_requests(100)
    container.adapters.document_repository.retention_started(request_id)
    assert request_id not in container.adapters.document_repository.closed_requests(100)


def test_a_stale_link_fails_the_whole_request_change(container: Container) -> None:
    request_id = str(uuid.uuid4())
    document = pending(request_id)
    container.adapters.document_repository.add_document(document, audit())
    stored = container.adapters.document_repository.get_document(document.document_id)
    assert stored is not None
    stale = DocumentWrite(stored.link("citizen-1", NOW), stored.version + 5)
    filed = filed_request(request_id, RequestStatus.SUBMITTED, (document.document_id,), 1)
    with pytest.raises(Conflict):
        container.adapters.requests.apply(RequestChange(request=filed, expected_version=None, documents=(stale,)))
    assert container.adapters.requests.get_file(request_id) is None


def test_each_new_document_is_due_for_one_review_once_old_enough(container: Container) -> None:
    repository = container.adapters.document_repository
    document = replace(pending(str(uuid.uuid4())), requested_at=NOW - timedelta(days=400))
    repository.add_document(document, audit())
    due = [r for r in repository.reviews_due(NOW - timedelta(days=399), 100) if r.document_id == document.document_id]
    assert [(r.document_id, r.requested_at) for r in due] == [(document.document_id, document.requested_at)]
    assert document.document_id not in {r.document_id for r in repository.reviews_due(NOW - timedelta(days=401), 100)}
    repository.reviewed(due[0])
    assert document.document_id not in {r.document_id for r in repository.reviews_due(NOW, 100)}
