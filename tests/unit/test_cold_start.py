"""Cold-start economy: the handler's import leaves the app to the first request, and what is built once
per process is kept out of the garbage collector's way."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import graphql
from graphql import GraphQLEnumType, print_type

from functions.handlers.cold_start import kept_for_life

APP_MODULES = ["functions.bootstrap", "strawberry", "starlette", "pynamodb", "mangum", "boto3"]
SCHEMA = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_importing_the_graphql_handler_loads_none_of_the_app() -> None:
    probe = (
        "import json, sys; import functions.handlers.graphql_http; "
        f"print(json.dumps([m for m in {APP_MODULES!r} if m in sys.modules]))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert json.loads(loaded) == []


def test_work_kept_for_life_runs_without_collection_and_is_frozen_after() -> None:
    frozen_before = gc.get_freeze_count()
    with kept_for_life():
        collecting_inside = gc.isenabled()
        made = [[index] for index in range(1000)]
    assert not collecting_inside
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(made)
    gc.unfreeze()


def test_kept_for_life_leaves_a_paused_collector_paused() -> None:
    gc.disable()
    try:
        with kept_for_life():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_the_app_imports_only_what_a_catalogue_query_needs() -> None:
    """The composition root imports each part where it builds it and the schema starts with its base
    section: building the app loads no use case, no repository and no other section's types."""
    probe = """
import json, sys
from functions.bootstrap import Settings, build_container
names = ["SHUBBAK_STAGE", "AWS_REGION", "MAIN_TABLE", "AUDIT_TABLE", "NOTIFICATIONS_TOPIC_ARN", "EVENTS_TOPIC_ARN",
         "USER_POOL_ID", "USER_POOL_CLIENT_ID", "IDEMPOTENCY_TABLE", "HANDOFF_STATE_MACHINE_ARN", "CONNECTIONS_TABLE",
         "WEBSOCKET_MANAGEMENT_URL", "DOCUMENTS_BUCKET", "TASK_TOKEN_KEY_ID"]
environment = {name: "x" for name in names} | {"SHUBBAK_STAGE": "prod", "AWS_REGION": "me-south-1"}
build_container(Settings.from_environ(environment)).asgi_app
print(json.dumps(sorted(m for m in sys.modules if m.startswith("functions."))))
"""
    loaded = json.loads(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    assert "functions.api.queries.catalogue" in loaded
    assert [m for m in loaded if m.startswith(("functions.api.queries.", "functions.api.mutations."))] == [
        "functions.api.queries.catalogue"
    ]
    # every request's deadline (a context variable) is no use case
    assert [m for m in loaded if m.startswith("functions.services.")] == [
        "functions.services.caller",
        "functions.services.deadline",
    ]
    adapters = {
        "functions.adapters.access_tokens",
        "functions.adapters.call_budget",
        "functions.adapters.dynamodb",
        "functions.adapters.dynamodb.table",
    }
    assert {m for m in loaded if m.startswith("functions.adapters.")} <= adapters
    for heavy in ("request", "figures", "inspection", "escalation", "citizen", "centre", "feedback", "staff"):
        assert f"functions.domain.{heavy}" not in loaded


def test_the_filing_section_imports_no_domain_its_types_do_not_show() -> None:
    """The filing's section (``RequestMutations``) imports the enums of its own types only: none of the
    monitoring office's, the settlement's or the figures' domain modules, and, loaded alone in a fresh
    process, its enums reach the schema as registered (the full schema's definitions)."""
    probe = """
import json, sys
from functions.api.schema import GraphQLPolicy, build_schema
from functions.api.schema_sections import BASE, SECTIONS
filing = frozenset(s for s in SECTIONS if s.name == "RequestMutations")
sdl = build_schema(GraphQLPolicy.for_stage("local"), BASE | filing).as_str()
print(json.dumps({"sdl": sdl, "domain": sorted(m for m in sys.modules if m.startswith("functions.domain."))}))
"""
    seen = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    not_shown = [
        "centre_flags",
        "centre_notice",
        "escalation",
        "feedback",
        "figures",
        "inspection",
        "ranking",
        "settlement",
    ]
    assert [m for m in seen["domain"] if m.removeprefix("functions.domain.") in not_shown] == []
    assert "functions.domain.request" in seen["domain"]
    grown = graphql.build_schema(seen["sdl"])
    full = graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))
    enums = [t for t in grown.type_map.values() if isinstance(t, GraphQLEnumType) and not t.name.startswith("__")]
    assert {"PaymentMethod", "RequestStatus", "Language", "ErrorCode"} <= {t.name for t in enums}
    assert [print_type(t) for t in enums] == [print_type(full.type_map[t.name]) for t in enums]
