"""The documents bucket on moto's server, through real HTTP: presigned upload forms, verification reads,
kept bytes, download links and retention tags — and what moto's S3 does not enforce."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import httpx
import pytest

from functions.adapters.s3_documents import S3DocumentStore
from functions.domain.catalogue import LocalizedText
from functions.domain.documents import DeclaredFile, Document, DocumentStatus, Retention, verify_upload
from functions.domain.errors import DomainError, ErrorCode
from functions.local.moto_server import MotoServer
from functions.local.provision import ProvisionedStack, provision
from functions.local.sample_documents import SAMPLES
from tests.support.documents import post_to

PDF, JPEG, PNG = SAMPLES
MAX = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def stack(moto_server: MotoServer) -> ProvisionedStack:
    moto_server.reset()
    return provision(endpoint_url=moto_server.endpoint_url)


@pytest.fixture(scope="module")
def s3(stack: ProvisionedStack) -> Any:
    return boto3.client("s3", region_name=stack.region, endpoint_url=stack.environment["AWS_ENDPOINT_URL"])


@pytest.fixture(scope="module")
def store(stack: ProvisionedStack, s3: Any) -> S3DocumentStore:
    return S3DocumentStore(s3, stack.environment["DOCUMENTS_BUCKET"])


def document(sample: Any = PDF, **changes: Any) -> Document:
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "document_id": uuid.uuid4().hex,
        "owner_id": str(uuid.uuid4()),
        "centre_id": "MED-C01",
        "service_code": "BUILDING-PERMIT",
        "document_type": "DEED",
        "type_name": LocalizedText("صك", "Deed"),
        "file": DeclaredFile.of("صك محمد.pdf", sample.content_type, sample.size_bytes, sample.sha256, MAX)
        if sample is PDF
        else DeclaredFile.of(sample.file_name, sample.content_type, sample.size_bytes, sample.sha256, MAX),
        "status": DocumentStatus.AWAITING_UPLOAD,
        "requested_by": "op",
        "requested_at": now,
        "upload_expires_at": now + timedelta(minutes=5),
    }
    values.update(changes)
    return Document(**values)


def policy_of(fields: dict[str, str]) -> dict[str, Any]:
    policy: dict[str, Any] = json.loads(base64.b64decode(fields["policy"]))
    return policy


def test_the_upload_form_carries_the_declared_type_exact_size_and_checksum(store: S3DocumentStore) -> None:
    pending = document()
    form = store.upload_form(pending, 300, pending.upload_expires_at)
    conditions = policy_of(form.fields)["conditions"]
    checksum = base64.b64encode(bytes.fromhex(PDF.sha256)).decode()
    assert {"Content-Type": "application/pdf"} in conditions
    assert ["content-length-range", PDF.size_bytes, PDF.size_bytes] in conditions
    assert {"x-amz-checksum-sha256": checksum} in conditions
    assert {"x-amz-checksum-algorithm": "SHA256"} in conditions
    assert form.fields["key"] == f"incoming/{pending.document_id}"
    expiration = datetime.fromisoformat(policy_of(form.fields)["expiration"].replace("Z", "+00:00"))
    assert timedelta(seconds=290) < expiration - datetime.now(UTC) <= timedelta(seconds=300)


def test_no_personal_data_in_keys_or_links(store: S3DocumentStore) -> None:
    pending = document()  # the file name carries a name, as real ones do
    form = store.upload_form(pending, 300, pending.upload_expires_at)
    link = store.download_link(pending.attach("op", datetime.now(UTC), "v"), 300)
    for text in (form.url, json.dumps(form.fields), link):
        assert "محمد" not in text
        assert "%D9" not in text.upper()  # nor percent-encoded Arabic
    assert "DEED.pdf" in httpx.URL(link).params["response-content-disposition"]


def test_a_truthful_upload_is_read_back_kept_and_downloaded_by_its_link(
    store: S3DocumentStore, s3: Any, stack: ProvisionedStack
) -> None:
    pending = document(JPEG)
    form = store.upload_form(pending, 300, pending.upload_expires_at)
    assert store.fetch_upload(pending) is None
    assert post_to(form, JPEG.content) == 204
    arrived = store.fetch_upload(pending)
    assert arrived is not None
    assert (arrived.size_bytes, arrived.content) == (JPEG.size_bytes, JPEG.content)
    verify_upload(pending.file, arrived, pending.upload_expires_at)

    version = store.keep(pending, arrived.content)
    kept = pending.attach("op", datetime.now(UTC), version)
    link = store.download_link(kept, 60)
    assert httpx.URL(link).params["versionId"] == version
    reply = httpx.get(link, timeout=30)
    assert reply.status_code == 200
    assert reply.content == JPEG.content
    assert reply.headers["content-type"] == "image/jpeg"
    assert reply.headers["content-disposition"] == 'attachment; filename="DEED.jpg"'
    head = s3.head_object(Bucket=stack.environment["DOCUMENTS_BUCKET"], Key=f"documents/{pending.document_id}")
    assert head["ContentType"] == "image/jpeg"


def test_a_wrong_size_is_seen_without_reading_the_bytes(store: S3DocumentStore) -> None:
    pending = document()
    assert post_to(store.upload_form(pending, 300, pending.upload_expires_at), PDF.content + b"tail") == 204
    arrived = store.fetch_upload(pending)
    assert arrived is not None
    assert (arrived.size_bytes, arrived.content) == (PDF.size_bytes + 4, b"")


@pytest.mark.parametrize(
    ("uploaded", "code"),
    [
        (PNG.content, ErrorCode.UPLOAD_SIZE_MISMATCH),  # breaks content-length-range
        (PDF.content[:-3] + b"XYZ", ErrorCode.UPLOAD_CHECKSUM_MISMATCH),  # breaks x-amz-checksum-sha256
    ],
)
def test_moto_accepts_what_s3_would_refuse_so_attach_checks_for_itself(
    store: S3DocumentStore, uploaded: bytes, code: ErrorCode
) -> None:
    """S3 refuses these POSTs (the form's conditions); moto 5.2 stores them. Re-check on upgrades."""
    pending = document()
    assert post_to(store.upload_form(pending, 300, pending.upload_expires_at), uploaded) == 204
    arrived = store.fetch_upload(pending)
    assert arrived is not None
    with pytest.raises(DomainError) as raised:
        verify_upload(pending.file, arrived, pending.upload_expires_at)
    assert raised.value.code is code


def test_a_form_posted_after_it_expired_is_stored_by_moto_and_refused_by_verification(
    store: S3DocumentStore,
) -> None:
    pending = document(upload_expires_at=datetime.now(UTC) - timedelta(seconds=5))
    assert post_to(store.upload_form(pending, 1, pending.upload_expires_at), PDF.content) == 204
    arrived = store.fetch_upload(pending)
    assert arrived is not None
    with pytest.raises(DomainError) as raised:
        verify_upload(pending.file, arrived, pending.upload_expires_at)
    assert raised.value.code is ErrorCode.UPLOAD_EXPIRED


def test_retention_tags_the_kept_bytes_for_the_lifecycle_rule(
    store: S3DocumentStore, s3: Any, stack: ProvisionedStack
) -> None:
    pending = document()
    kept = pending.attach("op", datetime.now(UTC), store.keep(pending, PDF.content))
    store.start_retention(kept, Retention.CLOSED)
    store.start_retention(kept, Retention.CLOSED)  # the sweeper may do it twice
    bucket = stack.environment["DOCUMENTS_BUCKET"]
    tags = s3.get_object_tagging(Bucket=bucket, Key=f"documents/{kept.document_id}")["TagSet"]
    assert tags == [{"Key": "retention", "Value": "closed"}]
