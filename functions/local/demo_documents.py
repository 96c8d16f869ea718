"""The demo's documents: scanned files uploaded straight to S3, attached, downloaded from the window."""

from __future__ import annotations

import hashlib

from functions.local.demo_client import Demo, say
from functions.local.sample_documents import sample_for, upload_declaration

UPLOAD = """mutation ($i: RequestDocumentUploadInput!) { requestDocumentUpload(input: $i) { __typename
    ... on DocumentUpload { url fields { name value } document { id } } ... on Problem { code message { en } } } }"""
ATTACH = """mutation ($id: ID!) { attachDocument(documentId: $id) { __typename
    ... on RequestDocument { id documentType fileName contentType sizeBytes sha256 status } ... on Problem { code message { en } } } }"""
DOCUMENTS = """query ($id: ID!) { request(id: $id) { ... on ServiceRequest {
    attachedDocuments { id documentType fileName sizeBytes sha256 filed } } } }"""
DOWNLOAD = """query ($id: ID!) { documentDownload(documentId: $id) { __typename
    ... on DocumentDownload { url expiresAt } ... on Problem { code } } }"""


def upload_documents(demo: Demo, operator: str, service: str, codes: list[str], key: str) -> list[str]:
    """The operator scans each document the service lists, uploads it straight to S3 and attaches it."""
    ids = []
    for code in codes:
        sample = sample_for(code)
        declared = upload_declaration(code, service, key)
        issued = demo.call(UPLOAD, {"i": declared}, operator)["requestDocumentUpload"]
        if issued["__typename"] != "DocumentUpload":
            raise SystemExit(f"no upload form for {code}: {issued}")
        fields = {field["name"]: field["value"] for field in issued["fields"]}
        posted = demo.client.post(issued["url"], data=fields, files={"file": (sample.file_name, sample.content)})
        if posted.status_code not in {200, 201, 204}:
            raise SystemExit(f"the upload of {code} failed: HTTP {posted.status_code}")
        attached = demo.call(ATTACH, {"id": issued["document"]["id"]}, operator)["attachDocument"]
        if attached["__typename"] != "RequestDocument":
            raise SystemExit(f"could not attach {code}: {attached}")
        say(
            f"   {code:<8} {attached['fileName']:<20} {attached['contentType']:<16} {attached['sizeBytes']:>6} bytes"
            f"  sha256 {attached['sha256'][:12]}…  {attached['status']}"
        )
        ids.append(attached["id"])
    return ids


def download_documents(demo: Demo, officer: str, request_id: str) -> None:
    """From the window: each document through a short-lived link (audited), its checksum checked."""
    documents = demo.call(DOCUMENTS, {"id": request_id}, officer)["request"]["attachedDocuments"]
    for document in (d for d in documents if d["filed"]):
        link = demo.call(DOWNLOAD, {"id": document["id"]}, officer)["documentDownload"]
        if link["__typename"] != "DocumentDownload":
            raise SystemExit(f"no download link for {document['documentType']}: {link}")
        content = demo.client.get(link["url"]).content
        verified = "verified" if hashlib.sha256(content).hexdigest() == document["sha256"] else "MISMATCH"
        say(
            f"   downloaded {document['documentType']:<8} {document['fileName']:<20} {len(content):>6} bytes, SHA-256 {verified}"
        )
