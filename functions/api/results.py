"""Running a use case for a resolver whose result is a union: expected failures become problems."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from functions.api.types.problem import Problem, problem_from
from functions.domain.errors import DomainError

__all__ = ["result_of"]

T = TypeVar("T")


def result_of(call: Callable[[], T]) -> T | Problem:
    try:
        return call()
    except DomainError as error:
        return problem_from(error)
