"""The enums of the schema's base section (the public catalogue and every error): what every process
loads with its first operation."""

from __future__ import annotations

import strawberry

from functions.domain.catalogue import FieldType
from functions.domain.errors import ErrorCode

__all__ = ["ErrorCode", "FieldType"]

strawberry.enum(ErrorCode, name="ErrorCode", description="Stable error codes; match on these.")
strawberry.enum(FieldType, name="FieldType", description="How a form field is filled in.")
