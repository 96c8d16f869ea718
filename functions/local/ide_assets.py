"""``make`` step: GraphiQL's scripts and styles from node_modules into ``build/graphiql/`` (see
``functions/api/graphql_ide.py``). Each file must be the version Strawberry's page names, and match the
integrity hash the page carries; otherwise this fails and says which package.json entry to change.

    python -m functions.local.ide_assets
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sys
from pathlib import Path

from functions.api.graphql_ide import IDE_ASSETS, CdnAsset, cdn_assets

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"


def integrity_of(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def problem_with(asset: CdnAsset, node_modules: Path) -> str | None:
    package = node_modules / asset.package
    manifest = package / "package.json"
    if not manifest.is_file():
        return f'{asset.package} is not installed: add "{asset.package}": "{asset.version}" to package.json'
    installed = json.loads(manifest.read_text())["version"]
    if installed != asset.version:
        return (
            f"{asset.package} is {installed}, Strawberry's GraphiQL page wants {asset.version}: pin it in package.json"
        )
    if integrity_of(package / asset.file) != asset.integrity:
        return f"{asset.package}/{asset.file} does not match the integrity hash of Strawberry's page"
    return None


def build(node_modules: Path = NODE_MODULES, target: Path = IDE_ASSETS) -> list[Path]:
    assets = cdn_assets()
    problems = [problem for asset in assets if (problem := problem_with(asset, node_modules))]
    if problems:
        raise SystemExit("GraphiQL's assets:\n  " + "\n  ".join(problems))
    copied = []
    for asset in assets:
        destination = target / asset.local_path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / asset.package / asset.file, destination)
        copied.append(destination)
    return copied


if __name__ == "__main__":
    files = build()
    print(f"GraphiQL: {len(files)} files in {IDE_ASSETS.relative_to(ROOT)}", file=sys.stderr)
