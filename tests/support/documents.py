"""Uploading real sample files (PDF, JPEG, PNG) and attaching them, so request tests stay readable.

Two levels: through the GraphQL API (``api_*``, any ``GraphQLClient``), and through the use cases of a
container (``attach_via``) for set-up. Both POST the bytes to the presigned form over HTTP, to moto's
server, exactly as a centre's browser posts them to S3.
"""

from __future__ import annotations

from typing import Any

import httpx

from functions.bootstrap import Container
from functions.domain.documents import UploadForm
from functions.local.sample_documents import SampleFile, sample_for
from functions.services.caller import Caller
from functions.services.request_documents import UploadDeclaration
from tests.support.transports import GraphQLClient

UPLOAD = """
mutation Upload($i: RequestDocumentUploadInput!) {
  requestDocumentUpload(input: $i) {
    __typename
    ... on DocumentUpload { url fields { name value } expiresAt document { id status documentType } }
    ... on Problem { code field message { ar en } }
  }
}"""
ATTACH = """
mutation Attach($id: ID!) {
  attachDocument(documentId: $id) {
    __typename
    ... on RequestDocument { id status documentType sha256 sizeBytes contentType fileName }
    ... on Problem { code field message { ar en } }
  }
}"""
DOWNLOAD = """
query Download($id: ID!) {
  documentDownload(documentId: $id) {
    __typename
    ... on DocumentDownload { url expiresAt document { id documentType sha256 } }
    ... on Problem { code }
  }
}"""


def post_file(url: str, fields: dict[str, str], content: bytes, file_name: str = "upload.bin") -> int:
    """POST a presigned form: its fields first, the file last (as S3 requires)."""
    reply = httpx.post(url, data=fields, files={"file": (file_name, content)}, timeout=30)
    return reply.status_code


def upload_input(
    document_type: str,
    sample: SampleFile | None = None,
    *,
    key: str | None = None,
    service_code: str | None = None,
    request_id: str | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """The input declaring a sample file truthfully, unless ``changes`` say otherwise."""
    sample = sample or sample_for(document_type)
    value: dict[str, Any] = {
        "documentType": document_type,
        "fileName": sample.file_name,
        "contentType": sample.content_type,
        "sizeBytes": sample.size_bytes,
        "sha256": sample.sha256,
    }
    if request_id is not None:
        value["requestId"] = request_id
    if key is not None:
        value["draft"] = {"idempotencyKey": key, "serviceCode": service_code}
    value.update(changes)
    return value


def api_request_upload(client: GraphQLClient, token: str, upload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = client.post(UPLOAD, {"i": upload}, token=token).data["requestDocumentUpload"]
    return result


def api_post(issued: dict[str, Any], content: bytes) -> int:
    return post_file(issued["url"], {f["name"]: f["value"] for f in issued["fields"]}, content)


def api_attach(client: GraphQLClient, token: str, document_id: str) -> dict[str, Any]:
    result: dict[str, Any] = client.post(ATTACH, {"id": document_id}, token=token).data["attachDocument"]
    return result


def api_upload_and_attach(
    client: GraphQLClient, token: str, document_type: str, sample: SampleFile | None = None, **owner: Any
) -> str:
    """Declare, POST and attach one sample file; its document id. ``owner``: key + service_code, or request_id."""
    sample = sample or sample_for(document_type)
    issued = api_request_upload(client, token, upload_input(document_type, sample, **owner))
    assert issued["__typename"] == "DocumentUpload", issued
    assert api_post(issued, sample.content) in {200, 201, 204}
    attached = api_attach(client, token, issued["document"]["id"])
    assert attached["__typename"] == "RequestDocument", attached
    return str(attached["id"])


def api_attach_required(client: GraphQLClient, token: str, service_code: str, codes: list[str], key: str) -> list[str]:
    """One sample file per listed document, attached to the draft under ``key``: the ids to submit."""
    return [api_upload_and_attach(client, token, code, key=key, service_code=service_code) for code in codes]


def download(client: GraphQLClient, token: str | None, document_id: str) -> dict[str, Any]:
    result: dict[str, Any] = client.post(DOWNLOAD, {"id": document_id}, token=token).data["documentDownload"]
    return result


def fetch(url: str) -> bytes:
    reply = httpx.get(url, timeout=30)
    reply.raise_for_status()
    return reply.content


def upload_via(container: Container, caller: Caller, declaration: UploadDeclaration, content: bytes) -> str:
    """Through the use cases: declare, POST, attach; the document id."""
    issued = container.use_cases.request_documents.request_upload(caller, declaration)
    assert post_to(issued.form, content) in {200, 201, 204}
    return container.use_cases.request_documents.attach(caller, issued.document.document_id).document_id


def post_to(form: UploadForm, content: bytes) -> int:
    return post_file(form.url, form.fields, content)


def attach_via(
    container: Container,
    caller: Caller,
    service_code: str,
    *,
    key: str | None = None,
    request_id: str | None = None,
    codes: list[str] | None = None,
) -> list[str]:
    """One sample per document the service lists (or per code given), attached through the use cases."""
    service = container.adapters.catalogue_repository.get_service(service_code)
    assert service is not None
    ids = []
    for code in codes or [document.code for document in service.documents]:
        sample = sample_for(code)
        declaration = UploadDeclaration(
            document_type=code,
            file_name=sample.file_name,
            content_type=sample.content_type,
            size_bytes=sample.size_bytes,
            sha256=sample.sha256,
            request_id=request_id,
            draft_key=key,
            service_code=service_code if key else None,
        )
        ids.append(upload_via(container, caller, declaration, sample.content))
    return ids
