"""Strawberry GraphQL: types, queries, mutations, context and error handling. No business rules here."""
