"""The enums of an escalation (docs/monitoring.md): shown by the monitoring office's lists and by its live
alerts."""

from __future__ import annotations

import strawberry

from functions.domain.escalation import EscalationKind, EscalationStatus, SlaPhase

__all__ = ["EscalationKind", "EscalationStatus", "SlaPhase"]

strawberry.enum(EscalationKind, name="EscalationKind")
strawberry.enum(EscalationStatus, name="EscalationStatus")
strawberry.enum(SlaPhase, name="SlaPhase", description="Which wait lapsed: receipt, or processing.")
