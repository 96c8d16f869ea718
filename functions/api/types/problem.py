"""Expected failures as data: every problem has a stable code and a bilingual message."""

from __future__ import annotations

from datetime import datetime

import strawberry

from functions.api.types.enums.base import ErrorCode
from functions.api.types.localized_text import LocalizedTextType
from functions.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    Unauthenticated,
)
from functions.domain.throttling import TryLater

__all__ = [
    "ConflictProblem",
    "ForbiddenProblem",
    "NotFoundProblem",
    "Problem",
    "TryLaterProblem",
    "ValidationProblem",
    "problem_from",
]


@strawberry.interface(description="An expected failure: match on `code`, show `message` in the user's language.")
class Problem:
    code: ErrorCode
    message: LocalizedTextType
    field: str | None = strawberry.field(description="The input field at fault, when there is one.")


@strawberry.type(name="NotFound", description="It does not exist, or you may not see it.")
class NotFoundProblem(Problem):
    pass


@strawberry.type(name="ValidationFailed", description="The input breaks a rule; `field` says which.")
class ValidationProblem(Problem):
    pass


@strawberry.type(name="Forbidden", description="Your role may not perform this operation.")
class ForbiddenProblem(Problem):
    pass


@strawberry.type(name="Conflict", description="The item is in another state; refresh and try again.")
class ConflictProblem(Problem):
    pass


@strawberry.type(
    name="TryLater",
    description="Too many failed attempts (from here, or on this ID or tracking number): the next one is accepted from `retryAfter`.",
)
class TryLaterProblem(Problem):
    retry_after: datetime


def problem_from(error: DomainError) -> Problem:
    """The problem a client gets for an expected failure (``functions/api/results.py`` decides when)."""
    message = LocalizedTextType(ar=error.message_ar, en=error.message_en)
    if isinstance(error, TryLater):
        return TryLaterProblem(code=error.code, message=message, field=error.field, retry_after=error.retry_after)
    kind: type[Problem] = ValidationProblem
    if isinstance(error, NotFound):
        kind = NotFoundProblem
    elif isinstance(error, Forbidden | Unauthenticated):
        kind = ForbiddenProblem
    elif isinstance(error, Conflict):
        kind = ConflictProblem
    return kind(code=error.code, message=message, field=error.field)
