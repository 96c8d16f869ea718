"""Cold-start economy: the handler's import leaves the app to the first request, and what is built once
per process is kept out of the garbage collector's way."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from functions.handlers.cold_start import kept_for_life

APP_MODULES = ["functions.bootstrap", "strawberry", "starlette", "pynamodb", "mangum", "boto3"]


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
