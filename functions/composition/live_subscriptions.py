"""The WebSocket API's parts: connections, sessions, fan-out. Each part is imported in the property
that builds it (see ``functions/bootstrap.py``).
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from functions.composition.monitoring_office import MonitoringOffice

if TYPE_CHECKING:
    import strawberry

    from functions.adapters.dynamodb.connection_store import DynamoConnectionStore
    from functions.adapters.websocket_connections import ApiGatewayConnections
    from functions.api.live.fanout import LiveFanOut
    from functions.api.live.sessions import LiveSessions
    from functions.api.live.trusted import TrustedSubscriptionDocuments
    from functions.api.trusted_documents import TrustedDocuments
    from functions.services.live_connections import LiveConnections
    from functions.services.live_updates import LiveUpdates
    from functions.services.staff_accounts import StaffAccounts

__all__ = ["LiveSubscriptions"]


class LiveSubscriptions(MonitoringOffice):
    """Live subscriptions over the WebSocket API (docs/subscriptions.md)."""

    @cached_property
    def connection_store(self) -> DynamoConnectionStore:
        from functions.adapters.dynamodb.connection_store import DynamoConnectionStore

        return DynamoConnectionStore(self.settings.table(self.settings.connections_table))

    @cached_property
    def connection_gateway(self) -> ApiGatewayConnections:
        from botocore.config import Config

        from functions.adapters.websocket_connections import ApiGatewayConnections

        return ApiGatewayConnections(
            self.client(
                "apigatewaymanagementapi", self.settings.websocket_management_url, Config(max_pool_connections=16)
            )
        )

    @cached_property
    def live_updates(self) -> LiveUpdates:
        from functions.services.live_updates import LiveUpdates

        return LiveUpdates(requests=self.requests, authorizer=self.authorizer)

    @cached_property
    def graphql_schema(self) -> strawberry.Schema:
        from functions.api.schema import GraphQLPolicy, build_schema

        return build_schema(GraphQLPolicy.for_stage(self.settings.stage))

    @cached_property
    def trusted_documents(self) -> TrustedDocuments:
        """The documents of graphql/ (the only ones run outside local and dev), over both transports."""
        from functions.api.trusted_documents import TrustedDocuments

        return TrustedDocuments.for_stage(self.settings.stage)

    @cached_property
    def subscription_documents(self) -> TrustedSubscriptionDocuments:
        from functions.api.live.documents import GraphQLSubscriptionDocuments
        from functions.api.live.trusted import TrustedSubscriptionDocuments

        documents = GraphQLSubscriptionDocuments(self.graphql_schema, self.live_updates)
        return TrustedSubscriptionDocuments(documents, self.trusted_documents)

    @cached_property
    def live_connections(self) -> LiveConnections:
        from functions.services.live_connections import LiveConnections

        return LiveConnections(
            store=self.connection_store,
            gateway=self.connection_gateway,
            clock=self.clock,
            standing=self.account_standing,
            init_timeout=timedelta(seconds=self.settings.connection_init_seconds),
            lifetime=CONNECTION_LIFETIME,
            max_subscriptions=MAX_SUBSCRIPTIONS_PER_CONNECTION,
        )

    @cached_property
    def live_sessions(self) -> LiveSessions:
        from functions.api.live.sessions import LiveSessions

        return LiveSessions(
            connections=self.live_connections,
            gateway=self.connection_gateway,
            tokens=self.access_tokens,
            documents=self.subscription_documents,
        )

    @cached_property
    def staff_accounts(self) -> StaffAccounts:
        """Built here, with the live parts: disabling an account closes its live connections."""
        from functions.adapters.dynamodb.citizen_repository import DynamoLoginDirectory
        from functions.services.staff_accounts import StaffAccounts

        return StaffAccounts(
            staff=self.staff,
            directory=DynamoLoginDirectory(self.main_table),
            centres=self.centres,
            catalogue=self.catalogue_repository,
            identity=self.identity,
            auditor=self.auditor,
            authorizer=self.authorizer,
            standing=self.account_standing,
            connections=lambda: self.live_sessions,
        )

    @cached_property
    def live_fanout(self) -> LiveFanOut:
        from functions.api.live.fanout import LiveFanOut

        return LiveFanOut(
            connections=self.live_connections, gateway=self.connection_gateway, documents=self.subscription_documents
        )


CONNECTION_LIFETIME = timedelta(hours=2)
"""API Gateway closes a WebSocket connection after two hours whatever happens: so do we."""
MAX_SUBSCRIPTIONS_PER_CONNECTION = 20
