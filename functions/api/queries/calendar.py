"""The business calendar, for every member of staff (the working hours every SLA counts in)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.business_calendar import BusinessCalendarType

__all__ = ["CalendarQueries"]


@strawberry.type
class CalendarQueries:
    @strawberry.field(
        description="Staff: the business calendar in force (working week, office and Ramadan hours, holidays, "
        "closures, agencies' own hours), and any agency's opening hours day by day."
    )
    def business_calendar(self, info: Info[GraphQLContext, None]) -> BusinessCalendarType:
        context = info.context
        return BusinessCalendarType.of(context.use_cases.business_calendars.business_calendar(context.caller))
