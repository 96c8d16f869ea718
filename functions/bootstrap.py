"""The composition root (docs/architecture.md): settings read once -> adapters -> use cases -> app.

    Settings.from_environ ─▶ AwsAdapters (functions/composition/aws.py) ─▶ UseCases (functions/composition/use_cases.py) ─▶ asgi_app

Handlers call :func:`container` (one per process), the integration tests and the local stack
:func:`build_container`; the unit tests build :class:`UseCases` on the fakes of ``tests/fakes/``. All is
built when first used, each use case imported where it is built: a cold start woken by a catalogue query
loads no other office (docs/performance.md). Nothing else in ``functions`` reads ``os.environ``.
"""

from __future__ import annotations

import os
from functools import cache, cached_property
from typing import TYPE_CHECKING

from functions.composition.aws import AwsAdapters, build_adapters
from functions.composition.use_cases import UseCases
from functions.settings import MissingSetting, Settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["Container", "MissingSetting", "Settings", "build_container", "container"]


class Container:
    """What one process builds: its settings, the adapters on AWS, the use cases on them, the HTTP app."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.adapters: AwsAdapters = build_adapters(settings)
        self.use_cases = UseCases(self.adapters, settings.use_cases)

    @cached_property
    def asgi_app(self) -> Starlette:
        from functions.api.app import build_asgi_app
        from functions.api.schema import GraphQLPolicy

        policy = GraphQLPolicy.for_stage(self.settings.stage)
        return build_asgi_app(
            self.adapters.graphql_schema,
            self.use_cases,
            policy,
            self.adapters.access_tokens,
            self.adapters.trusted_documents,
            deadline_seconds=self.settings.request_deadline_seconds,
        )


def build_container(settings: Settings) -> Container:
    return Container(settings)


@cache
def container() -> Container:
    return build_container(Settings.from_environ(os.environ))
