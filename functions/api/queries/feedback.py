"""Citizens: what they said about one of their requests (the rating, once; the complaints, to follow)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.oversight import RequestFeedbackType
from functions.api.types.problem import ForbiddenProblem, NotFoundProblem

__all__ = ["FeedbackQueries"]

MyFeedbackResult = Annotated[
    RequestFeedbackType | NotFoundProblem | ForbiddenProblem, strawberry.union("MyFeedbackResult")
]


@strawberry.type
class FeedbackQueries:
    @strawberry.field(
        description="Citizens: your rating of the centre for one of your requests (null until you rate) and "
        "your complaints about it, with their status and the monitoring office's resolution."
    )
    def my_feedback(self, info: Info[GraphQLContext, None], request_id: strawberry.ID) -> MyFeedbackResult:
        context = info.context
        feedback = context.use_cases.citizen_feedback
        return RequestFeedbackType.of(feedback.my_feedback(context.caller, str(request_id)))
