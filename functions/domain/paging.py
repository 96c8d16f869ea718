"""Pages of results: every list in Shubbak is paginated and capped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["MAX_PAGE_SIZE", "Page", "PageRequest"]

T = TypeVar("T")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class PageRequest:
    first: int = 50
    after: str | None = None

    @property
    def size(self) -> int:
        """The requested size clamped to 1..MAX_PAGE_SIZE: nobody gets more than a page."""
        return max(1, min(self.first, MAX_PAGE_SIZE))


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None = None
