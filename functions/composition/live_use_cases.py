"""The use cases of the live subscriptions (the WebSocket API): connections, their sessions, the
subscription documents and the fan-out of events to them (docs/subscriptions.md). Part of ``UseCases``."""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from functions.api.live.fanout import LiveFanOut
    from functions.api.live.sessions import LiveSessions
    from functions.api.live.trusted import TrustedSubscriptionDocuments
    from functions.composition.adapters import Adapters
    from functions.services.account_standing import AccountStanding
    from functions.services.authorization import Authorizer
    from functions.services.live_connections import LiveConnections
    from functions.services.live_updates import LiveUpdates
    from functions.settings import UseCaseSettings

__all__ = ["LiveUseCases"]


class LiveUseCases:
    _adapters: Adapters
    _settings: UseCaseSettings

    if TYPE_CHECKING:  # built by UseCases, shared by every office

        @property
        def authorizer(self) -> Authorizer: ...
        @property
        def account_standing(self) -> AccountStanding: ...

    @cached_property
    def live_updates(self) -> LiveUpdates:
        from functions.services.live_updates import LiveUpdates

        return LiveUpdates(requests=self._adapters.requests, authorizer=self.authorizer)

    @cached_property
    def subscription_documents(self) -> TrustedSubscriptionDocuments:
        from functions.api.live.documents import GraphQLSubscriptionDocuments
        from functions.api.live.trusted import TrustedSubscriptionDocuments

        a = self._adapters
        return TrustedSubscriptionDocuments(
            GraphQLSubscriptionDocuments(a.graphql_schema, self.live_updates), a.trusted_documents
        )

    @cached_property
    def live_connections(self) -> LiveConnections:
        from functions.services.live_connections import LiveConnections

        a, settings = self._adapters, self._settings
        return LiveConnections(
            store=a.connection_store,
            gateway=a.connection_gateway,
            clock=a.clock,
            standing=self.account_standing,
            init_timeout=timedelta(seconds=settings.connection_init_seconds),
            lifetime=settings.connection_lifetime,
            max_subscriptions=settings.subscriptions_per_connection,
        )

    @cached_property
    def live_sessions(self) -> LiveSessions:
        from functions.api.live.sessions import LiveSessions

        a = self._adapters
        return LiveSessions(
            connections=self.live_connections,
            gateway=a.connection_gateway,
            tokens=a.access_tokens,
            documents=self.subscription_documents,
        )

    @cached_property
    def live_fanout(self) -> LiveFanOut:
        from functions.api.live.fanout import LiveFanOut

        a = self._adapters
        return LiveFanOut(
            connections=self.live_connections, gateway=a.connection_gateway, documents=self.subscription_documents
        )
