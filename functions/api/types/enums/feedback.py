"""The enum of a citizen's complaint (docs/monitoring.md)."""

from __future__ import annotations

import strawberry

from functions.domain.feedback import ComplaintStatus

__all__ = ["ComplaintStatus"]

strawberry.enum(ComplaintStatus, name="ComplaintStatus")
