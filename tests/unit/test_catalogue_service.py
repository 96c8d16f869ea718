"""Catalogue use cases against a recording in-memory repository."""

from __future__ import annotations

from dataclasses import replace

import pytest

from functions.domain.catalogue import Agency, LocalizedText
from functions.domain.errors import ErrorCode, NotFound, ValidationFailed
from functions.domain.paging import PageRequest
from functions.local.seeding import SeedCatalogue, seed_catalogue
from functions.services.auditing import Auditor
from functions.services.authorization import Authorizer
from functions.services.caller import SYSTEM
from functions.services.catalogue import CatalogueService
from tests.fakes.catalogue import InMemoryCatalogueRepository
from tests.fakes.identity import FakeCognito, FixedClock, FixedStanding, RecordingAuditLog


@pytest.fixture
def repository() -> InMemoryCatalogueRepository:
    return InMemoryCatalogueRepository()


@pytest.fixture
def catalogue(repository: InMemoryCatalogueRepository) -> CatalogueService:
    auditor = Auditor(RecordingAuditLog(), FixedClock())
    service = CatalogueService(
        repository, auditor, Authorizer(auditor, FixedClock(), sessions=FakeCognito, standing=FixedStanding)
    )
    seed_catalogue(service)
    return service


def test_unknown_codes_are_not_found(catalogue: CatalogueService) -> None:
    with pytest.raises(NotFound):
        catalogue.get_service("NO-SUCH")
    with pytest.raises(NotFound):
        catalogue.get_agency("NO-SUCH")
    with pytest.raises(NotFound) as raised:
        catalogue.list_services(PageRequest(), agency_code="NO-SUCH")
    assert raised.value.field == "agencyCode"


def test_services_of_an_agency_include_those_where_it_works_in_a_later_stage(
    catalogue: CatalogueService,
) -> None:
    codes = [s.code for s in catalogue.list_services(PageRequest(first=100), agency_code="CIVIL-DEFENCE").items]
    assert codes == ["BUILDING-PERMIT", "SAFETY-CERT", "SHOP-LICENCE"]


def test_a_service_whose_route_names_an_unknown_agency_is_refused_and_nothing_is_written(
    catalogue: CatalogueService, repository: InMemoryCatalogueRepository
) -> None:
    service = catalogue.get_service("SHOP-LICENCE")
    stage = service.stages[0]
    broken = replace(
        service,
        code="SHOP-LICENCE-2",
        stages=(replace(stage, steps=(replace(stage.steps[0], agency_code="NOPE"),)),),
    )
    writes_before = list(repository.writes)
    with pytest.raises(ValidationFailed) as raised:
        catalogue.define_service(SYSTEM, broken)
    assert raised.value.code is ErrorCode.ROUTE_UNKNOWN_AGENCY
    assert repository.writes == writes_before


def test_an_invalid_agency_is_not_written(catalogue: CatalogueService, repository: InMemoryCatalogueRepository) -> None:
    writes_before = list(repository.writes)
    with pytest.raises(ValidationFailed):
        catalogue.define_agency(SYSTEM, Agency("bad code", LocalizedText("جهة", "Agency")))
    assert repository.writes == writes_before


def test_the_seed_catalogue_meets_the_brief() -> None:
    seed = SeedCatalogue.load()
    assert len(seed.agencies) >= 7
    assert len(seed.services) >= 10
    multi_agency = [s for s in seed.services if len(s.agency_codes) > 1]
    assert len(multi_agency) >= 3
    assert any(len(stage.steps) > 1 for s in seed.services for stage in s.stages)
    for service in seed.services:
        assert service.documents
        assert service.fields
        assert all(step.receipt_sla_hours > 0 for stage in service.stages for step in stage.steps)
        assert service.name.ar != service.name.en
