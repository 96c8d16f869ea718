"""GraphiQL from our own origin: the page names no other origin, and the copies are checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from functions.api.graphql_ide import IDE_PATH, cdn_assets, offline_graphiql_html
from functions.local.ide_assets import build, integrity_of


def test_the_page_loads_every_asset_from_ide_path() -> None:
    page = offline_graphiql_html()
    assert "unpkg.com" not in page
    for asset in cdn_assets():
        assert f'"{IDE_PATH}/{asset.local_path}"' in page
        assert asset.integrity in page  # the browser still checks each file


def fake_node_modules(root: Path, *, wrong_version: str | None = None, tampered: str | None = None) -> Path:
    for asset in cdn_assets():
        package = root / asset.package
        (package / asset.file).parent.mkdir(parents=True, exist_ok=True)
        version = "0.0.1" if asset.package == wrong_version else asset.version
        (package / "package.json").write_text(json.dumps({"version": version}))
        (package / asset.file).write_text(f"content of {asset.file}")
    return root


def test_a_copy_that_does_not_match_the_page_s_integrity_hash_is_refused(tmp_path: Path) -> None:
    node_modules = fake_node_modules(tmp_path / "node_modules")
    with pytest.raises(SystemExit, match="integrity"):
        build(node_modules, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_package_at_another_version_is_refused(tmp_path: Path) -> None:
    package = cdn_assets()[0].package
    node_modules = fake_node_modules(tmp_path / "node_modules", wrong_version=package)
    with pytest.raises(SystemExit, match=f"{package} is 0.0.1"):
        build(node_modules, tmp_path / "out")


def test_the_installed_packages_are_the_ones_the_page_expects(tmp_path: Path) -> None:
    node_modules = Path(__file__).resolve().parents[2] / "node_modules"
    if not node_modules.is_dir():
        pytest.fail("node_modules is missing: `make test` installs it (npm ci)")
    copied = build(node_modules, tmp_path / "out")
    assert len(copied) == len(cdn_assets()) == 7
    assert {integrity_of(path) for path in copied} == {asset.integrity for asset in cdn_assets()}
