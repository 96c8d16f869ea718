"""Madinah time: the one zone in which every business day, SMS time and wall-clock answer is read.

Instants are kept and exchanged as aware UTC datetimes (the injected clock gives them); a *business
day* is the date of an instant on Madinah's wall clock, never the host's date and never UTC's: a
filing at 22:30 UTC on 3 December is a filing of Friday 4 December in Madinah. Saudi Arabia keeps
UTC+3 all year; the zone still comes from the tz database (``tzdata`` ships it with the function) so
that a change of rule, should one come, is a data update rather than a code change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

__all__ = ["MADINAH", "business_day", "sms_time", "today_in_madinah", "wall_time"]

MADINAH = ZoneInfo("Asia/Riyadh")
"""The region's zone (the tz database names Saudi Arabia's zone after Riyadh)."""


def wall_time(at: datetime) -> datetime:
    """The instant on Madinah's wall clock (keeps its ``+03:00`` offset)."""
    if at.tzinfo is None:
        raise ValueError("a naive datetime has no instant: pass an aware one")
    return at.astimezone(MADINAH)


def business_day(at: datetime) -> date:
    """The Madinah day an instant belongs to: the day of every figure, report, licence and deadline."""
    return wall_time(at).date()


def sms_time(at: datetime) -> str:
    """Day/month and time in Madinah, as an SMS shows it (``28/11 13:45``)."""
    return wall_time(at).strftime("%d/%m %H:%M")


def today_in_madinah() -> date:
    """For clients outside the system (the demo, benches, tests) that need the day a person in Madinah
    would call today; code inside the system takes its instant from the injected clock instead."""
    return business_day(datetime.now(UTC))
