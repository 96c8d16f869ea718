"""The composition root: reads the environment once per cold start and builds everything else.

Nothing else in ``functions`` reads ``os.environ``. Handlers call :func:`container` (cached per
process); tests and the local stack call :func:`build_container` with their own :class:`Settings`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from starlette.applications import Starlette

from functions.adapters.dynamodb.catalogue_repository import DynamoCatalogueRepository
from functions.adapters.dynamodb.table import TableBinding
from functions.api.app import build_asgi_app
from functions.api.context import Resolvers
from functions.api.schema import GraphQLPolicy, build_schema
from functions.services.catalogue import CatalogueService

__all__ = ["Container", "MissingSetting", "Settings", "build_container", "container"]


class MissingSetting(RuntimeError):
    """A required environment variable is not set: the deployment is broken, fail the cold start."""


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    main_table: str
    endpoint_url: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Settings:
        def required(name: str) -> str:
            value = environ.get(name)
            if not value:
                raise MissingSetting(name)
            return value

        return cls(
            stage=required("SHUBBAK_STAGE"),
            region=required("AWS_REGION"),
            main_table=required("MAIN_TABLE"),
            endpoint_url=environ.get("AWS_ENDPOINT_URL") or None,
        )

    def table(self, name: str) -> TableBinding:
        return TableBinding(name=name, region=self.region, endpoint_url=self.endpoint_url)


class Container:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.catalogue = CatalogueService(DynamoCatalogueRepository(settings.table(settings.main_table)))

    @cached_property
    def resolvers(self) -> Resolvers:
        return Resolvers(catalogue=self.catalogue)

    @cached_property
    def asgi_app(self) -> Starlette:
        policy = GraphQLPolicy.for_stage(self.settings.stage)
        return build_asgi_app(build_schema(policy), self.resolvers, policy)


def build_container(settings: Settings) -> Container:
    return Container(settings)


@cache
def container() -> Container:
    return build_container(Settings.from_environ(os.environ))
