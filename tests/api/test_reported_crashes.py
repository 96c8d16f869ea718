"""Issue 14, item 3: three crashes an outside run reached anonymously. Each is now a coded answer."""

from __future__ import annotations

from tests.support.people import OPEN_RECORD, record_input, sign_in
from tests.support.transports import GraphQLClient

OPERATOR = "1000001014"


def no_crash(reply_json: dict[str, object]) -> bool:
    return "INTERNAL_ERROR" not in str(reply_json)


def test_reissuing_a_password_without_an_identity_check_is_a_coded_answer(client: GraphQLClient) -> None:
    document = 'mutation { reissueTemporaryPassword(nationalId: "x") { __typename ... on Problem { code } } }'
    anonymous = client.post(document)
    assert no_crash(anonymous.json())
    assert anonymous.data["reissueTemporaryPassword"]["__typename"] == "Forbidden"
    operator = client.post(document, token=sign_in(client, OPERATOR))
    assert no_crash(operator.json())
    assert operator.data["reissueTemporaryPassword"]["code"] == "NATIONAL_ID_LENGTH"


def test_reissuing_for_a_real_citizen_without_an_identity_check_asks_for_the_evidence(client: GraphQLClient) -> None:
    token = sign_in(client, OPERATOR)
    citizen = record_input()
    client.post(OPEN_RECORD, {"input": citizen}, token=token)
    document = (
        "mutation ($n: String!) { reissueTemporaryPassword(nationalId: $n) { __typename ... on Problem { code } } }"
    )
    reply = client.post(document, {"n": citizen["nationalId"]}, token=token)
    assert reply.data["reissueTemporaryPassword"]["code"] == "EVIDENCE_REQUIRED"


def test_a_short_session_is_a_failed_sign_in_not_a_crash(client: GraphQLClient) -> None:
    document = """mutation ($s: String!) { completeNewPassword(nationalId: "1000001014", session: $s,
        newPassword: "a long enough new password") { __typename ... on Problem { code } } }"""
    for session in ("x", "", "s" * 19):
        reply = client.post(document, {"s": session})
        assert no_crash(reply.json()), session
        assert reply.data["completeNewPassword"]["code"] == "SIGN_IN_FAILED"


def test_a_3000_character_centre_id_is_refused_before_the_audit_record(client: GraphQLClient) -> None:
    document = "query ($id: ID!) { centre(id: $id) { __typename } }"
    for token in (None, sign_in(client, OPERATOR)):
        reply = client.post(document, {"id": "C" * 3_000}, token=token)
        assert reply.error_codes == ["VALUE_TOO_LONG"]
        assert reply.data is None


def test_an_audit_trail_of_no_one_is_a_coded_refusal(client: GraphQLClient) -> None:
    """Found by the fuzzer: an empty actor or target reached DynamoDB as an empty key (which it refuses)."""
    monitor = sign_in(client, "1000001055")
    window = 'since: "2026-01-01T00:00:00+00:00", until: "2026-12-31T00:00:00+00:00"'
    for who in ('actor: ""', 'target: ""', 'actor: "", target: ""', ""):
        reply = client.post(
            f"{{ auditTrail({who}{', ' if who else ''}{window}) {{ items {{ action }} }} }}", token=monitor
        )
        assert reply.error_codes == ["VALIDATION_FAILED"], (who, reply.text)
