"""GraphiQL from our own origin: Strawberry's page, its scripts and styles served from ``/graphql/ide``.

Strawberry's GraphiQL page loads React, GraphiQL and its explorer plugin from a CDN (seven files from
unpkg.com): offline, or behind a proxy that blocks it, the page says "Loading..." forever. The same
files, at the same versions, come from npm (package.json pins them; ``make`` runs
``python -m functions.local.ide_assets``, which copies each one into ``build/graphiql/`` and checks it
against the integrity hash Strawberry's page carries). The page served here is Strawberry's own with
each CDN address replaced by ours, so the integrity checks still hold in the browser.

The assets are a build output, not packaged into the Lambda artifact: API Gateway routes no ``GET`` to
the function, so GraphiQL exists only where the app itself is served, locally (docs/hardening.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from strawberry.http.ides import get_graphql_ide_html

__all__ = ["IDE_ASSETS", "IDE_PATH", "CdnAsset", "cdn_assets", "offline_graphiql_html"]

IDE_PATH = "/graphql/ide"
IDE_ASSETS = Path(__file__).resolve().parents[2] / "build" / "graphiql"
"""Filled by ``make`` from node_modules; absent from the Lambda artifact."""

_CDN = re.compile(r"https://unpkg\.com/(?P<package>(?:@[^/@\"]+/)?[^/@\"]+)@(?P<version>[^/\"]+)/(?P<file>[^\"]+)")
_INTEGRITY = re.compile(r'integrity="(?P<integrity>sha384-[^"]+)"')


@dataclass(frozen=True)
class CdnAsset:
    package: str
    version: str
    file: str
    integrity: str

    @property
    def local_path(self) -> str:
        """Where it is served and stored under ``IDE_PATH``/``IDE_ASSETS``: package@version/file."""
        return f"{self.package}@{self.version}/{self.file}"


def cdn_assets(html: str | None = None) -> list[CdnAsset]:
    """Each file Strawberry's page loads from the CDN, with the integrity hash the page expects."""
    page = html if html is not None else get_graphql_ide_html("graphiql")
    assets = []
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", page):
        address, integrity = _CDN.search(tag), _INTEGRITY.search(tag)
        if address:
            if integrity is None:
                raise ValueError(f"{address.group(0)} has no integrity hash to check a copy against")
            assets.append(CdnAsset(address["package"], address["version"], address["file"], integrity["integrity"]))
    return assets


@cache
def offline_graphiql_html() -> str:
    page = get_graphql_ide_html("graphiql")
    served_here = _CDN.sub(lambda m: f"{IDE_PATH}/{m['package']}@{m['version']}/{m['file']}", page)
    if re.search(r"(?:src|href)=\"https?://", served_here):
        raise ValueError("Strawberry's GraphiQL page loads something this module does not serve")
    return served_here
