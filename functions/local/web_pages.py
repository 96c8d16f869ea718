"""The pages (``web/dist``, built by ``make dev``) on the dev server's own origin, beside ``/graphql``.

Deployed, CloudFront serves the same files from a private S3 bucket and answers a path that is no file
with ``index.html`` (the pages route themselves); here the dev server does the same, with the security
headers of the CloudFront response headers policy declared in ``infra/web.yml`` (the Content-Security-
Policy above all), read from that file: a page that breaks the policy breaks here first, in the browser
tests. GraphiQL on ``/graphql`` keeps its own (its files come from ``/graphql/ide``; local and dev only).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from functions.local.provision import PROJECT_ROOT, Templates

__all__ = ["DOCUMENTS_BUCKET_SOURCE", "WEB_DIST", "WebPages", "local_policy", "security_headers"]

WEB_DIST = PROJECT_ROOT / "web" / "dist"
RESPONSE_HEADERS_POLICY = "WebResponseHeadersPolicy"
API_PREFIXES = ("/graphql", "/@connections/")


DOCUMENTS_BUCKET_SOURCE = "https://${AWS::StackName}-documents-${AWS::AccountId}.s3.${AWS::Region}.${AWS::URLSuffix}"
"""The documents bucket in the policy's connect-src (the centre console posts uploads there)."""


def security_headers(templates: Templates, documents_origin: str | None = None) -> list[tuple[str, str]]:
    """The headers CloudFront adds to every page, from the response headers policy's definition; locally
    the documents bucket is moto's S3 (``documents_origin``)."""
    config = templates.resources["Resources"][RESPONSE_HEADERS_POLICY]["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    transport = security["StrictTransportSecurity"]
    hsts = f"max-age={transport['AccessControlMaxAgeSec']}"
    hsts += "; includeSubDomains" if transport.get("IncludeSubdomains") else ""
    hsts += "; preload" if transport.get("Preload") else ""
    headers = [
        (
            "content-security-policy",
            local_policy(
                security["ContentSecurityPolicy"]["ContentSecurityPolicy"],
                {DOCUMENTS_BUCKET_SOURCE: documents_origin} if documents_origin else {},
            ),
        ),
        ("strict-transport-security", hsts),
        ("x-frame-options", security["FrameOptions"]["FrameOption"]),
        ("referrer-policy", security["ReferrerPolicy"]["ReferrerPolicy"]),
    ]
    if "ContentTypeOptions" in security:
        headers.append(("x-content-type-options", "nosniff"))
    custom = config.get("CustomHeadersConfig", {}).get("Items", [])
    return headers + [(item["Header"].lower(), item["Value"]) for item in custom]


def local_policy(policy: str | dict[str, str], stand_ins: Mapping[str, str] = MappingProxyType({})) -> str:
    """The Content-Security-Policy as it applies here: a source naming a deployed resource is replaced by
    what stands in for it locally (``stand_ins``: the documents bucket by moto's S3), else dropped
    (``wss://${WebsocketsApi}…``: the emulated WebSocket API is this origin, 'self')."""
    text = policy["Fn::Sub"] if isinstance(policy, dict) else policy
    directives = (directive.split() for directive in text.split(";"))
    local = ([stand_ins.get(t, "") if "${" in t else t for t in tokens] for tokens in directives if tokens)
    return "; ".join(" ".join(t for t in tokens if t) for tokens in local)


class WebPages:
    """GET and HEAD of anything but the API: a file of ``web/dist``, else ``index.html``."""

    def __init__(self, app: ASGIApp, dist: Path = WEB_DIST, headers: Iterable[tuple[str, str]] = ()) -> None:
        self.app = app
        self.dist = dist
        self.headers = list(headers)
        self.files = StaticFiles(directory=dist, check_dir=False)
        self.compressed = GZipMiddleware(self._serve, minimum_size=500)  # as CloudFront's Compress: true

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"GET", "HEAD"} or scope["path"].startswith(API_PREFIXES):
            await self.app(scope, receive, send)
            return
        await self.compressed(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._page(scope)
        for name, value in self.headers:
            response.headers[name] = value
        await response(scope, receive, send)

    async def _page(self, scope: Scope) -> Response:
        index = self.dist / "index.html"
        if not index.exists():
            return Response("web/dist is not built: run `make dev` (it builds it) or `make web-build`.", 503)
        path = scope["path"].lstrip("/")
        if "." not in path.rsplit("/", 1)[-1]:  # the pages' own routes, as infra/web.yml's WebPageRoutes
            return FileResponse(index, media_type="text/html; charset=utf-8", headers={"cache-control": "no-cache"})
        full_path, stat = self.files.lookup_path(self.files.get_path(scope))
        if stat is None or not Path(full_path).is_file():
            return Response("Not found", 404, media_type="text/plain")
        response: Response = self.files.file_response(full_path, stat, scope)
        if path.startswith("assets/"):  # named by their content's hash: never change
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response
