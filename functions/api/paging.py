"""Every list field's paging: the arguments `first` (1..100, default 50) and `after`, and one generic
page type, named after its items (`Page[CentreType]` is `CentrePage` in the schema)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from functions.domain.errors import ValidationFailed
from functions.domain.paging import MAX_PAGE_SIZE, Page, PageRequest

__all__ = ["DEFAULT_PAGE_SIZE", "PageType", "page_request"]

DEFAULT_PAGE_SIZE = 50

T = TypeVar("T")
Item = TypeVar("Item")


def page_request(first: int, after: str | None) -> PageRequest:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise ValidationFailed(field="first")
    return PageRequest(first=first, after=after)


@strawberry.type(name="Page")
class PageType(Generic[T]):
    items: list[T]
    next_cursor: str | None

    @classmethod
    def of(cls, page: Page[Item], item: Callable[[Item], T]) -> PageType[T]:
        return cls(items=[item(each) for each in page.items], next_cursor=page.next_cursor)
