"""Real small sample files (PDF, JPEG, PNG) for the demo and the tests, in ``seed/documents/``.

Each one says on its face that it is a demo sample, not a real document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["SAMPLES", "SampleFile", "sample_for"]

SAMPLES_DIR = Path(__file__).parent / "seed" / "documents"
_CONTENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".png": "image/png"}
# The building permit of the demo gets files that match its documents; others get one of each type.
_BY_DOCUMENT = {
    "DEED": "title-deed.pdf",
    "PLANS": "building-plans.pdf",
    "SURVEY": "site-survey.jpg",
    "PHOTO": "personal-photo.png",
}


@dataclass(frozen=True)
class SampleFile:
    file_name: str
    content_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size_bytes(self) -> int:
        return len(self.content)


@cache
def _load(file_name: str) -> SampleFile:
    path = SAMPLES_DIR / file_name
    return SampleFile(file_name, _CONTENT_TYPES[path.suffix], path.read_bytes())


SAMPLES = tuple(_load(name) for name in ("title-deed.pdf", "site-survey.jpg", "personal-photo.png"))
"""One PDF, one JPEG, one PNG."""


def sample_for(document_type: str) -> SampleFile:
    """A sample file for a document type (deterministic)."""
    name = _BY_DOCUMENT.get(document_type)
    return _load(name) if name else SAMPLES[sum(map(ord, document_type)) % len(SAMPLES)]


def upload_declaration(document_type: str, service_code: str, idempotency_key: str) -> dict[str, object]:
    """``RequestDocumentUploadInput`` for the document type's sample, in the draft of ``idempotency_key``."""
    sample = sample_for(document_type)
    return {
        "draft": {"idempotencyKey": idempotency_key, "serviceCode": service_code},
        "documentType": document_type,
        "fileName": sample.file_name,
        "contentType": sample.content_type,
        "sizeBytes": sample.size_bytes,
        "sha256": sample.sha256,
    }
