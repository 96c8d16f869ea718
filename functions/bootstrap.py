"""The composition root: reads the environment once per cold start and builds everything else.

Nothing else in ``functions`` reads ``os.environ``. Handlers call :func:`container` (cached per
process); tests and the local stack call :func:`build_container` with their own :class:`Settings`.

Each adapter, use case and the app are imported where they are built, not at the top of this module:
a Lambda instance imports the code of what its requests use, and a cold start woken by a catalogue
query does not load the monitoring office (docs/performance.md).
"""

from __future__ import annotations

import os
from functools import cache, cached_property
from typing import TYPE_CHECKING

from functions.composition.live_subscriptions import LiveSubscriptions
from functions.settings import MissingSetting, Settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from functions.api.context import Resolvers

__all__ = ["Container", "MissingSetting", "Settings", "build_container", "container"]


class Container(LiveSubscriptions):
    """Every adapter and use case, built lazily: a handler only pays for what it touches. The parts live
    in ``functions/composition/`` by responsibility: the foundation (AWS, tables, repositories), the
    front office, the monitoring office and the live subscriptions; this class adds the HTTP app."""

    @property
    def resolvers(self) -> Resolvers:
        """The container itself: each use case is built when a resolver first asks for it."""
        return self

    @cached_property
    def asgi_app(self) -> Starlette:
        from functions.api.app import build_asgi_app
        from functions.api.schema import GraphQLPolicy, GrowingSchema

        policy = GraphQLPolicy.for_stage(self.settings.stage)
        return build_asgi_app(
            GrowingSchema(policy),
            self.resolvers,
            policy,
            self.access_tokens,
            self.trusted_documents,
            deadline_seconds=self.settings.request_deadline_seconds,
        )


def build_container(settings: Settings) -> Container:
    return Container(settings)


@cache
def container() -> Container:
    return build_container(Settings.from_environ(os.environ))
