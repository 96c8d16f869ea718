"""The enum of an SMS's delivery (docs/sms.md)."""

from __future__ import annotations

import strawberry

from functions.domain.notification import DeliveryStatus

__all__ = ["DeliveryStatus"]

strawberry.enum(DeliveryStatus, name="DeliveryStatus")
