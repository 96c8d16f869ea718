"""The per-request GraphQL context: who is asking, the use cases, and request-scoped loaders.

A new context (and so new loaders and caches) is built for every request: nothing cached for one
caller can be served to another in a warm Lambda container.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from functions.domain.catalogue import Agency
from functions.services.catalogue import CatalogueService

__all__ = ["GraphQLContext", "Resolvers", "context_of"]


@dataclass(frozen=True)
class Resolvers:
    """The use cases the resolvers may call; built once by the composition root."""

    catalogue: CatalogueService


@dataclass
class GraphQLContext:
    use_cases: Resolvers
    correlation_id: str
    agencies: DataLoader[str, Agency | None] = field(init=False)

    def __post_init__(self) -> None:
        self.agencies = DataLoader(load_fn=self._load_agencies)

    async def _load_agencies(self, codes: list[str]) -> list[Agency | None]:
        found = await asyncio.to_thread(self.use_cases.catalogue.get_agencies, codes)
        return [found.get(code) for code in codes]


def context_of(info: Info[GraphQLContext, None]) -> GraphQLContext:
    return info.context
