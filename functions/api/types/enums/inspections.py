"""The enums of a field inspection (docs/monitoring.md): the regulations' checklist it goes through (also
a centre's own technical standards) and the severity of what it finds."""

from __future__ import annotations

import strawberry

from functions.domain.centre_profile import ChecklistItem
from functions.domain.inspection import FindingSeverity

__all__ = ["ChecklistItem", "FindingSeverity"]

strawberry.enum(ChecklistItem, name="ChecklistItem", description="The regulations' technical standards.")
strawberry.enum(FindingSeverity, name="FindingSeverity")
