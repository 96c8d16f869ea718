"""A request's id is derived from its centre and the filing's idempotency key.

So a repeat of a filing lands on the same request, and documents uploaded while the filing is being
prepared (a *draft*: the centre and the key the submission will carry) already belong to the request
the submission creates. Another centre using the same key derives another id.
"""

from __future__ import annotations

import re
import uuid

from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["checked_idempotency_key", "request_id_for"]

_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_REQUEST_NAMESPACE = uuid.UUID("6f1c2a8e-3b7d-4c9a-9f1e-5d2b7a4c8e10")


def checked_idempotency_key(key: str, field: str = "idempotencyKey") -> str:
    """8-64 letters, digits, ``-`` or ``_``; anything else is ``IDEMPOTENCY_KEY_REQUIRED``."""
    if not _KEY.fullmatch(key):
        raise ValidationFailed(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, field=field)
    return key


def request_id_for(centre_id: str, idempotency_key: str) -> str:
    return str(uuid.uuid5(_REQUEST_NAMESPACE, f"{centre_id}:{idempotency_key}"))
