"""Page arguments shared by every list field: `first` (1..100, default 50) and `after`."""

from __future__ import annotations

from functions.domain.errors import ValidationFailed
from functions.domain.paging import MAX_PAGE_SIZE, PageRequest

__all__ = ["DEFAULT_PAGE_SIZE", "page_request"]

DEFAULT_PAGE_SIZE = 50


def page_request(first: int, after: str | None) -> PageRequest:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise ValidationFailed(field="first")
    return PageRequest(first=first, after=after)
