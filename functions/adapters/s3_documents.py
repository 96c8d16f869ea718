"""Documents' bytes in the S3 bucket, under two fixed prefixes and random ids only (never names):

* ``incoming/<document id>`` — where the presigned upload form puts the file. Untrusted: nothing is
  served from here, and the bucket's lifecycle rule removes whatever is left after a day;
* ``documents/<document id>`` — the bytes that passed verification, written by the application
  itself; downloads are served from here, pinned to the version that was verified.

The upload form's conditions carry the declared type, the exact size and the SHA-256 checksum, so S3
refuses a mismatching upload. moto's S3 enforces none of them (nor the form's expiry): the checks in
``functions.domain.documents.verify_upload`` are what holds, on AWS and locally.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from functions.domain.documents import ArrivedUpload, Document, Retention, UploadForm

__all__ = ["INCOMING_PREFIX", "KEPT_PREFIX", "S3DocumentStore"]

INCOMING_PREFIX = "incoming/"
KEPT_PREFIX = "documents/"
RETENTION_TAG = "retention"
# Without s3:ListBucket (not granted: nobody needs to list keys), S3 answers 403 rather than 404 for
# an object that does not exist.
_NOT_THERE = {"404", "403", "NoSuchKey", "NotFound", "AccessDenied"}


class S3DocumentStore:
    def __init__(self, client: Any, bucket: str) -> None:
        self._s3 = client
        self._bucket = bucket

    def upload_form(self, document: Document, expires_in_seconds: int, expires_at: datetime) -> UploadForm:
        declared = document.file
        checksum = _base64_sha256(declared.sha256)
        fields = {
            "Content-Type": declared.content_type,
            "x-amz-checksum-algorithm": "SHA256",
            "x-amz-checksum-sha256": checksum,
        }
        conditions: list[Any] = [
            {"Content-Type": declared.content_type},
            ["content-length-range", declared.size_bytes, declared.size_bytes],
            {"x-amz-checksum-algorithm": "SHA256"},
            {"x-amz-checksum-sha256": checksum},
        ]
        post = self._s3.generate_presigned_post(
            self._bucket,
            incoming_key(document.document_id),
            Fields=fields,
            Conditions=conditions,
            ExpiresIn=expires_in_seconds,
        )
        return UploadForm(url=post["url"], fields=dict(post["fields"]), expires_at=expires_at)

    def fetch_upload(self, document: Document) -> ArrivedUpload | None:
        key = incoming_key(document.document_id)
        try:
            head = self._s3.head_object(Bucket=self._bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in _NOT_THERE:
                return None
            raise
        size, uploaded_at = int(head["ContentLength"]), head["LastModified"]
        if size != document.file.size_bytes:
            return ArrivedUpload(size, uploaded_at, b"")
        version = {"VersionId": head["VersionId"]} if head.get("VersionId") else {}
        body = self._s3.get_object(Bucket=self._bucket, Key=key, **version)["Body"]
        with body:
            content = body.read(size + 1)
        return ArrivedUpload(size, uploaded_at, content)

    def keep(self, document: Document, content: bytes) -> str:
        stored = self._s3.put_object(
            Bucket=self._bucket,
            Key=kept_key(document.document_id),
            Body=content,
            ContentType=document.file.content_type,
            ChecksumSHA256=_base64_sha256(document.file.sha256),
        )
        return str(stored.get("VersionId") or "")

    def download_link(self, document: Document, expires_in_seconds: int) -> str:
        parameters = {
            "Bucket": self._bucket,
            "Key": kept_key(document.document_id),
            "ResponseContentType": document.file.content_type,
            "ResponseContentDisposition": f'attachment; filename="{document.download_name}"',
        }
        if document.stored_version:
            parameters["VersionId"] = document.stored_version
        return str(self._s3.generate_presigned_url("get_object", Params=parameters, ExpiresIn=expires_in_seconds))

    def start_retention(self, document: Document, reason: Retention) -> None:
        """Tag ``retention=<reason>``: the bucket's lifecycle rule for that tag takes it from there."""
        self._s3.put_object_tagging(
            Bucket=self._bucket,
            Key=kept_key(document.document_id),
            Tagging={"TagSet": [{"Key": RETENTION_TAG, "Value": reason.value}]},
        )


def incoming_key(document_id: str) -> str:
    return f"{INCOMING_PREFIX}{document_id}"


def kept_key(document_id: str) -> str:
    return f"{KEPT_PREFIX}{document_id}"


def _base64_sha256(hex_digest: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_digest)).decode()
