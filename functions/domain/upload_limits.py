"""How large a document may be and how long its upload form and download links live.

Apart from ``documents.py`` (which re-exports it) because the deployment's settings carry it: reading
the settings on a cold start should not import the documents' rules.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["UploadLimits"]


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 10 * 1024 * 1024
    upload_seconds: int = 300
    """How long an upload form stays valid."""
    download_seconds: int = 300
    """How long a download link stays valid."""
