"""Build the Lambda artifact: ``functions/`` (without ``local/``) and the runtime dependencies, with
bytecode precompiled for the target Python, zipped reproducibly. No Docker: pip fetches the target
platform's wheels (``--only-binary``), which every runtime dependency publishes.

The target (Python version, CPU architecture) is read from ``provider.runtime`` and
``provider.architecture`` in ``serverless.yml``, so the artifact cannot drift from what Lambda runs.

Why ``--invalidation-mode unchecked-hash``: zip tools stamp every file with one fixed time, and Lambda
unpacks that time onto the files; ordinary ``.pyc`` files record the source's mtime, so they all look
stale, Python recompiles every module on every cold start (and cannot write the result to the
read-only ``/var/task``), roughly tripling import time. Unchecked hash-based ``.pyc`` files are used
as they are.

    python -m deploy.lambda_artifact                 # dist/shubbak-lambda.zip, for Lambda
    python -m deploy.lambda_artifact --host-platform # build/..., for this machine (the benchmark)
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import hashlib
import json
import os
import py_compile
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["ARTIFACT", "BOTOCORE_SERVICES", "Artifact", "Target", "build_artifact"]

ROOT = Path(__file__).resolve().parents[1]
ARTIFACT = ROOT / "dist" / "shubbak-lambda.zip"
BUILD = ROOT / "build"
# Everything under functions/ ships except the local tooling (moto, seed, dev server).
LOCAL_TOOLING = "local"
# The message catalogues' sources are the translators' (docs/sms.md); Lambda reads the compiled .mo files.
CATALOGUE_SOURCES = (".po", ".pot", ".cfg")
# Console scripts carry this machine's interpreter path and are never run on Lambda.
DROPPED_FROM_DEPENDENCIES = ("bin",)
# The AWS services the functions call (PynamoDB's included). botocore ships ~450 service models, and
# its first client lists and stats every one of their folders and parses the endpoints of all of
# them (~45 ms of each cold start); only these are kept (see _slim_botocore). tests/deployment checks
# that every client the code creates is listed here, and that each of them can be created.
BOTOCORE_SERVICES = (
    "apigatewaymanagementapi",
    "cognito-idp",
    "dynamodb",
    "kms",
    "s3",
    "sns",
    "sqs",
    "stepfunctions",
    "sts",
)
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
_PIP_PLATFORM = {"arm64": "manylinux2014_aarch64", "x86_64": "manylinux2014_x86_64"}


@dataclass(frozen=True)
class Target:
    python: tuple[int, int]
    pip_platform: str | None  # None: this machine's platform (the benchmark's twin of the artifact)

    @classmethod
    def from_serverless(cls, root: Path = ROOT) -> Target:
        provider = yaml.safe_load((root / "serverless.yml").read_text())["provider"]
        runtime = provider["runtime"]
        if not runtime.startswith("python3."):
            raise SystemExit(f"serverless.yml: runtime {runtime} is not a Python runtime")
        major, minor = runtime.removeprefix("python").split(".")
        return cls(python=(int(major), int(minor)), pip_platform=_PIP_PLATFORM[provider.get("architecture", "x86_64")])

    def host_twin(self) -> Target:
        return Target(python=self.python, pip_platform=None)

    @property
    def name(self) -> str:
        return f"cp{self.python[0]}{self.python[1]}-{self.pip_platform or 'host'}"


@dataclass(frozen=True)
class Artifact:
    zip_path: Path
    files: int
    unzipped_bytes: int

    def summary(self) -> str:
        return (
            f"{self.zip_path.relative_to(ROOT)}: {self.files} files, "
            f"{self.zip_path.stat().st_size / 2**20:.1f} MiB zipped, {self.unzipped_bytes / 2**20:.1f} MiB unzipped"
        )


def runtime_dependencies(root: Path = ROOT) -> list[str]:
    return list(tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"])


def packaged_sources(root: Path = ROOT) -> list[Path]:
    functions = root / "functions"
    return sorted(path for path in functions.rglob("*") if path.is_file() and _is_packaged(path.relative_to(functions)))


def _is_packaged(relative: Path) -> bool:
    return (
        relative.parts[0] != LOCAL_TOOLING
        and "__pycache__" not in relative.parts
        and relative.suffix not in (".pyc", *CATALOGUE_SOURCES)
    )


def inputs_digest(target: Target, root: Path = ROOT) -> str:
    """Everything the artifact is made from; an unchanged digest means an unchanged artifact."""
    digest = hashlib.sha256(target.name.encode())
    digest.update("\n".join(runtime_dependencies(root)).encode())
    for path in [Path(__file__), root / "constraints.txt", *packaged_sources(root)]:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_artifact(target: Target, zip_path: Path, *, force: bool = False) -> Artifact:
    if sys.version_info[:2] != target.python:
        raise SystemExit(f"bytecode must be compiled by Python {target.python}, not {sys.version_info[:2]}")
    staging = BUILD / target.name
    digest_file = BUILD / f"{target.name}.inputs-sha256"
    digest = inputs_digest(target)
    if not force and zip_path.exists() and digest_file.exists() and digest_file.read_text() == digest:
        return _describe(zip_path)
    shutil.rmtree(staging, ignore_errors=True)
    _install_dependencies(target, staging)
    _copy_functions(staging)
    _precompile(staging)
    artifact = _zip(staging, zip_path)
    digest_file.write_text(digest)
    return artifact


def _install_dependencies(target: Target, staging: Path) -> None:
    platform = (
        [
            "--platform",
            target.pip_platform,
            "--implementation",
            "cp",
            "--python-version",
            f"{target.python[0]}.{target.python[1]}",
        ]
        if target.pip_platform
        else []
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-compile",  # compiled below, as unchecked-hash .pyc files
            "--only-binary=:all:",
            *platform,
            "--target",
            str(staging),
            "--constraint",
            str(ROOT / "constraints.txt"),
            *runtime_dependencies(),
        ],
        check=True,
    )
    for name in DROPPED_FROM_DEPENDENCIES:
        shutil.rmtree(staging / name, ignore_errors=True)
    _slim_botocore(staging / "botocore" / "data")


def _slim_botocore(data: Path) -> None:
    """Only the models of BOTOCORE_SERVICES, read the fastest way botocore's loader allows.

    The loader lists every model folder, parses the whole endpoints.json (1.2 MB, ~20 ms: every
    service in every partition) and prefers ``x.json`` to ``x.json.gz`` (gzip in Python costs a few
    ms per model). Partitions, regions and defaults stay whole: a service missing from endpoints.json
    still resolves through its partition's defaults.
    """
    for model in data.iterdir():
        if model.is_dir() and model.name not in BOTOCORE_SERVICES:
            shutil.rmtree(model)
    for compressed in data.rglob("*.json.gz"):
        compressed.with_suffix("").write_bytes(gzip.decompress(compressed.read_bytes()))
        compressed.unlink()
    endpoints = json.loads((data / "endpoints.json").read_text())
    for partition in endpoints["partitions"]:
        partition["services"] = {k: v for k, v in partition["services"].items() if k in BOTOCORE_SERVICES}
    (data / "endpoints.json").write_text(json.dumps(endpoints, separators=(",", ":")))


def _copy_functions(staging: Path) -> None:
    for source in packaged_sources():
        destination = staging / source.relative_to(ROOT)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def _precompile(staging: Path) -> None:
    compiled = compileall.compile_dir(
        staging,
        quiet=1,
        workers=0,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    if not compiled:
        raise SystemExit(f"some modules under {staging} do not compile")


def _zip(staging: Path, zip_path: Path) -> Artifact:
    """Sorted entries, one fixed timestamp, normalised modes: the same inputs give the same bytes."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in staging.rglob("*") if path.is_file())
    partial = zip_path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(path.relative_to(staging).as_posix(), date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            entry.external_attr = (0o100000 | mode) << 16
            archive.writestr(entry, path.read_bytes())
    partial.replace(zip_path)
    return _describe(zip_path)


def _describe(zip_path: Path) -> Artifact:
    with zipfile.ZipFile(zip_path) as archive:
        entries = archive.infolist()
    return Artifact(zip_path=zip_path, files=len(entries), unzipped_bytes=sum(e.file_size for e in entries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host-platform", action="store_true", help="this machine's wheels (for the benchmark)")
    parser.add_argument("--force", action="store_true", help="rebuild even if no input changed")
    arguments = parser.parse_args()
    target = Target.from_serverless()
    if arguments.host_platform:
        target = target.host_twin()
    zip_path = ARTIFACT if target.pip_platform else BUILD / f"shubbak-lambda-{target.name}.zip"
    print(build_artifact(target, zip_path, force=arguments.force).summary())


if __name__ == "__main__":
    main()
