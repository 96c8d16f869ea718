"""The catalogue on DynamoDB (moto): reads by key and index, pages by code, route edits keep links true."""

from __future__ import annotations

from dataclasses import replace

from functions.bootstrap import Container
from functions.domain.catalogue import RouteStage
from functions.domain.paging import PageRequest
from functions.services.caller import SYSTEM


def test_the_seeded_catalogue_reads_back_whole(container: Container) -> None:
    service = container.use_cases.catalogue.get_service("SHOP-LICENCE")
    assert [[s.agency_code for s in stage.steps] for stage in service.stages] == [
        ["COMMERCE"],
        ["MUNICIPALITY", "CIVIL-DEFENCE"],
    ]
    assert service.fee.halalas == 30000
    assert [f.key for f in service.fields] == ["activity", "shopAreaSqm", "signboard"]
    assert service.fields[0].choices[0].label.ar == "بيع بالتجزئة"


def test_lists_page_by_code_without_gaps_or_repeats(container: Container) -> None:
    everything = [s.code for s in container.use_cases.catalogue.list_services(PageRequest(first=100)).items]
    paged: list[str] = []
    after = None
    while True:
        page = container.use_cases.catalogue.list_services(PageRequest(first=3, after=after))
        paged.extend(s.code for s in page.items)
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert paged == everything == sorted(everything)
    assert len(everything) >= 10


def test_an_agencys_services_follow_route_edits(container: Container) -> None:
    def services_of(agency: str) -> list[str]:
        return [s.code for s in container.use_cases.catalogue.list_services(PageRequest(), agency_code=agency).items]

    assert "HEALTH-CERT" in services_of("MUNICIPALITY")
    service = container.use_cases.catalogue.get_service("HEALTH-CERT")
    container.use_cases.catalogue.define_service(
        SYSTEM, replace(service, stages=(RouteStage(service.stages[0].steps),))
    )
    assert "HEALTH-CERT" not in services_of("MUNICIPALITY")
    assert "HEALTH-CERT" in services_of("HEALTH")
    container.use_cases.catalogue.define_service(SYSTEM, service)
    assert "HEALTH-CERT" in services_of("MUNICIPALITY")


def test_agencies_by_code_in_one_batch(container: Container) -> None:
    found = container.use_cases.catalogue.get_agencies(["HEALTH", "NOPE", "TRAFFIC", "HEALTH"])
    assert sorted(found) == ["HEALTH", "TRAFFIC"]
