"""The enums of the schema's base section (the public catalogue and every error), registered once with
Strawberry: kept apart from ``enums.py`` so that a cold start woken by a catalogue query does not import
every domain module for their enums (docs/performance.md). ``enums.py`` re-exports both."""

from __future__ import annotations

import strawberry

from functions.domain.catalogue import FieldType
from functions.domain.errors import ErrorCode

__all__ = ["ErrorCode", "FieldType"]

strawberry.enum(ErrorCode, name="ErrorCode", description="Stable error codes; match on these.")
strawberry.enum(FieldType, name="FieldType", description="How a form field is filled in.")
