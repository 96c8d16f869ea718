"""GQL-04 and GQL-15: at most one sensitive root field per document, however deep it is hidden.

Validated against the real, full schema; a refused document never reaches a resolver (validation
fails, so nothing executes).
"""

from __future__ import annotations

import time

from graphql import parse, validate

from functions.api.schema import GraphQLPolicy, build_schema
from functions.api.sensitive_fields import OneSensitiveFieldPerDocument

SCHEMA = build_schema(GraphQLPolicy.for_stage("prod"))._schema
SIGN_IN = 'signIn(nationalId: "1000001014", password: "p{n}") {{ __typename }}'
LOOKUP = 'lookupCitizen(nationalId: "1000000008") { __typename }'


def refusals(document: str) -> list[str]:
    errors = validate(SCHEMA, parse(document), [OneSensitiveFieldPerDocument])
    return [error.message for error in errors]


def nested_inline(levels: int, inner: str, operation: str = "mutation", root: str = "Mutation") -> str:
    body = inner
    for _ in range(levels):
        body = f"... on {root} {{ {body} }}"
    return f"{operation} {{ {body} }}"


def aliased_sign_ins(count: int) -> str:
    return " ".join(f"a{n}: " + SIGN_IN.format(n=n) for n in range(count))


def test_one_sensitive_field_is_allowed() -> None:
    assert refusals(f"mutation {{ {SIGN_IN.format(n=0)} }}") == []


def test_two_aliased_sign_ins_are_refused() -> None:
    assert refusals(f"mutation {{ {aliased_sign_ins(2)} }}")


def test_seventeen_nested_inline_fragments_do_not_hide_fifteen_sign_ins() -> None:
    assert refusals(nested_inline(17, aliased_sign_ins(15)))


def test_no_depth_of_inline_fragments_hides_them() -> None:
    for levels in (1, 16, 17, 40, 100):
        assert refusals(nested_inline(levels, aliased_sign_ins(2))), levels


def test_sign_ins_split_across_nesting_levels_are_counted_together() -> None:
    document = nested_inline(30, f"a: {SIGN_IN.format(n=1)} " + "... on Mutation { " * 20 + "b: " + SIGN_IN.format(n=2))
    assert refusals(document + " }" * 20)


def test_tracking_hidden_in_deep_fragment_spreads_is_counted() -> None:
    track = 'trackRequest(trackingNumber: "T-1", pin: "1") { __typename }'
    fragments = [f"fragment F0 on Query {{ t0: {track} t1: {track} }}"]
    fragments += [f"fragment F{n} on Query {{ ... on Query {{ ...F{n - 1} }} }}" for n in range(1, 25)]
    assert refusals("query { ...F24 } " + " ".join(fragments))


def test_one_fragment_spread_twice_counts_twice() -> None:
    assert refusals(f"query {{ ...L ...L }} fragment L on Query {{ {LOOKUP} }}")


def test_fragment_cycles_end_the_count_quickly() -> None:
    started = time.perf_counter()
    cyclic = (
        "mutation { ...A } fragment A on Mutation { ...B " + SIGN_IN.format(n=1) + " } fragment B on Mutation { ...A }"
    )
    refusals(cyclic)  # graphql's own NoFragmentCycles rule reports the cycle; this rule must only end
    assert time.perf_counter() - started < 1.0  # a guard against endless or exponential walks


def test_a_doubling_fragment_chain_is_counted_without_walking_every_copy() -> None:
    chain = [f"fragment D0 on Query {{ {LOOKUP} }}"]
    chain += [f"fragment D{n} on Query {{ ...D{n - 1} ...D{n - 1} }}" for n in range(1, 60)]
    started = time.perf_counter()
    assert refusals("query { ...D59 } " + " ".join(chain))
    assert time.perf_counter() - started < 1.0  # 2**59 copies if walked one by one
