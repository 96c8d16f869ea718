"""``make schema``: print the SDL generated from the code (committed as schema.graphql)."""

from __future__ import annotations

from functions.api.schema import GraphQLPolicy, build_schema


def sdl() -> str:
    return build_schema(GraphQLPolicy.for_stage("local")).as_str() + "\n"


if __name__ == "__main__":
    print(sdl(), end="")
