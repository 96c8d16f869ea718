"""The ASGI application: Strawberry's HTTP view on /graphql, the same app under uvicorn and Mangum.

Strawberry's own HTTP protections apply: no mutations over GET (and here no GET queries at all),
JSON bodies only, no batching, no multipart uploads. Requests refused before execution (parse,
validation, variable errors) get HTTP 400; field errors during execution keep HTTP 200.
"""

from __future__ import annotations

import uuid
from typing import Any

from cross_web import AsyncHTTPRequestAdapter
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from functions.api.authentication import BearerAuthentication, TokenVerifier, principal_in, session_in
from functions.api.body_limit import BodySizeLimit
from functions.api.context import GraphQLContext, Resolvers
from functions.api.request_deadline import RequestDeadline
from functions.api.schema import GraphQLPolicy, GrowingSchema
from functions.api.trusted_documents import TrustedDocuments, TrustedDocumentsGate

__all__ = ["build_asgi_app"]

GRAPHQL_PATH = "/graphql"
PUBLIC_GRAPHQL_PATH = "/graphql/public"
CORRELATION_HEADER = "x-correlation-id"


def correlation_id_of(request: Request | WebSocket) -> str:
    """API Gateway's request id when behind it, else a fresh one; never taken from the client."""
    event: dict[str, Any] = request.scope.get("aws.event") or {}
    request_id = (event.get("requestContext") or {}).get("requestId")
    return str(request_id) if request_id else uuid.uuid4().hex


def is_request_error(response: GraphQLHTTPResponse) -> bool:
    """Parse, validation and variable errors stop the request before execution: HTTP 400.

    Such errors carry no ``path``; a field error during execution always does (and stays HTTP 200).
    """
    errors: list[dict[str, object]] = list(response.get("errors") or [])  # type: ignore[arg-type]
    return response.get("data") is None and bool(errors) and all("path" not in error for error in errors)


class ShubbakGraphQL(GraphQL[GraphQLContext, None]):
    def __init__(self, schema: GrowingSchema, resolvers: Resolvers, policy: GraphQLPolicy) -> None:
        super().__init__(
            schema.current,
            graphql_ide="graphiql" if policy.ide else None,
            allow_queries_via_get=False,
            multipart_uploads_enabled=False,
            # Subscriptions are served by the WebSocket API's handler (handlers/graphql_ws.py), the same
            # code on AWS and locally: none over Strawberry's own WebSocket or HTTP streaming views.
            subscription_protocols=(),
        )
        self._resolvers = resolvers
        self._growing = schema

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: GraphQLContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Serve the operation with the sections of the schema it needs (``functions/api/schema_sections.py``).

        The view reads ``self.schema`` once, before its first ``await``: the schema set here is the one
        that executes this operation, and one set by a concurrent request can only be a larger one.
        """
        self.schema = self._growing.for_document(request_data.query)
        return await super().execute_single(
            request=request,
            request_adapter=request_adapter,
            sub_response=sub_response,
            context=context,
            root_value=root_value,
            request_data=request_data,
        )

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        if isinstance(response_data, dict) and is_request_error(response_data):
            response.status_code = 400
        return response

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> GraphQLContext:
        correlation_id = correlation_id_of(request)
        if isinstance(response, Response):
            response.headers[CORRELATION_HEADER] = correlation_id
        return GraphQLContext(
            use_cases=self._resolvers,
            correlation_id=correlation_id,
            principal=principal_in(request.scope),
            session=session_in(request.scope),
            source=request.client.host if request.client else None,
        )


def build_asgi_app(
    schema: GrowingSchema,
    resolvers: Resolvers,
    policy: GraphQLPolicy,
    verifier: TokenVerifier,
    documents: TrustedDocuments,
    deadline_seconds: float,
) -> Starlette:
    graphql = ShubbakGraphQL(schema, resolvers, policy)
    app = Starlette(
        middleware=[
            Middleware(RequestDeadline, seconds=deadline_seconds),
            Middleware(BodySizeLimit),
            Middleware(TrustedDocumentsGate, documents=documents),  # before any GraphQL parsing
            Middleware(BearerAuthentication, verifier=verifier, anonymous_paths=frozenset({PUBLIC_GRAPHQL_PATH})),
        ]
    )
    app.add_route(GRAPHQL_PATH, graphql, methods=["GET", "POST"])  # type: ignore[arg-type]  # an ASGI app endpoint
    app.add_route(PUBLIC_GRAPHQL_PATH, graphql, methods=["POST"])  # type: ignore[arg-type]
    return app
