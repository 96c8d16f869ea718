"""The enums of a centre's licensing file (docs/monitoring.md): its status and its notices."""

from __future__ import annotations

import strawberry

from functions.domain.centre import CentreStatus
from functions.domain.centre_notice import NoticeKind

__all__ = ["CentreStatus", "NoticeKind"]

strawberry.enum(CentreStatus, name="CentreStatus", description="A centre serves only while ACTIVE and licensed.")
strawberry.enum(NoticeKind, name="NoticeKind")
