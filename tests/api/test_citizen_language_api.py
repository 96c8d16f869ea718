"""The citizen's SMS language over both transports: chosen at the centre, changed by the citizen
(``changeMyLanguage``); an unknown language is refused with a code and changes nothing."""

from __future__ import annotations

from tests.support.people import open_and_activate, sign_in
from tests.support.transports import GraphQLClient

OPERATOR = "1000001014"
CHANGE = """mutation ($language: Language!) { changeMyLanguage(language: $language) {
  __typename ... on CitizenRecord { id language } ... on Problem { code } } }"""
MY_LANGUAGE = "{ me { ... on CitizenRecord { language } } }"


def test_a_citizen_changes_the_sms_language_to_a_residents_language(client: GraphQLClient) -> None:
    citizen = open_and_activate(client, sign_in(client, OPERATOR))
    assert client.post(MY_LANGUAGE, token=citizen.token).data["me"] == {"language": "AR"}
    changed = client.post(CHANGE, {"language": "BN"}, token=citizen.token).data["changeMyLanguage"]
    assert changed == {"__typename": "CitizenRecord", "id": citizen.citizen_id, "language": "BN"}
    assert client.post(MY_LANGUAGE, token=citizen.token).data["me"] == {"language": "BN"}


def test_an_unknown_language_is_refused_with_a_code_and_changes_nothing(client: GraphQLClient) -> None:
    citizen = open_and_activate(client, sign_in(client, OPERATOR))
    reply = client.post(CHANGE, {"language": "FR"}, token=citizen.token)
    [error] = reply.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["messageAr"]
    assert client.post(MY_LANGUAGE, token=citizen.token).data["me"] == {"language": "AR"}


def test_an_operator_cannot_change_a_citizens_language(client: GraphQLClient) -> None:
    operator = sign_in(client, OPERATOR)
    refused = client.post(CHANGE, {"language": "UR"}, token=operator).data["changeMyLanguage"]
    assert refused == {"__typename": "Forbidden", "code": "FORBIDDEN"}
