"""The Lambda artifact (``make package``): only what runs in Lambda, every module precompiled so that
a cold start never compiles, and the native code built for the target CPU."""

from __future__ import annotations

import ast
import json
import struct
import subprocess
import sys
import zipfile
from importlib.util import source_hash
from pathlib import Path, PurePosixPath

from deploy.lambda_artifact import BOTOCORE_SERVICES, ROOT, ZIP_TIMESTAMP, Target, packaged_sources

# importlib's .pyc flags: bit 0 hash-based, bit 1 check the source. Unchecked hash: 0b01.
UNCHECKED_HASH = 0b01
ELF_MACHINE = {"manylinux2014_aarch64": 0xB7, "manylinux2014_x86_64": 0x3E}


def entries(artifact: Path) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(artifact) as archive:
        return {info.filename: info for info in archive.infolist()}


def test_the_artifact_holds_functions_without_local_tooling_and_no_tests_or_documents(artifact: Path) -> None:
    names = entries(artifact)
    ours = {name for name in names if name.startswith("functions/") and "__pycache__" not in name}
    assert ours == {source.relative_to(ROOT).as_posix() for source in packaged_sources()}
    assert not [name for name in names if name.startswith(("functions/local/", "tests/", "bench/", "deploy/"))]
    assert not [name for name in names if name.endswith(".graphql") or name.startswith("bin/")]


def test_every_module_has_unchecked_hash_bytecode_for_the_target_python(artifact: Path) -> None:
    target = Target.from_serverless()
    tag = f"cpython-{target.python[0]}{target.python[1]}"
    with zipfile.ZipFile(artifact) as archive:
        modules = [name for name in archive.namelist() if name.endswith(".py")]
        assert len(modules) > 100
        for module in modules:
            path = PurePosixPath(module)
            compiled = archive.read(str(path.parent / "__pycache__" / f"{path.stem}.{tag}.pyc"))
            flags, recorded_hash = struct.unpack("<I8s", compiled[4:16])
            assert flags == UNCHECKED_HASH, module
            assert recorded_hash == source_hash(archive.read(module)), module


def test_entries_carry_one_fixed_timestamp_so_the_same_inputs_give_the_same_zip(artifact: Path) -> None:
    assert {info.date_time for info in entries(artifact).values()} == {ZIP_TIMESTAMP}


def test_native_libraries_are_built_for_the_lambda_cpu(artifact: Path) -> None:
    target = Target.from_serverless()
    assert target.pip_platform is not None
    with zipfile.ZipFile(artifact) as archive:
        libraries = [name for name in archive.namelist() if name.endswith(".so")]
        assert libraries
        machines = {name: struct.unpack("<H", archive.read(name)[18:20])[0] for name in libraries}
    assert {name for name, machine in machines.items() if machine != ELF_MACHINE[target.pip_platform]} == set()


def aws_services_the_code_calls() -> set[str]:
    """Services named in ``*.client("<service>", ...)`` calls, plus DynamoDB wherever PynamoDB is used."""
    services = set()
    for source in packaged_sources():
        if source.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pynamodb"):
                services.add("dynamodb")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "client"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                services.add(str(node.args[0].value))
    return services


def test_the_artifact_keeps_the_botocore_model_of_every_service_the_code_calls(artifact: Path) -> None:
    called = aws_services_the_code_calls()
    assert "dynamodb" in called
    assert called <= set(BOTOCORE_SERVICES)
    kept = {PurePosixPath(name).parts[2] for name in entries(artifact) if name.startswith("botocore/data/")}
    assert {name for name in kept if "." not in name} == set(BOTOCORE_SERVICES)


def test_every_kept_service_gets_a_client_from_the_slimmed_botocore(artifact: Path, tmp_path: Path) -> None:
    """botocore and its pure-Python dependencies from the artifact, alone on sys.path (no network needed)."""
    with zipfile.ZipFile(artifact) as archive:
        pure = [n for n in archive.namelist() if n.startswith(("botocore/", "jmespath/", "dateutil/", "urllib3/"))]
        archive.extractall(tmp_path, members=[*pure, "six.py"])
    probe = (
        f"import json, sys; sys.path.insert(0, {str(tmp_path)!r}); import botocore.session; "
        "session = botocore.session.get_session(); "
        f"print(json.dumps({{s: session.create_client(s, region_name='me-south-1', aws_access_key_id='x', "
        f"aws_secret_access_key='x').meta.endpoint_url for s in {list(BOTOCORE_SERVICES)!r}}}))"
    )
    created = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, check=False)
    assert created.returncode == 0, created.stderr
    endpoints = json.loads(created.stdout)
    assert endpoints["dynamodb"] == "https://dynamodb.me-south-1.amazonaws.com"
    assert set(endpoints) == set(BOTOCORE_SERVICES)


def test_the_manifest_of_trusted_documents_ships_beside_the_module_that_reads_it(artifact: Path) -> None:
    """Outside local and dev the gateway runs only these documents (functions/api/trusted_documents.py)."""
    from functions.api.trusted_documents import MANIFEST

    with zipfile.ZipFile(artifact) as archive:
        shipped = archive.read(MANIFEST.relative_to(ROOT).as_posix())
        assert "functions/api/trusted_documents.py" in archive.namelist()
    assert shipped == MANIFEST.read_bytes()
    assert json.loads(shipped)


def test_the_compiled_catalogues_ship_and_their_sources_do_not(artifact: Path) -> None:
    """Runtime reads functions/locale/<language>/LC_MESSAGES/<domain>.mo; the .po files are the translators'."""
    from functions.domain.citizen import Language

    names = set(entries(artifact))
    assert {f"functions/locale/{language.value}/LC_MESSAGES/sms.mo" for language in Language} <= names
    assert {"functions/locale/ar/LC_MESSAGES/errors.mo", "functions/locale/en/LC_MESSAGES/errors.mo"} <= names
    assert not [name for name in names if name.startswith("functions/locale/") and not name.endswith(".mo")]
