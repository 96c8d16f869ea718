"""How many SMS may go out: to one number in an hour, and from the whole deployment in a day (docs/sms.md,
"Quotas and per-number limits").

Both are counted in Madinah's hours and days. A message over either limit is not lost: it is held, and the
sweeper tries it again with the retries' backoff, within their window (then the centre's call list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from functions.domain.madinah_time import wall_time

if TYPE_CHECKING:  # the settings import the limits: no phone-number library on every cold start
    from functions.domain.mobile import SaudiMobile

__all__ = ["DAY_QUOTA_SPENT", "NUMBER_LIMIT_SPENT", "SmsLimits", "day_key", "number_key"]

NUMBER_LIMIT_SPENT = "held: the number's hourly SMS limit was reached"
DAY_QUOTA_SPENT = "held: the day's SMS quota was reached"


@dataclass(frozen=True)
class SmsLimits:
    per_number_per_hour: int = 30
    """A family sharing a phone gets a few SMS an hour at a busy visit; far more is a loop or an abuse."""
    daily_quota: int = 0
    """SMS the deployment may send in a Madinah day; 0: no quota (the SMS spend alarm still watches)."""


def number_key(mobile: SaudiMobile, at: datetime) -> str:
    return f"SMSBUDGET#{mobile.e164}#{wall_time(at):%Y%m%d%H}"


def day_key(at: datetime) -> str:
    return f"SMSBUDGET#DAY#{wall_time(at):%Y%m%d}"
