"""The catalogue over HTTP, through both transports, against the seeded catalogue on moto."""

from __future__ import annotations

from tests.support.transports import GraphQLClient

DONE_WHEN = "{ services { code name { ar en } fee route { stages { agencies { code } } } } }"


def test_the_foundation_query_returns_the_seeded_catalogue(client: GraphQLClient) -> None:
    reply = client.post(DONE_WHEN)
    assert reply.status == 200
    services = reply.data["services"]
    assert len(services) >= 10
    shop = next(s for s in services if s["code"] == "SHOP-LICENCE")
    assert shop["name"] == {"ar": "رخصة محل تجاري", "en": "Shop licence"}
    assert shop["fee"] == "300.00"
    assert [[a["code"] for a in stage["agencies"]] for stage in shop["route"]["stages"]] == [
        ["COMMERCE"],
        ["MUNICIPALITY", "CIVIL-DEFENCE"],
    ]


def test_one_service_with_form_documents_and_slas(client: GraphQLClient) -> None:
    query = """
    query Service($code: String!) {
      service(code: $code) {
        __typename
        ... on Service {
          code currency fee
          documents { code name { ar } }
          fields { key type required maxLength choices { value label { en } } }
          route { multiAgency stages { order agencies { code name { ar } receiptSlaHours processingSlaHours } } }
        }
      }
    }"""
    service = client.post(query, {"code": "BUILDING-PERMIT"}).data["service"]
    assert service["__typename"] == "Service"
    assert service["currency"] == "SAR"
    assert [d["code"] for d in service["documents"]] == ["DEED", "PLANS", "SURVEY"]
    assert service["route"]["multiAgency"] is True
    first_stage = service["route"]["stages"][0]
    assert first_stage["order"] == 1
    assert first_stage["agencies"][0]["name"]["ar"] == "أمانة منطقة المدينة المنورة"
    assert first_stage["agencies"][0]["receiptSlaHours"] > 0


def test_unknown_codes_come_back_as_not_found_results(client: GraphQLClient) -> None:
    query = '{ agency(code: "NOPE") { __typename ... on NotFound { code } } service(code: "NOPE") { __typename } }'
    reply = client.post(query)
    assert reply.status == 200
    assert reply.data == {
        "agency": {"__typename": "NotFound", "code": "NOT_FOUND"},
        "service": {"__typename": "NotFound"},
    }


def test_services_of_one_agency(client: GraphQLClient) -> None:
    reply = client.post('{ services(agencyCode: "CIVIL-AFFAIRS") { code } }')
    assert [s["code"] for s in reply.data["services"]] == ["FAMILY-RECORD", "NID-RENEW"]


def test_agencies_in_both_languages(client: GraphQLClient) -> None:
    agencies = client.post("{ agencies { code name { ar en } } }").data["agencies"]
    assert len(agencies) >= 7
    assert all(a["name"]["ar"] and a["name"]["en"] for a in agencies)


def test_each_response_names_its_correlation_id(client: GraphQLClient) -> None:
    first = client.post("{ agencies { code } }")
    second = client.post("{ agencies { code } }")
    assert first.headers["x-correlation-id"] != second.headers["x-correlation-id"]
