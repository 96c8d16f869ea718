"""The enums of the region's performance figures (docs/monitoring.md): rankings and inspection flags."""

from __future__ import annotations

import strawberry

from functions.domain.centre_flags import FlagKind
from functions.domain.ranking import RankingMetric

__all__ = ["FlagKind", "RankingMetric"]

strawberry.enum(RankingMetric, name="RankingMetric", description="What centres are ranked on (best first).")
strawberry.enum(FlagKind, name="FlagKind", description="Why a centre is flagged for inspection.")
