"""``make schema``: the SDL generated from the code (``schema.graphql``) and the table of the schema's
sections (``functions/api/schema_sections.json``), both derived from the root classes found in
``functions/api/{queries,mutations,subscriptions}``. Tests fail when either committed file is stale."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import graphql
from graphql.language import OperationType
from strawberry.schema.config import StrawberryConfig
from strawberry.types import get_object_definition

from functions.api.schema import GraphQLPolicy, build_schema
from functions.api.schema_sections import BASE_SECTION, TABLE, Section, schema_order

__all__ = ["root_sections", "sdl", "sections_table"]

ROOT = Path(__file__).resolve().parents[2]
_PACKAGES = {
    "queries": OperationType.QUERY,
    "mutations": OperationType.MUTATION,
    "subscriptions": OperationType.SUBSCRIPTION,
}
_ROOT_CLASS_SUFFIXES = ("Queries", "Mutations", "Subscriptions")
_LOCAL = GraphQLPolicy.for_stage("local")


def root_sections() -> list[Section]:
    """Every root class of the API (a Strawberry type named ``…Queries``, ``…Mutations`` or
    ``…Subscriptions`` defined in one of the three packages), with its root fields, in schema order."""
    names = StrawberryConfig().name_converter
    found = []
    for package, operation in _PACKAGES.items():
        for module_info in pkgutil.iter_modules(importlib.import_module(f"functions.api.{package}").__path__):
            module = importlib.import_module(f"functions.api.{package}.{module_info.name}")
            for name, value in vars(module).items():
                definition = get_object_definition(value) if isinstance(value, type) else None
                if definition and value.__module__ == module.__name__ and name.endswith(_ROOT_CLASS_SUFFIXES):
                    fields = frozenset(names.get_graphql_name(field) for field in definition.fields)
                    found.append(Section(operation, module.__name__, name, fields))
    return sorted(found, key=schema_order)


def sdl() -> str:
    return build_schema(_LOCAL, root_sections()).as_str() + "\n"


def sections_table() -> str:
    """Each section's root fields and the types it adds to the base's (read from the SDL of the base
    with that section: graphql-core's own reading of what a schema holds)."""
    sections = root_sections()
    base = frozenset(section for section in sections if section.name == BASE_SECTION)
    base_types = _type_names(base)
    entries = [
        {
            "operation": section.operation.value,
            "module": section.module,
            "name": section.name,
            "fields": sorted(section.fields),
            "types": sorted(base_types if section in base else _type_names(base | {section}) - base_types),
        }
        for section in sections
    ]
    return json.dumps({"generatedBy": "make schema", "sections": entries}, indent=1) + "\n"


def _type_names(sections: frozenset[Section]) -> frozenset[str]:
    return frozenset(graphql.build_schema(build_schema(_LOCAL, sections).as_str()).type_map)


def write() -> None:
    (ROOT / "schema.graphql").write_text(sdl(), encoding="utf-8")
    TABLE.write_text(sections_table(), encoding="utf-8")


if __name__ == "__main__":
    write()
