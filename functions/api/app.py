"""The ASGI application: Strawberry's HTTP view on /graphql, the same app under uvicorn and Mangum.

Strawberry's own HTTP protections apply: no mutations over GET (and here no GET queries at all),
JSON bodies only, no batching, no multipart uploads. Every answer, refusals included, is a GraphQL
response in JSON, in the media type and with the status the GraphQL-over-HTTP specification asks for
(``functions/api/http_responses.py``).
"""

from __future__ import annotations

import uuid
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from functions.api.authentication import BearerAuthentication, TokenVerifier, principal_in, session_in
from functions.api.body_limit import BodySizeLimit
from functions.api.context import GraphQLContext, Resolvers
from functions.api.graphql_ide import IDE_ASSETS, IDE_PATH, offline_graphiql_html
from functions.api.http_responses import (
    GRAPHQL_RESPONSE_JSON,
    JSON,
    RESPONSE_MEDIA_TYPE,
    accepted_media_type,
    error_response,
    is_request_error,
)
from functions.api.request_deadline import RequestDeadline
from functions.api.schema import GraphQLPolicy, GrowingSchema
from functions.api.trusted_documents import TrustedDocuments, TrustedDocumentsGate
from functions.domain.errors import ErrorCode

__all__ = ["build_asgi_app"]

GRAPHQL_PATH = "/graphql"
PUBLIC_GRAPHQL_PATH = "/graphql/public"
CORRELATION_HEADER = "x-correlation-id"
LAMBDA_CONTEXT = "aws.context"
"""Set in the request's scope by Mangum, which serves one Lambda invocation at a time: it runs the event
loop until that request is answered, so nothing else waits on the loop meanwhile."""


def correlation_id_of(request: Request | WebSocket) -> str:
    """API Gateway's request id when behind it, else a fresh one; never taken from the client."""
    event: dict[str, Any] = request.scope.get("aws.event") or {}
    request_id = (event.get("requestContext") or {}).get("requestId")
    return str(request_id) if request_id else uuid.uuid4().hex


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

    @property
    def graphql_ide_html(self) -> str:
        return offline_graphiql_html()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        accept = request.headers.get("accept")
        media_type = accepted_media_type(accept)
        if media_type is None and "text/html" not in (accept or ""):  # GraphiQL is asked for as text/html
            response: Response = error_response(
                406, ErrorCode.BAD_REQUEST, "Not acceptable.", headers={"accept": f"{GRAPHQL_RESPONSE_JSON}, {JSON}"}
            )
        else:
            RESPONSE_MEDIA_TYPE.set(media_type or JSON)
            try:
                response = await self.run(request)
            except HTTPException as refused:  # invalid JSON, wrong content type, batch, no query, method
                response = error_response(
                    refused.status_code, ErrorCode.BAD_REQUEST, refused.reason, media_type=media_type or JSON
                )
        await response(scope, receive, send)

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        media_type = RESPONSE_MEDIA_TYPE.get()
        refused = False
        if isinstance(response_data, dict) and is_request_error(response_data):
            refused = True
            response_data = response_data.copy()
            response_data.pop("data", None)
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = f"{media_type}; charset=utf-8"
        if refused:
            response.status_code = 400 if media_type == GRAPHQL_RESPONSE_JSON else 200
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
            served_alone=LAMBDA_CONTEXT in request.scope,
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
        routes=[  # the view is an ASGI app: a Route calls it with the request's scope as it is
            Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
            Route(PUBLIC_GRAPHQL_PATH, graphql, methods=["POST"]),
        ],
        exception_handlers={StarletteHTTPException: _as_graphql_error},
        middleware=[
            Middleware(RequestDeadline, seconds=deadline_seconds),
            Middleware(BodySizeLimit),
            Middleware(TrustedDocumentsGate, documents=documents),  # before any GraphQL parsing
            Middleware(BearerAuthentication, verifier=verifier, anonymous_paths=frozenset({PUBLIC_GRAPHQL_PATH})),
        ],
    )
    if policy.ide:
        app.mount(IDE_PATH, StaticFiles(directory=IDE_ASSETS, check_dir=False))
    return app


async def _as_graphql_error(request: Request, refused: Exception) -> Response:
    """A path or method the app does not serve: a GraphQL error in JSON, as everything else."""
    if not isinstance(refused, StarletteHTTPException):  # only Starlette's are routed here
        raise refused
    return error_response(
        refused.status_code, ErrorCode.BAD_REQUEST, refused.detail, headers=dict(refused.headers or {})
    )
