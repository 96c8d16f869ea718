"""Documents of requests on in-memory fakes: upload, verify and attach, file, read, re-upload, retention.

The same rules run over the API, against moto's S3 and DynamoDB, in tests/api/test_documents_api.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from functions.domain.audit import Outcome
from functions.domain.calendar_dates import DateEntry
from functions.domain.citizen import IdentityDocumentType, Language
from functions.domain.documents import DocumentStatus, Retention
from functions.domain.errors import DomainError, ErrorCode
from functions.domain.paging import PageRequest
from functions.domain.principal import ANONYMOUS, Principal, Role
from functions.domain.request import PaymentMethod, RequestStatus
from functions.local.sample_documents import SAMPLES, SampleFile, sample_for
from functions.local.seeding import seed_catalogue
from functions.services.caller import Caller
from functions.services.citizen_records import EvidenceForm, OpenRecordForm
from functions.services.request_documents import UploadDeclaration
from functions.services.request_submission import SubmissionForm
from tests.fakes.documents import declaration, filed_documents, upload_and_attach
from tests.fakes.identity import ADULT_BIRTH, TODAY, IdentityWorld

OPERATOR = Caller(Principal("op-1", Role.CENTRE_OPERATOR, centre_id="MED-C01"), "corr")
OTHER_CENTRE = Caller(Principal("op-2", Role.CENTRE_OPERATOR, centre_id="MED-C02"), "corr")
SUSPENDED = Caller(Principal("op-3", Role.CENTRE_OPERATOR, centre_id="MED-C03"), "corr")
MONITOR = Caller(Principal("mon", Role.MONITOR), "corr")
ADMIN = Caller(Principal("adm", Role.ADMIN), "corr")
EVIDENCE = EvidenceForm(
    IdentityDocumentType.NATIONAL_ID_CARD, "1000000008", DateEntry.gregorian(TODAY + timedelta(days=400))
)
KEY = "filing-0001"
PDF, JPEG, PNG = SAMPLES


def officer(agency: str) -> Caller:
    return Caller(Principal(f"officer-{agency}", Role.AGENCY_OFFICER, agency_code=agency), "corr")


def citizen(citizen_id: str) -> Caller:
    return Caller(Principal(citizen_id, Role.CITIZEN), "corr")


@pytest.fixture
def world() -> IdentityWorld:
    world = IdentityWorld()
    seed_catalogue(world.catalogue)
    return world


@pytest.fixture
def citizen_id(world: IdentityWorld) -> str:
    form = OpenRecordForm("1000000008", "محمد", None, ADULT_BIRTH, "0512345678", Language.AR, EVIDENCE)
    return world.records.open_citizen_record(OPERATOR, form).citizen.citizen_id


def file_shop_licence(world: IdentityWorld, citizen_id: str, key: str = KEY) -> str:
    form = SubmissionForm(
        citizen_id=citizen_id,
        service_code="SHOP-LICENCE",
        answers={"activity": "RETAIL", "shopAreaSqm": "40"},
        documents=filed_documents(world, OPERATOR, "SHOP-LICENCE", key),
        amount=Decimal("325.00"),
        payment_method=PaymentMethod.CASH,
        identity_check=EVIDENCE,
        idempotency_key=key,
    )
    return world.submission.submit_service_request(OPERATOR, form).file.request.request_id


def code_of(call: object) -> ErrorCode:
    with pytest.raises(DomainError) as raised:
        call()  # type: ignore[operator]
    return raised.value.code


def draft(document_type: str = "LEASE", sample: SampleFile | None = None, **changes: object) -> UploadDeclaration:
    """A shop licence document declared for the draft under KEY (``changes``: UploadDeclaration fields)."""
    return replace(declaration(document_type, sample, key=KEY, service_code="SHOP-LICENCE"), **changes)  # type: ignore[arg-type]


# ---------------------------------------------------------------- upload, verify, attach, file


def test_the_centre_uploads_and_attaches_the_documents_and_the_request_is_filed_with_them(
    world: IdentityWorld, citizen_id: str
) -> None:
    issued = world.documents.request_upload(OPERATOR, draft("LEASE", sample=JPEG))
    assert issued.document.status is DocumentStatus.AWAITING_UPLOAD
    assert issued.form.expires_at == world.clock.now() + timedelta(seconds=300)
    world.document_store.upload(issued.document.document_id, JPEG.content)
    attached = world.documents.attach(OPERATOR, issued.document.document_id)
    assert (attached.status, attached.attached_by, attached.stored_version) == (DocumentStatus.ATTACHED, "op-1", "v-1")
    assert world.document_store.kept[attached.document_id] == JPEG.content

    request_id = file_shop_licence(world, citizen_id)
    file = world.requests.get_file(request_id)
    assert file is not None
    filed = {d.document_type: d for d in file.documents if d.document_id in file.request.documents}
    assert sorted(filed) == ["COMMERCIAL-REGISTER", "LEASE"]
    assert filed["LEASE"].document_id == attached.document_id
    assert all(d.citizen_id == citizen_id for d in filed.values())
    mine = world.documents.my_documents(citizen(citizen_id), PageRequest())
    assert sorted(d.document_id for d in mine.items) == sorted(file.request.documents)
    actions = [r.action for r in world.log.records if r.target == f"request:{request_id}"]
    assert actions[:4] == ["requestDocumentUpload", "attachDocument", "requestDocumentUpload", "attachDocument"]


def test_the_draft_lists_what_was_uploaded_for_it(world: IdentityWorld) -> None:
    document = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", key=KEY, service_code="SHOP-LICENCE"
    )
    pending = world.documents.request_upload(OPERATOR, draft("COMMERCIAL-REGISTER")).document
    listed = {d.document_id: d.status for d in world.documents.draft_documents(OPERATOR, KEY)}
    assert listed == {
        document.document_id: DocumentStatus.ATTACHED,
        pending.document_id: DocumentStatus.AWAITING_UPLOAD,
    }
    assert world.documents.draft_documents(OTHER_CENTRE, KEY) == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"content_type": "application/x-msdownload"}, ErrorCode.CONTENT_TYPE_NOT_ALLOWED),
        ({"size_bytes": 10 * 1024 * 1024 + 1}, ErrorCode.DOCUMENT_TOO_LARGE),
        ({"size_bytes": 0}, ErrorCode.DOCUMENT_EMPTY),
        ({"sha256": "not a checksum"}, ErrorCode.CHECKSUM_INVALID),
        ({"file_name": "../../../etc/passwd.pdf"}, ErrorCode.FILE_NAME_INVALID),
        ({"document_type": "PASSPORT"}, ErrorCode.DOCUMENT_UNKNOWN),
        ({"service_code": "NO-SUCH"}, ErrorCode.NOT_FOUND),
        ({"draft_key": "short"}, ErrorCode.IDEMPOTENCY_KEY_REQUIRED),
        ({"draft_key": None}, ErrorCode.VALIDATION_FAILED),
        ({"request_id": "some-request"}, ErrorCode.VALIDATION_FAILED),
    ],
)
def test_a_bad_declaration_is_refused_and_nothing_is_recorded(
    world: IdentityWorld, changes: dict[str, object], code: ErrorCode
) -> None:
    assert code_of(lambda: world.documents.request_upload(OPERATOR, replace(draft(), **changes))) is code  # type: ignore[type-var]
    assert world.document_records.documents == {}
    assert [r for r in world.log.records if r.outcome is Outcome.ALLOWED] == []


def test_a_suspended_centre_uploads_nothing(world: IdentityWorld) -> None:
    assert code_of(lambda: world.documents.request_upload(SUSPENDED, draft())) is ErrorCode.CENTRE_INACTIVE
    assert world.document_records.documents == {}


EXECUTABLE = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00"


@pytest.mark.parametrize(
    ("declared_as", "uploaded", "code"),
    [
        (PDF, PDF.content[:-1], ErrorCode.UPLOAD_SIZE_MISMATCH),
        (PDF, PDF.content + b"%", ErrorCode.UPLOAD_SIZE_MISMATCH),
        (PDF, PDF.content[:-2] + b"xx", ErrorCode.UPLOAD_CHECKSUM_MISMATCH),
        (None, EXECUTABLE, ErrorCode.UPLOAD_CONTENT_MISMATCH),  # an executable declared (and named) deed.pdf
    ],
)
def test_bytes_that_do_not_match_the_declaration_are_not_attached(
    world: IdentityWorld, declared_as: object, uploaded: bytes, code: ErrorCode
) -> None:
    if declared_as is None:
        declared = draft(
            sample=PDF, file_name="deed.pdf", size_bytes=len(uploaded), sha256=hashlib.sha256(uploaded).hexdigest()
        )
    else:
        declared = draft(sample=declared_as)
    issued = world.documents.request_upload(OPERATOR, declared)
    world.document_store.upload(issued.document.document_id, uploaded)
    assert code_of(lambda: world.documents.attach(OPERATOR, issued.document.document_id)) is code
    assert world.document_records.documents[issued.document.document_id].status is DocumentStatus.AWAITING_UPLOAD
    assert world.document_store.kept == {}


def test_nothing_uploaded_or_uploaded_after_the_link_expired_is_not_attached(world: IdentityWorld) -> None:
    issued = world.documents.request_upload(OPERATOR, draft(sample=PDF))
    document_id = issued.document.document_id
    assert code_of(lambda: world.documents.attach(OPERATOR, document_id)) is ErrorCode.UPLOAD_MISSING
    world.document_store.upload(document_id, PDF.content, at=issued.form.expires_at + timedelta(seconds=1))
    assert code_of(lambda: world.documents.attach(OPERATOR, document_id)) is ErrorCode.UPLOAD_EXPIRED
    world.document_store.upload(document_id, PDF.content, at=issued.form.expires_at)
    assert world.documents.attach(OPERATOR, document_id).attached


def test_an_attached_document_is_not_attached_again_even_if_the_link_is_reused(world: IdentityWorld) -> None:
    document = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", key=KEY, service_code="SHOP-LICENCE", sample=PDF
    )
    world.document_store.upload(document.document_id, EXECUTABLE)  # the same form, posted again
    assert code_of(lambda: world.documents.attach(OPERATOR, document.document_id)) is ErrorCode.DOCUMENT_STATE
    assert world.document_store.kept[document.document_id] == PDF.content


def test_another_centres_document_is_not_found_and_the_denial_audited(world: IdentityWorld, citizen_id: str) -> None:
    issued = world.documents.request_upload(OPERATOR, draft(sample=PDF))
    world.document_store.upload(issued.document.document_id, PDF.content)
    for act in (
        lambda: world.documents.attach(OTHER_CENTRE, issued.document.document_id),
        lambda: world.documents.download(OTHER_CENTRE, issued.document.document_id),
        lambda: world.documents.attach(OPERATOR, "no-such-document"),
    ):
        assert code_of(act) is ErrorCode.NOT_FOUND
        assert world.log.records[-1].outcome is Outcome.DENIED
    assert world.document_records.documents[issued.document.document_id].status is DocumentStatus.AWAITING_UPLOAD
    request_id = file_shop_licence(world, citizen_id)
    upload = lambda: world.documents.request_upload(OTHER_CENTRE, declaration("LEASE", request_id=request_id))  # noqa: E731
    assert code_of(upload) is ErrorCode.NOT_FOUND


def test_documents_of_another_services_draft_do_not_count(world: IdentityWorld, citizen_id: str) -> None:
    photo = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "PHOTO", key=KEY, service_code="NID-RENEW"
    ).document_id
    shop = filed_documents(world, OPERATOR, "SHOP-LICENCE", KEY)
    form = SubmissionForm(
        citizen_id, "SHOP-LICENCE", {"activity": "RETAIL", "shopAreaSqm": "40"}, [*shop[1:], photo, shop[0]],
        Decimal("325.00"), PaymentMethod.CASH, EVIDENCE, KEY,
    )  # fmt: skip
    assert code_of(lambda: world.submission.submit_service_request(OPERATOR, form)) is ErrorCode.DOCUMENT_UNKNOWN
    other = replace(form, documents=[*shop], idempotency_key="another-filing")
    assert code_of(lambda: world.submission.submit_service_request(OPERATOR, other)) is ErrorCode.DOCUMENT_NOT_ATTACHED
    assert world.requests.files == {}


# ---------------------------------------------------------------- who may download


def walk_to_commerce_window(world: IdentityWorld, citizen_id: str) -> tuple[str, str]:
    request_id = file_shop_licence(world, citizen_id)
    file = world.requests.get_file(request_id)
    assert file is not None
    return request_id, file.request.documents[0]


def test_the_citizen_the_centre_and_the_agency_in_whose_window_it_is_may_download_each_link_audited(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id, document_id = walk_to_commerce_window(world, citizen_id)
    for reader in (citizen(citizen_id), OPERATOR, officer("COMMERCE")):
        before = len(world.log.records)
        link = world.documents.download(reader, document_id)
        assert link.url == world.document_store.links[-1]
        assert link.expires_at == world.clock.now() + timedelta(seconds=300)
        audit = world.log.records[before:]
        assert [(r.action, r.outcome, r.target, r.actor) for r in audit] == [
            ("documentDownload", Outcome.ALLOWED, f"request:{request_id}", reader.principal.user_id)
        ]
        assert audit[0].details["document"] == document_id


@pytest.mark.parametrize(
    ("reader", "code"),
    [
        (citizen("someone-else"), ErrorCode.NOT_FOUND),
        (OTHER_CENTRE, ErrorCode.NOT_FOUND),
        (officer("MUNICIPALITY"), ErrorCode.NOT_FOUND),  # on the route, but not in its window (yet)
        (MONITOR, ErrorCode.FORBIDDEN),
        (ADMIN, ErrorCode.FORBIDDEN),
        (Caller(ANONYMOUS, "corr"), ErrorCode.UNAUTHENTICATED),
    ],
)
def test_nobody_else_gets_a_link(world: IdentityWorld, citizen_id: str, reader: Caller, code: ErrorCode) -> None:
    _, document_id = walk_to_commerce_window(world, citizen_id)
    links = len(world.document_store.links)
    assert code_of(lambda: world.documents.download(reader, document_id)) is code
    assert world.log.records[-1].outcome is Outcome.DENIED
    assert len(world.document_store.links) == links


def test_an_agency_loses_access_once_the_request_left_its_window(world: IdentityWorld, citizen_id: str) -> None:
    request_id, document_id = walk_to_commerce_window(world, citizen_id)
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    assert world.documents.download(officer("COMMERCE"), document_id).url
    world.window.complete_step(officer("COMMERCE"), request_id, None)
    assert code_of(lambda: world.documents.download(officer("COMMERCE"), document_id)) is ErrorCode.NOT_FOUND
    assert world.documents.download(officer("MUNICIPALITY"), document_id).url  # the next stage has it now


def test_a_draft_document_is_only_the_centres(world: IdentityWorld) -> None:
    document = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", key=KEY, service_code="SHOP-LICENCE"
    )
    assert world.documents.download(OPERATOR, document.document_id).url
    assert code_of(lambda: world.documents.download(officer("COMMERCE"), document.document_id)) is ErrorCode.NOT_FOUND
    pending = world.documents.request_upload(OPERATOR, draft("COMMERCIAL-REGISTER")).document
    assert code_of(lambda: world.documents.download(OPERATOR, pending.document_id)) is ErrorCode.DOCUMENT_STATE


# ---------------------------------------------------------------- returned for a missing document


def return_for_the_lease(world: IdentityWorld, citizen_id: str) -> str:
    request_id = file_shop_licence(world, citizen_id)
    world.window.acknowledge_receipt(officer("COMMERCE"), request_id)
    world.window.return_to_centre(officer("COMMERCE"), request_id, ["a lease signed by both parties"])
    return request_id


def test_a_returned_document_is_uploaded_again_and_the_history_keeps_both(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = return_for_the_lease(world, citizen_id)
    old = world.requests.get_file(request_id)
    assert old is not None
    old_lease = next(d for d in old.documents if d.document_type == "LEASE")
    world.clock.at += timedelta(hours=2)
    new_lease = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", request_id=request_id, sample=PNG
    )
    world.desk.resubmit_request(OPERATOR, request_id, None, None)

    file = world.requests.get_file(request_id)
    assert file is not None
    assert file.request.status is RequestStatus.AT_AGENCIES
    assert new_lease.document_id in file.request.documents
    assert old_lease.document_id not in file.request.documents
    assert {old_lease.document_id, new_lease.document_id} <= {d.document_id for d in file.documents}
    assert file.history[-2].event == "RESUBMITTED"
    assert file.history[-2].note == "documents replaced: LEASE"
    mine = {d.document_id for d in world.documents.my_documents(citizen(citizen_id), PageRequest()).items}
    assert {old_lease.document_id, new_lease.document_id} <= mine
    assert world.documents.download(officer("COMMERCE"), old_lease.document_id).url  # back in its window


def test_documents_change_only_while_the_request_is_returned(world: IdentityWorld, citizen_id: str) -> None:
    request_id = file_shop_licence(world, citizen_id)
    by_id = lambda: world.documents.request_upload(OPERATOR, declaration("LEASE", request_id=request_id))  # noqa: E731
    by_key = lambda: world.documents.request_upload(OPERATOR, draft())  # noqa: E731  (the key of a filed request)
    assert code_of(by_id) is ErrorCode.REQUEST_STATE
    assert code_of(by_key) is ErrorCode.REQUEST_STATE
    pending = world.documents.request_upload(OPERATOR, draft("LEASE", draft_key="filing-0002")).document
    world.document_store.upload(pending.document_id, sample_for("LEASE").content)
    assert world.documents.attach(OPERATOR, pending.document_id).attached  # another draft: fine


def test_a_resubmission_names_documents_of_this_request_only(world: IdentityWorld, citizen_id: str) -> None:
    request_id = return_for_the_lease(world, citizen_id)
    elsewhere = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", key="filing-0009", service_code="SHOP-LICENCE"
    )
    file = world.requests.get_file(request_id)
    assert file is not None
    register = next(d for d in file.documents if d.document_type == "COMMERCIAL-REGISTER").document_id
    resubmit = lambda: world.desk.resubmit_request(OPERATOR, request_id, None, [register, elsewhere.document_id])  # noqa: E731
    assert code_of(resubmit) is ErrorCode.DOCUMENT_NOT_ATTACHED
    assert world.requests.get_file(request_id).request.status is RequestStatus.RETURNED_TO_CENTRE  # type: ignore[union-attr]


# ---------------------------------------------------------------- retention


def test_closing_a_request_hands_its_documents_to_the_retention_rule_once(
    world: IdentityWorld, citizen_id: str
) -> None:
    request_id = file_shop_licence(world, citizen_id)
    assert world.documents.start_retention() == 0
    world.desk.cancel_request(OPERATOR, request_id, "changed their mind")
    assert world.document_records.retention_pending == {request_id}
    assert world.documents.start_retention() == 1
    file = world.requests.get_file(request_id)
    assert file is not None
    assert world.document_store.retained == {d.document_id: Retention.CLOSED for d in file.documents}
    assert world.documents.start_retention() == 0
    assert world.documents.download(citizen(citizen_id), file.request.documents[0]).url  # still readable until then


def test_a_request_left_open_keeps_its_documents(world: IdentityWorld, citizen_id: str) -> None:
    request_id = return_for_the_lease(world, citizen_id)
    world.desk.resubmit_request(OPERATOR, request_id, None, None)
    assert world.document_records.retention_pending == set()
    assert world.documents.start_retention() == 0
    assert world.document_store.retained == {}


def test_a_draft_never_filed_is_handed_to_the_rule_that_deletes_it_a_week_later(
    world: IdentityWorld, citizen_id: str
) -> None:
    abandoned = upload_and_attach(
        world.documents, world.document_store, OPERATOR, "LEASE", key="filing-0009", service_code="SHOP-LICENCE"
    )
    never_uploaded = world.documents.request_upload(OPERATOR, draft("LEASE", draft_key="filing-0009")).document
    request_id = file_shop_licence(world, citizen_id)  # its documents are a filed request's
    world.clock.at += timedelta(days=6)
    assert world.documents.abandon_unfiled_drafts() == 0
    world.clock.at += timedelta(days=1, seconds=1)
    assert world.documents.abandon_unfiled_drafts() == 4  # each document once
    assert world.document_store.retained == {abandoned.document_id: Retention.ABANDONED}
    assert world.documents.abandon_unfiled_drafts() == 0
    assert never_uploaded.document_id not in world.document_store.kept
    filed = world.requests.get_file(request_id)
    assert filed is not None
    assert not set(filed.request.documents) & set(world.document_store.retained)


def test_a_filing_takes_a_drafts_documents_only_for_a_few_days(world: IdentityWorld, citizen_id: str) -> None:
    documents = filed_documents(world, OPERATOR, "SHOP-LICENCE", KEY)
    world.clock.at += timedelta(days=3, seconds=1)
    form = SubmissionForm(
        citizen_id, "SHOP-LICENCE", {"activity": "RETAIL", "shopAreaSqm": "40"}, documents,
        Decimal("325.00"), PaymentMethod.CASH, EVIDENCE, KEY,
    )  # fmt: skip
    assert code_of(lambda: world.submission.submit_service_request(OPERATOR, form)) is ErrorCode.DOCUMENT_TOO_OLD
    assert world.requests.files == {}
