"""Pure domain: entities, rules and typed errors. Imports no AWS or GraphQL library (a test checks)."""
