"""What a declared file must be, and what the uploaded bytes must prove before a document counts."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from functions.domain.catalogue import LocalizedText, RequiredDocument
from functions.domain.documents import (
    ArrivedUpload,
    DeclaredFile,
    Document,
    DocumentStatus,
    choose_documents,
    newest_attached,
    verify_upload,
)
from functions.domain.errors import DomainError, ErrorCode
from functions.local.sample_documents import SAMPLES, sample_for

MAX = 10 * 1024 * 1024
PDF, JPEG, PNG = SAMPLES
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
EXPIRES = NOW + timedelta(minutes=5)
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"
)


def declared(**changes: object) -> DeclaredFile:
    arguments: dict[str, object] = {
        "file_name": PDF.file_name,
        "content_type": PDF.content_type,
        "size_bytes": PDF.size_bytes,
        "sha256": PDF.sha256,
        "max_bytes": MAX,
    }
    arguments.update(changes)
    return DeclaredFile.of(**arguments)  # type: ignore[arg-type]


def refused(code: ErrorCode, **changes: object) -> None:
    with pytest.raises(DomainError) as raised:
        declared(**changes)
    assert raised.value.code is code


def test_each_sample_is_the_type_its_name_says() -> None:
    for sample in SAMPLES:
        file = declared(
            file_name=sample.file_name,
            content_type=sample.content_type,
            size_bytes=sample.size_bytes,
            sha256=sample.sha256,
        )
        assert file.kind.matches(sample.content)
        assert file.kind.name == {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}[sample]


def test_a_declaration_is_normalised() -> None:
    file = declared(content_type=" Application/PDF ", sha256=PDF.sha256.upper(), file_name="  صك الأرض.PDF ")
    assert (file.content_type, file.sha256, file.file_name) == ("application/pdf", PDF.sha256, "صك الأرض.PDF")


@pytest.mark.parametrize(
    "content_type", ["application/x-msdownload", "text/html", "image/svg+xml", "application/zip", "image/gif", ""]
)
def test_only_pdf_jpeg_and_png_are_accepted(content_type: str) -> None:
    refused(ErrorCode.CONTENT_TYPE_NOT_ALLOWED, content_type=content_type)


def test_the_size_must_be_positive_and_at_most_the_limit() -> None:
    refused(ErrorCode.DOCUMENT_EMPTY, size_bytes=0)
    refused(ErrorCode.DOCUMENT_EMPTY, size_bytes=-1)
    refused(ErrorCode.DOCUMENT_TOO_LARGE, size_bytes=MAX + 1)
    assert declared(size_bytes=MAX).size_bytes == MAX


@pytest.mark.parametrize("digest", ["", "abc", "g" * 64, PDF.sha256[:-1], PDF.sha256 + "0", "sha256:" + PDF.sha256])
def test_the_checksum_is_a_sha256_in_hex(digest: str) -> None:
    refused(ErrorCode.CHECKSUM_INVALID, sha256=digest)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\..\\windows\\system32.pdf",
        "/absolute.pdf",
        "deeds/deed.pdf",
        "C:deed.pdf",
        "..pdf",
        ".hidden.pdf",
        "deed..pdf",
        "deed\x00.pdf",
        "deed\n.pdf",
        "fdp\u202e.exe.pdf",  # right-to-left override: shows a different extension than it has
        "deed.exe",
        "deed.pdf.exe",
        "deed",
        ".pdf",
        "deed.png",  # a PNG extension on a PDF
        "x" * 117 + ".pdf",
        "",
        "   ",
    ],
)
def test_path_traversal_hidden_characters_and_wrong_extensions_are_refused(name: str) -> None:
    refused(ErrorCode.FILE_NAME_INVALID, file_name=name)


def test_a_jpeg_may_be_called_jpg_or_jpeg() -> None:
    for name in ("scan.jpg", "scan.JPEG"):
        assert (
            declared(
                file_name=name, content_type="image/jpeg", size_bytes=JPEG.size_bytes, sha256=JPEG.sha256
            ).file_name
            == name
        )


def arrived(content: bytes, at: datetime = NOW, size: int | None = None) -> ArrivedUpload:
    return ArrivedUpload(len(content) if size is None else size, at, content)


def verify_fails(file: DeclaredFile, upload: ArrivedUpload) -> ErrorCode:
    with pytest.raises(DomainError) as raised:
        verify_upload(file, upload, EXPIRES)
    return raised.value.code


def test_the_declared_bytes_arriving_in_time_pass() -> None:
    verify_upload(declared(), arrived(PDF.content, at=EXPIRES), EXPIRES)


def test_bytes_that_arrived_after_the_link_expired_are_refused() -> None:
    assert verify_fails(declared(), arrived(PDF.content, at=EXPIRES + timedelta(seconds=1))) is ErrorCode.UPLOAD_EXPIRED


def test_another_size_is_refused_even_if_storage_says_otherwise() -> None:
    assert verify_fails(declared(), arrived(PDF.content + b"x")) is ErrorCode.UPLOAD_SIZE_MISMATCH
    assert verify_fails(declared(), arrived(PDF.content[:-1])) is ErrorCode.UPLOAD_SIZE_MISMATCH
    assert verify_fails(declared(), arrived(PDF.content[:-1], size=PDF.size_bytes)) is ErrorCode.UPLOAD_SIZE_MISMATCH


def test_other_bytes_of_the_same_size_fail_the_checksum() -> None:
    tampered = PDF.content[:-2] + b"!!"
    assert verify_fails(declared(), arrived(tampered)) is ErrorCode.UPLOAD_CHECKSUM_MISMATCH


def test_an_executable_renamed_pdf_is_refused_by_its_magic_number() -> None:
    file = declared(file_name="deed.pdf", size_bytes=len(EXECUTABLE), sha256=hashlib.sha256(EXECUTABLE).hexdigest())
    assert verify_fails(file, arrived(EXECUTABLE)) is ErrorCode.UPLOAD_CONTENT_MISMATCH


@pytest.mark.parametrize(("sample", "claimed"), [(JPEG, "image/png"), (PNG, "application/pdf"), (PDF, "image/jpeg")])
def test_a_file_of_another_allowed_type_is_refused_too(sample: object, claimed: str) -> None:
    content = sample.content  # type: ignore[attr-defined]
    extension = {"image/png": "x.png", "application/pdf": "x.pdf", "image/jpeg": "x.jpg"}[claimed]
    file = declared(
        file_name=extension, content_type=claimed, size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest()
    )
    assert verify_fails(file, arrived(content)) is ErrorCode.UPLOAD_CONTENT_MISMATCH


REQUIRED = (
    RequiredDocument("DEED", LocalizedText("صك", "Deed")),
    RequiredDocument("PLANS", LocalizedText("مخططات", "Plans")),
)


def document(document_id: str, document_type: str, *, attached: bool = True, minutes: int = 0) -> Document:
    sample = sample_for(document_type)
    file = declared(
        file_name=sample.file_name,
        content_type=sample.content_type,
        size_bytes=sample.size_bytes,
        sha256=sample.sha256,
    )
    pending = Document(
        document_id=document_id,
        owner_id="request-1",
        centre_id="MED-C01",
        service_code="BUILDING-PERMIT",
        document_type=document_type,
        type_name=LocalizedText("-", "-"),
        file=file,
        status=DocumentStatus.AWAITING_UPLOAD,
        requested_by="op",
        requested_at=NOW,
        upload_expires_at=EXPIRES,
    )
    return pending.attach("op", NOW + timedelta(minutes=minutes), "v1") if attached else pending


def test_choosing_documents_needs_one_attached_document_per_listed_type_in_the_services_order() -> None:
    available = [document("p", "PLANS"), document("d", "DEED")]
    assert [d.document_id for d in choose_documents(REQUIRED, ["p", "d"], available)] == ["d", "p"]


@pytest.mark.parametrize(
    ("chosen", "code"),
    [
        (["d"], ErrorCode.DOCUMENT_MISSING),
        ([], ErrorCode.DOCUMENT_MISSING),
        (["d", "p", "pending"], ErrorCode.DOCUMENT_NOT_ATTACHED),
        (["d", "p", "elsewhere"], ErrorCode.DOCUMENT_NOT_ATTACHED),
        (["d", "p", "photo"], ErrorCode.DOCUMENT_UNKNOWN),
        (["d", "p", "d2"], ErrorCode.DOCUMENT_DUPLICATE),
        (["d", "p", "d"], ErrorCode.DOCUMENT_DUPLICATE),
    ],
)
def test_choosing_documents_refuses_what_does_not_fit(chosen: list[str], code: ErrorCode) -> None:
    available = [
        document("d", "DEED"),
        document("d2", "DEED"),
        document("p", "PLANS"),
        document("photo", "PHOTO"),
        document("pending", "PLANS", attached=False),
    ]
    with pytest.raises(DomainError) as raised:
        choose_documents(REQUIRED, chosen, available)
    assert raised.value.code is code


def test_the_newest_attached_document_of_each_type_replaces_the_one_before() -> None:
    available = [
        document("d-old", "DEED"),
        document("p", "PLANS"),
        document("d-new", "DEED", minutes=5),
        document("d-pending", "DEED", attached=False, minutes=9),
    ]
    assert [d.document_id for d in newest_attached(REQUIRED, available)] == ["d-new", "p"]
    with pytest.raises(DomainError) as raised:
        newest_attached(REQUIRED, [document("d", "DEED")])
    assert raised.value.code is ErrorCode.DOCUMENT_MISSING


def test_a_document_links_to_its_citizen_once() -> None:
    linked = document("d", "DEED").link("citizen-1", NOW)
    assert (linked.citizen_id, linked.linked_at, linked.version) == ("citizen-1", NOW, 2)
    assert linked.link("citizen-2", NOW + timedelta(days=1)) is linked
    assert replace(linked, citizen_id=None).download_name == "DEED.pdf"
