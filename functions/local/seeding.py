"""Load the seed catalogue (functions/local/seed/catalogue.yml) through the catalogue use cases.

Going through ``CatalogueService.define_*`` means the seed is validated by the same rules as an
administrator's definitions: a broken seed fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from functions.domain.catalogue import (
    Agency,
    Choice,
    FieldType,
    FormField,
    LocalizedText,
    RequiredDocument,
    RouteStage,
    Service,
    StageStep,
)
from functions.domain.money import Money
from functions.services.catalogue import CatalogueService

__all__ = ["SEED_CATALOGUE", "SeedCatalogue", "seed_catalogue"]

SEED_CATALOGUE = Path(__file__).parent / "seed" / "catalogue.yml"


@dataclass(frozen=True)
class SeedCatalogue:
    agencies: list[Agency]
    services: list[Service]

    @classmethod
    def load(cls, path: Path = SEED_CATALOGUE) -> SeedCatalogue:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            agencies=[Agency(code=item["code"], name=_text(item["name"])) for item in raw["agencies"]],
            services=[_service(item) for item in raw["services"]],
        )


def seed_catalogue(catalogue: CatalogueService, seed: SeedCatalogue | None = None) -> SeedCatalogue:
    seed = seed or SeedCatalogue.load()
    for agency in seed.agencies:
        catalogue.define_agency(agency)
    for service in seed.services:
        catalogue.define_service(service)
    return seed


def _text(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(ar=value["ar"], en=value["en"])


def _service(item: dict[str, Any]) -> Service:
    return Service(
        code=item["code"],
        name=_text(item["name"]),
        description=_text(item["description"]),
        fee=Money.sar(item["fee"]),
        stages=tuple(
            RouteStage(
                steps=tuple(
                    StageStep(
                        agency_code=step["agency"],
                        task=_text(step["task"]),
                        receipt_sla_hours=step["receiptSlaHours"],
                        processing_sla_hours=step["processingSlaHours"],
                    )
                    for step in stage
                )
            )
            for stage in item["route"]
        ),
        fields=tuple(
            FormField(
                key=field["key"],
                label=_text(field["label"]),
                type=FieldType(field["type"]),
                required=field.get("required", True),
                max_length=field.get("maxLength"),
                choices=tuple(Choice(value=c["value"], label=_text(c["label"])) for c in field.get("choices", ())),
            )
            for field in item["fields"]
        ),
        documents=tuple(RequiredDocument(code=d["code"], name=_text(d["name"])) for d in item["documents"]),
    )
