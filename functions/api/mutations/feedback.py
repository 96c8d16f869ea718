"""Citizens, after their request was handed over: rate the centre (once), complain."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from functions.api.context import GraphQLContext
from functions.api.types.oversight import ComplaintType, RatingType
from functions.api.types.problem import ConflictProblem, ForbiddenProblem, NotFoundProblem, ValidationProblem
from functions.api.value_lengths import FreeText, OptionalFreeText

__all__ = ["FeedbackMutations"]

Problems = ValidationProblem | ConflictProblem | ForbiddenProblem | NotFoundProblem
RateCentreResult = Annotated[RatingType | Problems, strawberry.union("RateCentreResult")]
FileComplaintResult = Annotated[ComplaintType | Problems, strawberry.union("FileComplaintResult")]


@strawberry.type
class FeedbackMutations:
    @strawberry.mutation(description="Citizens: rate the centre that served a delivered request, 1-5 stars (once).")
    def rate_centre(
        self, info: Info[GraphQLContext, None], request_id: strawberry.ID, stars: int, comment: OptionalFreeText = None
    ) -> RateCentreResult:
        context = info.context
        feedback = context.use_cases.citizen_feedback
        return RatingType.of(feedback.rate_centre(context.caller, str(request_id), stars, comment))

    @strawberry.mutation(description="Citizens: complain about the centre that served a delivered request.")
    def file_complaint(
        self, info: Info[GraphQLContext, None], request_id: strawberry.ID, text: FreeText
    ) -> FileComplaintResult:
        context = info.context
        feedback = context.use_cases.citizen_feedback
        return ComplaintType.of(feedback.file_complaint(context.caller, str(request_id), text))
